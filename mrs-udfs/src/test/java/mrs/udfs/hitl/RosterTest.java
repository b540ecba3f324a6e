package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.ALICE_KEY;
import static mrs.udfs.hitl.Fixtures.BOB_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    private static Properties props(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static final String BOTH = "analyst.alice.key=" + ALICE_KEY + "\nanalyst.alice.role=lead\n"
            + "analyst.bob.key=" + BOB_KEY + "\nanalyst.bob.role=analyst\n";

    @Test
    void defaultRosterHoldsTwoDemoAnalysts() {
        Roster r = Roster.load();
        assertThat(r.demo()).isTrue();
        assertThat(r.version()).isEqualTo("demo-1");
        assertThat(r.analystIds()).containsExactly("alice", "bob");
        Roster.Analyst alice = r.lookup("alice").orElseThrow();
        assertThat(alice.role()).isEqualTo("lead");
        assertThat(alice.key()).isEqualTo(HexFormat.of().parseHex(ALICE_KEY));
        assertThat(new String(alice.key(), StandardCharsets.US_ASCII)).startsWith("demo-only-key-");
        assertThat(alice.actions()).isEqualTo(EnumSet.allOf(ActionType.class));
        assertThat(r.lookup("bob").orElseThrow().key()).isEqualTo(HexFormat.of().parseHex(BOB_KEY));
    }

    @Test
    void lookupIsExact() {
        Roster r = Roster.fromProperties(props(BOTH));
        assertThat(r.contains("alice")).isTrue();
        assertThat(r.contains("Alice")).isFalse();
        assertThat(r.contains(" alice")).isFalse();
        assertThat(r.contains(null)).isFalse();
        assertThat(r.lookup("mallory")).isEmpty();
        assertThat(r.demo()).isFalse();
        assertThat(r.version()).isEqualTo("unversioned");
    }

    @Test
    void loadsAFileAndRestrictsActions(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("roster.properties");
        Files.writeString(f, "roster.version = 2025-08-01\n" + BOTH
                + "analyst.bob.actions = add_evidence, confirm\nanalyst.bob.name = Bob B\n");
        Roster r = Roster.load(f);
        assertThat(r.version()).isEqualTo("2025-08-01");
        Roster.Analyst bob = r.lookup("bob").orElseThrow();
        assertThat(bob.actions()).containsExactlyInAnyOrder(ActionType.ADD_EVIDENCE, ActionType.CONFIRM);
        assertThat(bob.may(ActionType.FINALISE)).isFalse();
        assertThat(bob.name()).isEqualTo("Bob B");
        assertThat(r.lookup("alice").orElseThrow().name()).isEqualTo("alice");
    }

    @Test
    void errorsInAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "analyst.alice.role=lead\n");
        assertThatThrownBy(() -> Roster.load(f)).hasMessageContaining(f.toString())
                .hasMessageContaining("analyst.alice.key");
    }

    @Test
    void neverPrintsKeys() {
        Roster r = Roster.fromProperties(props(BOTH));
        assertThat(r.toString()).doesNotContain(ALICE_KEY).contains("alice", "bob");
        assertThat(r.lookup("alice").orElseThrow().toString()).doesNotContain(ALICE_KEY);
    }

    @Test
    void keysAreCopiedOut() {
        Roster.Analyst alice = Roster.fromProperties(props(BOTH)).lookup("alice").orElseThrow();
        alice.key()[0] = 0;
        assertThat(alice.key()).isEqualTo(HexFormat.of().parseHex(ALICE_KEY));
    }

    @Test
    void rejectsBadRostersWithTheKeyNamed() {
        assertBad("", "no analysts");
        assertBad("roster.version=1\n", "no analysts");
        assertBad(BOTH + "analyst.alice.kye=x\n", "analyst.alice.kye");
        assertBad(BOTH + "analysts=alice\n", "analysts: unknown key");
        assertBad(BOTH + "analyst.al.ice.key=" + ALICE_KEY + "\n", "analyst.al.ice.key");
        assertBad(BOTH + "analyst.alice=x\n", "analyst.alice");
        assertBad("analyst.alice.role=lead\n", "analyst.alice.key: is required");
        assertBad("analyst.alice.key=" + ALICE_KEY + "\n", "analyst.alice.role: is required");
        assertBad("analyst.alice.key=abc\nanalyst.alice.role=lead\n", "analyst.alice.key: key must be hex");
        assertBad("analyst.alice.key=" + ALICE_KEY.substring(0, 40) + "\nanalyst.alice.role=lead\n",
                "at least 32 bytes");
        assertBad("analyst.alice.key=" + ALICE_KEY + "\nanalyst.alice.role=lead\n"
                + "analyst.bob.key=" + ALICE_KEY.toUpperCase() + "\nanalyst.bob.role=lead\n", "same key as analyst alice");
        assertBad(BOTH + "analyst.bob.actions=confirm, approve\n", "unknown action 'approve'");
        assertBad(BOTH + "analyst.bob.actions= , \n", "analyst.bob.actions: is empty");
        assertBad(BOTH + "analyst.bob.role=two words\n", "analyst.bob.role");
        assertBad(BOTH + "roster.demo=yes\n", "roster.demo");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> Roster.fromProperties(props(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining(ALICE_KEY);
    }
}
