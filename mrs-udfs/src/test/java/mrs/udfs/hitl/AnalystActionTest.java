package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.EVENT;
import static mrs.udfs.hitl.Fixtures.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalystActionTest {

    private static final AnalystAction FULL = AnalystAction.builder().actionId("a-1").analyst("alice")
            .issuedAt(TUESDAY).event(EVENT).action("edit_attribution").cause("c").detectionType("d")
            .narrative("n").evidenceUrl("https://e").reason("r").signature("ab").build();

    @Test
    void canonicalFormIsTheDocumentedText() {
        AnalystAction a = Fixtures.confirm().build();
        assertThat(a.canonical()).isEqualTo(String.join("\n",
                "mrs-analyst-action-v1",
                "action_id=act-0001",
                "analyst=alice",
                "issued_at=1754989200000",
                "target_kind=EVENT",
                "target_id=ME-0123456789ab",
                "action=confirm",
                "cause",
                "detection_type",
                "narrative",
                "evidence_url",
                "reason=ops confirmed the till fault"));
    }

    @Test
    void nullAndEmptyAreDistinct() {
        AnalystAction withNull = Fixtures.confirm().cause(null).build();
        AnalystAction withEmpty = Fixtures.confirm().cause("").build();
        assertThat(withNull.canonical()).contains("\ncause\n");
        assertThat(withEmpty.canonical()).contains("\ncause=\n");
        assertThat(withNull.canonical()).isNotEqualTo(withEmpty.canonical());
        AnalystAction nullKind = Fixtures.confirm().target(null, null).build();
        assertThat(nullKind.canonical()).contains("\ntarget_kind\ntarget_id\n");
    }

    /** One mutation per field except the signature; each must change the canonical form. */
    private static final List<UnaryOperator<AnalystAction.Builder>> MUTATIONS = List.of(
            b -> b.actionId("a-2"),
            b -> b.analyst("bob"),
            b -> b.issuedAt(TUESDAY + 1),
            b -> b.target(TargetKind.REPORT, EVENT),
            b -> b.target(TargetKind.EVENT, "ME-0123456789ac"),
            b -> b.action("confirm"),
            b -> b.cause("c2"),
            b -> b.detectionType("d2"),
            b -> b.narrative("n2"),
            b -> b.evidenceUrl("https://f"),
            b -> b.reason("r2"),
            b -> b.cause(null),
            b -> b.cause(""),
            b -> b.reason("r "),
            b -> b.narrative("N"));

    @Test
    void canonicalChangesWhenAnyFieldChanges() {
        Set<String> forms = new HashSet<>();
        forms.add(FULL.canonical());
        for (UnaryOperator<AnalystAction.Builder> m : MUTATIONS) {
            String changed = m.apply(FULL.toBuilder()).build().canonical();
            assertThat(changed).isNotEqualTo(FULL.canonical());
            forms.add(changed);
        }
        assertThat(forms).hasSize(MUTATIONS.size() + 1);
    }

    @Test
    void canonicalCoversEveryComponentButTheSignature() {
        // guards against a new record component being left out of the signed form
        assertThat(AnalystAction.class.getRecordComponents()).hasSize(AnalystAction.CANONICAL_KEYS.size() + 1);
        assertThat(AnalystAction.CANONICAL_KEYS).doesNotContain("signature");
    }

    @Test
    void canonicalIsStableAndIgnoresTheSignature() {
        AnalystAction copy = FULL.toBuilder().build();
        assertThat(copy.canonical()).isEqualTo(FULL.canonical());
        assertThat(FULL.withSignature("ff").canonical()).isEqualTo(FULL.canonical());
        assertThat(FULL.withSignature(null).canonical()).isEqualTo(FULL.canonical());
    }

    @Test
    void separatorsInValuesCannotForgeAnotherField() {
        // a reason that tries to smuggle in a line of its own
        AnalystAction sneaky = Fixtures.confirm().cause(null).reason("ok\ncause=Till Fault").build();
        AnalystAction honest = Fixtures.confirm().cause("Till Fault").reason("ok").build();
        assertThat(sneaky.canonical()).isNotEqualTo(honest.canonical());
        assertThat(sneaky.canonical().lines()).hasSize(12);
        assertThat(sneaky.canonical()).endsWith("reason=ok\\ncause=Till Fault");
    }

    @Test
    void escapesBackslashLineBreaksControlsAndLoneSurrogates() {
        AnalystAction a = Fixtures.confirm().narrative("a\\b\r\n\tc=d\u007f\ud800é😀").build();
        assertThat(a.canonical()).contains("\nnarrative=a\\\\b\\r\\n\\u0009c=d\\u007f\\ud800é😀\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\\", "\\n", "\n", "\r\n", "=", "a=b", "\\N", "x\u0000y",
            "\udc00", "\ud83d\ude00", "ends with backslash \\", "\\u0041", "null"})
    void parseCanonicalIsTheExactInverse(String tricky) {
        AnalystAction a = FULL.toBuilder().narrative(tricky).reason(tricky).cause(tricky).build();
        AnalystAction back = AnalystAction.parseCanonical(a.canonical(), a.signature());
        assertThat(back).isEqualTo(a);
    }

    @Test
    void parseCanonicalRoundTripsNulls() {
        AnalystAction a = AnalystAction.builder().issuedAt(-5).build();
        assertThat(AnalystAction.parseCanonical(a.canonical(), null)).isEqualTo(a);
    }

    @Test
    void parseCanonicalRejectsAnythingElse() {
        String ok = FULL.canonical();
        assertThatThrownBy(() -> AnalystAction.parseCanonical(ok + "\n", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalystAction.parseCanonical(ok.replace("mrs-analyst-action-v1", "v0"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalystAction.parseCanonical(ok.replace("narrative=n", "narrative=\\u006e"), null))
                .hasMessageContaining("canonical form");
        assertThatThrownBy(() -> AnalystAction.parseCanonical(ok.replace("narrative=n", "narrative=\\x"), null))
                .hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> AnalystAction.parseCanonical(ok.replace("issued_at=", "issued_at=0"), null))
                .hasMessageContaining("issued_at");
        assertThatThrownBy(() -> AnalystAction.parseCanonical(
                ok.replace("cause=c\ndetection_type=d", "detection_type=d\ncause=c"), null))
                .hasMessageContaining("cause");
    }

    @Test
    void typeAndSignedHelpers() {
        assertThat(Fixtures.confirm().build().type()).contains(ActionType.CONFIRM);
        assertThat(Fixtures.confirm().action("Confirm").build().type()).isEmpty();
        assertThat(Fixtures.confirm().build().signed()).isFalse();
        assertThat(Fixtures.confirm().signature("  ").build().signed()).isFalse();
        assertThat(Fixtures.confirm().signature("00").build().signed()).isTrue();
    }

    @Test
    void targetKindsKnowTheirIds() {
        assertThat(TargetKind.ofId("MR-0123456789abcdef")).isEqualTo(TargetKind.REPORT);
        assertThat(TargetKind.ofId("ME-0123456789ab")).isEqualTo(TargetKind.EVENT);
        assertThat(TargetKind.ofId("ME-0123456789AB")).isNull();
        assertThat(TargetKind.ofId("MR-0123456789abcde")).isNull();
        assertThat(TargetKind.ofId(null)).isNull();
        assertThat(TargetKind.EVENT.jsonField()).isEqualTo("report_group_id");
        assertThat(TargetKind.REPORT.jsonField()).isEqualTo("report_id");
    }
}
