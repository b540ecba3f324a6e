package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.ALICE_KEY;
import static mrs.udfs.hitl.Fixtures.BOB_KEY;
import static mrs.udfs.hitl.Fixtures.KNOWN;
import static mrs.udfs.hitl.Fixtures.MALLORY_KEY;
import static mrs.udfs.hitl.Fixtures.signedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import mrs.udfs.hitl.Verdict.Category;
import org.junit.jupiter.api.Test;

class ActionValidatorTest {

    private static final Roster ROSTER = Roster.load();

    private static Verdict check(AnalystAction a) {
        return ActionValidator.check(a, ROSTER, Set.of(), KNOWN);
    }

    private static Verdict checkSigned(AnalystAction.Builder b) {
        return check(signedBy(b, ALICE_KEY));
    }

    @Test
    void acceptsAValidSignedActionOfEachKind() {
        assertThat(checkSigned(Fixtures.confirm())).isEqualTo(Verdict.accept(false));
        assertThat(checkSigned(Fixtures.edit()).accepted()).isTrue();
        assertThat(checkSigned(Fixtures.confirm().action(ActionType.ADD_EVIDENCE).reason(null)
                .evidenceUrl("https://www.tiktok.com/tag/jupyterchallenge")).accepted()).isTrue();
        assertThat(checkSigned(Fixtures.confirm().action(ActionType.ADD_EVIDENCE).reason(null)
                .narrative("store manager called")).accepted()).isTrue();
        for (ActionType t : List.of(ActionType.REJECT_FALSE_POSITIVE, ActionType.FINALISE, ActionType.REOPEN)) {
            assertThat(checkSigned(Fixtures.confirm().action(t))).as(t.wire()).isEqualTo(Verdict.accept(false));
        }
        AnalystAction byBob = Signer.signed(Fixtures.confirm().analyst("bob").build(), BOB_KEY);
        assertThat(check(byBob).accepted()).isTrue();
    }

    @Test
    void unsignedWrongSignatureReplayedAndNonRosterAreRefusedDistinctly() {
        AnalystAction good = signedBy(Fixtures.confirm(), ALICE_KEY);

        Verdict unsigned = check(Fixtures.confirm().build());
        Verdict wrong = check(Signer.signed(Fixtures.confirm().build(), BOB_KEY));
        Verdict replayed = ActionValidator.check(good, ROSTER, Set.of("act-0001"), KNOWN);
        Verdict stranger = check(Signer.signed(Fixtures.confirm().analyst("mallory").build(), MALLORY_KEY));

        assertThat(unsigned.category()).isEqualTo(Category.UNSIGNED);
        assertThat(wrong.category()).isEqualTo(Category.BAD_SIGNATURE);
        assertThat(replayed.category()).isEqualTo(Category.REPLAYED);
        assertThat(stranger.category()).isEqualTo(Category.UNKNOWN_ANALYST);
        List<Verdict> all = List.of(unsigned, wrong, replayed, stranger);
        assertThat(all).noneMatch(Verdict::accepted).allMatch(Verdict::refused);
        assertThat(all.stream().map(Verdict::reason).distinct()).hasSize(4);
        assertThat(unsigned.reason()).contains("unsigned");
        assertThat(wrong.reason()).contains("signature does not verify", "alice");
        assertThat(replayed.reason()).contains("replayed", "act-0001");
        assertThat(stranger.reason()).contains("mallory", "not in the roster");
        assertThat(all).allSatisfy(v -> assertThat(v.reason()).doesNotContain(ALICE_KEY, BOB_KEY, MALLORY_KEY));
    }

    @Test
    void blankSignatureIsUnsignedAndGarbageIsBadSignature() {
        assertThat(check(Fixtures.confirm().signature(" ").build()).category()).isEqualTo(Category.UNSIGNED);
        assertThat(check(Fixtures.confirm().signature("not-hex").build()).category())
                .isEqualTo(Category.BAD_SIGNATURE);
    }

