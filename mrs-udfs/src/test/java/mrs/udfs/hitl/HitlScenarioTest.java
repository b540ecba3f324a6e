package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.ALICE_KEY;
import static mrs.udfs.hitl.Fixtures.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "Done when" lines on automation, signed actions and directives, end to end in pure Java. */
class HitlScenarioTest {

    private static final Roster ROSTER = Roster.load();
    private static final List<String> STORES = List.of("LDN-017");
    private static final List<String> SKUS = List.of("SKU-123");

    /** What the job does when an event's attribution arrives: automation, then a directive if decided. */
    private static EventStatus automate(long eventTime, String type, double confidence, String priority) {
        boolean weekend = EventStatus.weekend(eventTime, AutomationPolicy.DEFAULT.zone());
        EventStatus automated = EventStatus.automation(type, confidence, priority, weekend, false,
                AutomationPolicy.DEFAULT);
        return EventStatus.afterAutomation(EventStatus.DETECTED, automated);
    }

    private static Optional<Directive> directive(EventStatus status, long at) {
        return ProtectionRules.directive(EVENT, status, "Data Error", 0.8, STORES, SKUS, at, at + 3_600_000L, at);
    }

    @Test
    void weekendDataErrorAt80IsAutoConfirmedAndExcluded() {
        EventStatus status = automate(Fixtures.SATURDAY, "Data Error", 0.8, "High");
        assertThat(status).isEqualTo(EventStatus.AUTO_CONFIRMED);
        assertThat(EventStatus.reportStatus(status, false)).isEqualTo("AUTO_CONFIRMED");
        Directive d = directive(status, Fixtures.SATURDAY).orElseThrow();
        assertThat(d.type()).isEqualTo(DirectiveType.EXCLUDE_WINDOW);
        assertThat(d.stores()).containsExactly("LDN-017");
        assertThat(d.confidence()).isEqualTo(0.8);
    }

    @Test
    void theSameOnAWeekdayWaitsForReviewWithoutADirective() {
        EventStatus status = automate(Fixtures.TUESDAY, "Data Error", 0.8, "High");
        assertThat(status).isEqualTo(EventStatus.PENDING_REVIEW);
        assertThat(directive(status, Fixtures.TUESDAY)).isEmpty();
    }

    @Test
    void aSignedAnalystRejectionReleasesTheEvent() {
        EventStatus status = automate(Fixtures.SATURDAY, "Data Error", 0.8, "High");
        Directive exclude = directive(status, Fixtures.SATURDAY).orElseThrow();

        AnalystAction reject = Signer.signed(AnalystAction.builder().actionId("act-0100").analyst("alice")
                .issuedAt(Fixtures.SATURDAY + 7_200_000L).event(EVENT).action(ActionType.REJECT_FALSE_POSITIVE)
                .reason("maintenance test at the till, not a feed fault").build(), ALICE_KEY);
        Set<String> seen = new HashSet<>();
        Verdict verdict = ActionValidator.check(reject, ROSTER, seen, Fixtures.KNOWN);
        assertThat(verdict.accepted()).isTrue();
        seen.add(reject.actionId());

        EventStatus next = EventStatus.next(status, reject.type().orElseThrow()).orElseThrow();
        assertThat(next).isEqualTo(EventStatus.REJECTED_FALSE_POSITIVE);
        Directive release = directive(next, reject.issuedAt()).orElseThrow();
        assertThat(release.type()).isEqualTo(DirectiveType.RELEASE);
        assertThat(release.directiveId()).isNotEqualTo(exclude.directiveId());

        // the same signed action again is a replay
        assertThat(ActionValidator.check(reject, ROSTER, seen, Fixtures.KNOWN).category())
                .isEqualTo(Verdict.Category.REPLAYED);
    }

    @Test
    void analystConfirmationOnAWeekdayProducesTheDirective() {
        EventStatus status = automate(Fixtures.TUESDAY, "Data Error", 0.8, "High");
        AnalystAction confirm = Signer.signed(Fixtures.confirm().build(), ALICE_KEY);
        assertThat(ActionValidator.check(confirm, ROSTER, Set.of(), Fixtures.KNOWN).accepted()).isTrue();
        EventStatus next = EventStatus.next(status, ActionType.CONFIRM).orElseThrow();
        assertThat(next).isEqualTo(EventStatus.CONFIRMED);
        assertThat(directive(next, confirm.issuedAt()).orElseThrow().type()).isEqualTo(DirectiveType.EXCLUDE_WINDOW);
        // and the machine no longer moves it
        assertThat(EventStatus.afterAutomation(next, EventStatus.PENDING_REVIEW)).isEqualTo(EventStatus.CONFIRMED);
    }
}
