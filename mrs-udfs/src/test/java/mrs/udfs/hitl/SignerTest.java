package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.ALICE_KEY;
import static mrs.udfs.hitl.Fixtures.BOB_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignerTest {

    @Test
    void matchesAnIndependentHmacOfTheCanonicalForm() {
        // computed with: printf '<canonical>' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<ALICE_KEY>
        assertThat(Signer.sign(Fixtures.confirm().build(), ALICE_KEY))
                .isEqualTo("119b7a991213b527ec8ae39d6d6955f445605f9f28085d35f6ad8a7faa6374dd");
    }

    @Test
    void signsDeterministicallyAndIgnoresAnExistingSignature() {
        AnalystAction a = Fixtures.confirm().build();
        assertThat(Signer.sign(a, ALICE_KEY)).isEqualTo(Signer.sign(a.withSignature("junk"), ALICE_KEY))
                .hasSize(64).matches("[0-9a-f]{64}");
        assertThat(Signer.sign(a, HexFormat.of().parseHex(ALICE_KEY))).isEqualTo(Signer.sign(a, ALICE_KEY));
    }

    @Test
    void verifiesOnlyTheRightKeyAndTheUnchangedAction() {
        AnalystAction signed = Signer.signed(Fixtures.confirm().build(), ALICE_KEY);
        assertThat(Signer.verify(signed, ALICE_KEY)).isTrue();
        assertThat(Signer.verify(signed, BOB_KEY)).isFalse();
        assertThat(Signer.verify(signed.toBuilder().reason("changed").build(), ALICE_KEY)).isFalse();
        assertThat(Signer.verify(signed.toBuilder().issuedAt(signed.issuedAt() + 1).build(), ALICE_KEY)).isFalse();
        assertThat(Signer.verify(signed.withSignature(signed.signature().toUpperCase()), ALICE_KEY)).isTrue();
    }

    @Test
    void malformedSignaturesDoNotVerify() {
        AnalystAction a = Fixtures.confirm().build();
        String good = Signer.sign(a, ALICE_KEY);
        for (String bad : new String[] {null, "", "  ", good.substring(2), good + "00", "zz" + good.substring(2),
                good.replace(good.charAt(0), good.charAt(0) == '0' ? '1' : '0')}) {
            assertThat(Signer.verify(a.withSignature(bad), ALICE_KEY)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void keysMustBeLongEnoughHex() {
        assertThat(Signer.decodeKey(" " + ALICE_KEY.toUpperCase() + "\n")).hasSize(32);
        assertThatThrownBy(() -> Signer.decodeKey(ALICE_KEY.substring(0, 62)))
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining(ALICE_KEY.substring(0, 62));
        assertThatThrownBy(() -> Signer.decodeKey(ALICE_KEY.substring(1))).hasMessageContaining("hex");
        assertThatThrownBy(() -> Signer.decodeKey("g" + ALICE_KEY.substring(1))).hasMessageContaining("hex");
        assertThatThrownBy(() -> Signer.decodeKey(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> Signer.sign(Fixtures.confirm().build(), new byte[16]))
                .hasMessageContaining("at least 32 bytes");
    }
}