    @Test
    void anyChangeAfterSigningIsABadSignature() {
        AnalystAction good = signedBy(Fixtures.confirm(), ALICE_KEY);
        assertThat(check(good.toBuilder().reason("other").build()).category()).isEqualTo(Category.BAD_SIGNATURE);
        assertThat(check(good.toBuilder().event("ME-ffffffffffff").build()).category())
                .isEqualTo(Category.BAD_SIGNATURE);
        assertThat(check(good.toBuilder().action("reject_false_positive").build()).category())
                .isEqualTo(Category.BAD_SIGNATURE);
        // a different analyst presenting alice's signature
        assertThat(check(good.toBuilder().analyst("bob").build()).category()).isEqualTo(Category.BAD_SIGNATURE);
    }

    @Test
    void replayIsOnlyAboutAcceptedIdsAndTheSetIsNotModified() {
        AnalystAction good = signedBy(Fixtures.confirm(), ALICE_KEY);
        Set<String> seen = new HashSet<>(Set.of("act-0000"));
        assertThat(ActionValidator.check(good, ROSTER, seen, KNOWN).accepted()).isTrue();
        assertThat(seen).containsExactly("act-0000");
        // the same signed action after the caller has recorded it
        seen.add(good.actionId());
        assertThat(ActionValidator.check(good, ROSTER, seen, KNOWN).category()).isEqualTo(Category.REPLAYED);
    }

    @Test
    void malformedEnvelopes() {
        assertThat(checkSigned(Fixtures.confirm().actionId(null)).category()).isEqualTo(Category.MALFORMED);
        assertThat(checkSigned(Fixtures.confirm().actionId(" ")).reason()).contains("action_id");
        assertThat(checkSigned(Fixtures.confirm().analyst(null)).reason()).contains("analyst is missing");
        assertThat(checkSigned(Fixtures.confirm().issuedAt(0)).reason()).contains("issued_at");
    }

    @Test
    void unknownAction() {
        Verdict v = checkSigned(Fixtures.confirm().action("approve"));
        assertThat(v.category()).isEqualTo(Category.UNKNOWN_ACTION);
        assertThat(v.reason()).contains("approve");
        assertThat(checkSigned(Fixtures.confirm().action("CONFIRM")).category()).isEqualTo(Category.UNKNOWN_ACTION);
        assertThat(checkSigned(Fixtures.confirm().action((String) null)).category())
                .isEqualTo(Category.UNKNOWN_ACTION);
    }

    @Test
    void rosterPermissionsAreEnforced() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader("analyst.alice.key=" + ALICE_KEY + "\nanalyst.alice.role=analyst\n"
                + "analyst.alice.actions=add_evidence, confirm\n"));
        Roster limited = Roster.fromProperties(p);
        AnalystAction fin = signedBy(Fixtures.confirm().action(ActionType.FINALISE), ALICE_KEY);
        Verdict v = ActionValidator.check(fin, limited, Set.of(), KNOWN);
        assertThat(v.category()).isEqualTo(Category.NOT_PERMITTED);
        assertThat(v.reason()).contains("may not finalise");
        assertThat(ActionValidator.check(signedBy(Fixtures.confirm(), ALICE_KEY), limited, Set.of(), KNOWN)
                .accepted()).isTrue();
    }

    @Test
    void malformedTargets() {
        assertThat(checkSigned(Fixtures.confirm().target(null, null)).category())
                .isEqualTo(Category.MALFORMED_TARGET);
        assertThat(checkSigned(Fixtures.confirm().event(null)).reason()).contains("report_group_id is missing");
        assertThat(checkSigned(Fixtures.confirm().event("ME-123")).reason()).contains("does not match");
        assertThat(checkSigned(Fixtures.confirm().event("me-0123456789ab")).category())
                .isEqualTo(Category.MALFORMED_TARGET);
        assertThat(checkSigned(Fixtures.confirm().event("ME-0123456789AB")).category())
                .isEqualTo(Category.MALFORMED_TARGET);
        assertThat(checkSigned(Fixtures.confirm().event(Fixtures.REPORT)).reason())
                .contains("is a report_id, not a report_group_id");
        assertThat(checkSigned(Fixtures.confirm().report(Fixtures.EVENT)).reason())
                .contains("is a report_group_id, not a report_id");
        assertThat(checkSigned(Fixtures.confirm().report(Fixtures.REPORT)).accepted()).isTrue();
    }

    @Test
    void requiredFieldsPerAction() {
        assertMissing(Fixtures.edit().cause(null), "edit_attribution requires cause");
        assertMissing(Fixtures.edit().cause("  "), "edit_attribution requires cause");
        assertMissing(Fixtures.confirm().action(ActionType.ADD_EVIDENCE).reason("r"),
                "add_evidence requires evidence_url or narrative");
        for (ActionType t : List.of(ActionType.CONFIRM, ActionType.REJECT_FALSE_POSITIVE, ActionType.FINALISE,
                ActionType.REOPEN)) {
            assertMissing(Fixtures.confirm().action(t).reason(null), t.wire() + " requires reason");
            assertMissing(Fixtures.confirm().action(t).reason(""), t.wire() + " requires reason");
        }
        // edits and evidence need no reason
        assertThat(checkSigned(Fixtures.edit().reason(null)).accepted()).isTrue();
    }

    private static void assertMissing(AnalystAction.Builder b, String reason) {
        Verdict v = checkSigned(b);
        assertThat(v.category()).isEqualTo(Category.MISSING_FIELD);
        assertThat(v.reason()).isEqualTo(reason);
    }

    @Test
    void invalidFields() {
        Verdict type = checkSigned(Fixtures.edit().detectionType("Weather"));
        assertThat(type.category()).isEqualTo(Category.INVALID_FIELD);
        assertThat(type.reason()).contains("Weather");
        assertThat(checkSigned(Fixtures.edit().detectionType("social_viral")).accepted()).isTrue();
        assertThat(checkSigned(Fixtures.edit().detectionType(null)).accepted()).isTrue();
        for (String url : List.of("javascript:alert(1)", "ftp://x/y", "not a url", "/relative/path", "https://")) {
            Verdict v = checkSigned(Fixtures.confirm().action(ActionType.ADD_EVIDENCE).evidenceUrl(url));
            assertThat(v.category()).as(url).isEqualTo(Category.INVALID_FIELD);
        }
        assertThat(checkSigned(Fixtures.confirm().evidenceUrl("HTTP://ops.example/ticket/42")).accepted()).isTrue();
    }

    @Test
    void novelCausesAreAcceptedAndFlagged() {
        Verdict known = checkSigned(Fixtures.edit().cause("TikTok Viral"));
        Verdict novel = checkSigned(Fixtures.edit().cause("TV Recipe Feature").detectionType(null));
        assertThat(known.novelCause()).isFalse();
        assertThat(novel.accepted()).isTrue();
        assertThat(novel.novelCause()).isTrue();
        assertThat(novel.reason()).contains("novel");
        // only an edit carries a cause that counts
        assertThat(checkSigned(Fixtures.confirm().cause("Something New")).novelCause()).isFalse();
    }

    @Test
    void authenticityIsJudgedBeforeContent() {
        // unsigned and malformed in content: the verdict is about the missing signature
        assertThat(check(Fixtures.confirm().action("approve").event("bad").build()).category())
                .isEqualTo(Category.UNSIGNED);
        // a stranger's action with missing fields: the verdict is about the stranger
        assertThat(check(Signer.signed(Fixtures.confirm().analyst("eve").reason(null).build(), MALLORY_KEY))
                .category()).isEqualTo(Category.UNKNOWN_ANALYST);
    }

    @Test
    void verdictInvariants() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Verdict(true, "x", Category.REPLAYED, false)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Verdict(false, "x", Category.REPLAYED, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
