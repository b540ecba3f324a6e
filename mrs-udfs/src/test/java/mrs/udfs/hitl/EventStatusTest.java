package mrs.udfs.hitl;

import static mrs.udfs.hitl.AutomationPolicy.LONDON;
import static mrs.udfs.hitl.EventStatus.AUTO_CONFIRMED;
import static mrs.udfs.hitl.EventStatus.PENDING_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventStatusTest {

    private static final AutomationPolicy DEFAULT = AutomationPolicy.DEFAULT;

    /** The whole table of the class comment: 7 statuses x 6 actions; "-" = refused. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "DETECTED,                edit_attribution,      CONFIRMED",
        "DETECTED,                add_evidence,          DETECTED",
        "DETECTED,                confirm,               CONFIRMED",
        "DETECTED,                reject_false_positive, REJECTED_FALSE_POSITIVE",
        "DETECTED,                finalise,              FINALISED",
        "DETECTED,                reopen,                -",
        "PENDING_REVIEW,          edit_attribution,      CONFIRMED",
        "PENDING_REVIEW,          add_evidence,          PENDING_REVIEW",
        "PENDING_REVIEW,          confirm,               CONFIRMED",
        "PENDING_REVIEW,          reject_false_positive, REJECTED_FALSE_POSITIVE",
        "PENDING_REVIEW,          finalise,              FINALISED",
        "PENDING_REVIEW,          reopen,                -",
        "AUTO_CONFIRMED,          edit_attribution,      CONFIRMED",
        "AUTO_CONFIRMED,          add_evidence,          AUTO_CONFIRMED",
        "AUTO_CONFIRMED,          confirm,               CONFIRMED",
        "AUTO_CONFIRMED,          reject_false_positive, REJECTED_FALSE_POSITIVE",
        "AUTO_CONFIRMED,          finalise,              FINALISED",
        "AUTO_CONFIRMED,          reopen,                REOPENED",
        "CONFIRMED,               edit_attribution,      CONFIRMED",
        "CONFIRMED,               add_evidence,          CONFIRMED",
        "CONFIRMED,               confirm,               CONFIRMED",
        "CONFIRMED,               reject_false_positive, REJECTED_FALSE_POSITIVE",
        "CONFIRMED,               finalise,              FINALISED",
        "CONFIRMED,               reopen,                REOPENED",
        "REJECTED_FALSE_POSITIVE, edit_attribution,      CONFIRMED",
        "REJECTED_FALSE_POSITIVE, add_evidence,          REJECTED_FALSE_POSITIVE",
        "REJECTED_FALSE_POSITIVE, confirm,               CONFIRMED",
        "REJECTED_FALSE_POSITIVE, reject_false_positive, REJECTED_FALSE_POSITIVE",
        "REJECTED_FALSE_POSITIVE, finalise,              -",
        "REJECTED_FALSE_POSITIVE, reopen,                REOPENED",
        "FINALISED,               edit_attribution,      -",
        "FINALISED,               add_evidence,          FINALISED",
        "FINALISED,               confirm,               -",
        "FINALISED,               reject_false_positive, -",
        "FINALISED,               finalise,              -",
        "FINALISED,               reopen,                REOPENED",
        "REOPENED,                edit_attribution,      CONFIRMED",
        "REOPENED,                add_evidence,          REOPENED",
        "REOPENED,                confirm,               CONFIRMED",
        "REOPENED,                reject_false_positive, REJECTED_FALSE_POSITIVE",
        "REOPENED,                finalise,              FINALISED",
        "REOPENED,                reopen,                -",
    })
    void analystTransitions(EventStatus from, String action, String to) {
        ActionType type = ActionType.fromWire(action).orElseThrow();
        if (to.equals("-")) {
            assertThat(EventStatus.next(from, type)).isEmpty();
            assertThat(EventStatus.refusal(from, type)).get().asString()
                    .startsWith(action + " refused in " + from + ": ");
        } else {
            assertThat(EventStatus.next(from, type)).contains(EventStatus.valueOf(to));
            assertThat(EventStatus.next(from, action)).contains(EventStatus.valueOf(to));
            assertThat(EventStatus.refusal(from, type)).isEmpty();
        }
    }

    @Test
    void unknownWireActionHasNoTransition() {
        assertThat(EventStatus.next(PENDING_REVIEW, "approve")).isEmpty();
        assertThat(EventStatus.next(PENDING_REVIEW, (String) null)).isEmpty();
    }

    @Test
    void refusalsExplainThemselves() {
        assertThat(EventStatus.refusal(EventStatus.FINALISED, ActionType.CONFIRM)).get().asString()
                .contains("reopen it first");
        assertThat(EventStatus.refusal(EventStatus.REJECTED_FALSE_POSITIVE, ActionType.FINALISE)).get().asString()
                .contains("already closed");
        assertThat(EventStatus.refusal(PENDING_REVIEW, ActionType.REOPEN)).get().asString()
                .contains("still open");
    }

    @Test
    void ownership() {
        assertThat(EnumSet.allOf(EventStatus.class).stream().filter(EventStatus::machineOwned))
                .containsExactly(EventStatus.DETECTED, PENDING_REVIEW, AUTO_CONFIRMED);
        assertThat(EnumSet.allOf(EventStatus.class).stream().filter(EventStatus::decided))
                .containsExactly(AUTO_CONFIRMED, EventStatus.CONFIRMED, EventStatus.REJECTED_FALSE_POSITIVE,
                        EventStatus.FINALISED);
    }

    // ------------------------------------------------------------------ automation

    @ParameterizedTest(name = "{0} @ {1}, {2}, weekend={3}, campaign={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
        // weekend mode: strictly above 0.70, any of the five types, any priority
        "Data Error,               0.80, High,   true,  false, AUTO_CONFIRMED",
        "Data Error,               0.71, High,   true,  false, AUTO_CONFIRMED",
        "Data Error,               0.70, High,   true,  false, PENDING_REVIEW",
        "Data Error,               0.69, High,   true,  false, PENDING_REVIEW",
        "Social/Viral Event,       0.75, Medium, true,  false, AUTO_CONFIRMED",
        "Competitor Stockout,      0.95, High,   true,  false, AUTO_CONFIRMED",
        "Operational/Store Issue,  0.72, Medium, true,  false, AUTO_CONFIRMED",
        "Marketing Misattribution, 0.72, Medium, true,  false, AUTO_CONFIRMED",
        "data_error,               0.80, null,   true,  false, AUTO_CONFIRMED",
        // weekday default: only >= 0.90 marketing misattribution with campaign evidence
        "Data Error,               0.80, High,   false, false, PENDING_REVIEW",
        "Data Error,               0.99, High,   false, true,  PENDING_REVIEW",
        "Social/Viral Event,       0.95, Medium, false, true,  PENDING_REVIEW",
        "Marketing Misattribution, 0.90, Medium, false, true,  AUTO_CONFIRMED",
        "Marketing Misattribution, 0.97, Medium, false, true,  AUTO_CONFIRMED",
        "Marketing Misattribution, 0.89, Medium, false, true,  PENDING_REVIEW",
        "Marketing Misattribution, 0.95, Medium, false, false, PENDING_REVIEW",
        "Marketing Misattribution, 0.95, High,   false, true,  PENDING_REVIEW",
        "Marketing Misattribution, 0.95, HIGH,   false, true,  PENDING_REVIEW",
        // no usable confidence or type: always review
        "Data Error,               null, High,   true,  false, PENDING_REVIEW",
        "Data Error,               NaN,  High,   true,  false, PENDING_REVIEW",
        "unknown,                  0.99, Medium, true,  true,  PENDING_REVIEW",
        "null,                     0.99, Medium, true,  true,  PENDING_REVIEW",
        "Weather,                  0.99, Medium, true,  true,  PENDING_REVIEW",
    })
    void automationUnderTheDefaultPolicy(String type, Double confidence, String priority, boolean weekend,
            boolean campaign, EventStatus expected) {
        assertThat(EventStatus.automation(type, confidence, priority, weekend, campaign, DEFAULT)).isEqualTo(expected);
    }

    @Test
    void automationFollowsAConfiguredPolicy() {
        AutomationPolicy noWeekend = new AutomationPolicy(false, 0.70, 0.90,
                EnumSet.of(DetectionType.MARKETING_MISATTRIBUTION), true, Set.of("High"), LONDON);
        assertThat(EventStatus.automation("Data Error", 0.8, "High", true, false, noWeekend)).isEqualTo(PENDING_REVIEW);
        assertThat(EventStatus.automation("Marketing Misattribution", 0.95, "Medium", true, true, noWeekend))
                .isEqualTo(AUTO_CONFIRMED);

        AutomationPolicy broad = new AutomationPolicy(true, 0.80, 0.85,
                EnumSet.of(DetectionType.DATA_ERROR, DetectionType.COMPETITOR_STOCKOUT), false, Set.of(), LONDON);
        assertThat(EventStatus.automation("Data Error", 0.86, "High", false, false, broad)).isEqualTo(AUTO_CONFIRMED);
        assertThat(EventStatus.automation("Data Error", 0.80, "High", true, false, broad)).isEqualTo(PENDING_REVIEW);
        assertThat(EventStatus.automation("Marketing Misattribution", 0.99, "Medium", false, true, broad))
                .isEqualTo(PENDING_REVIEW);
    }

    @Test
    void policyDefaultsAndValidation() {
        assertThat(AutomationPolicy.defaults()).isEqualTo(new AutomationPolicy(true, 0.70, 0.90,
                EnumSet.of(DetectionType.MARKETING_MISATTRIBUTION), true, Set.of("High"),
                java.time.ZoneId.of("Europe/London")));
        assertThat(DEFAULT.reviewOnWeekday("high")).isTrue();
        assertThat(DEFAULT.reviewOnWeekday("Medium")).isFalse();
        assertThat(DEFAULT.reviewOnWeekday(null)).isFalse();
        assertThatThrownBy(() -> new AutomationPolicy(true, 1.2, 0.9, Set.of(), true, Set.of(), LONDON))
                .hasMessageContaining("weekendThreshold");
        assertThatThrownBy(() -> new AutomationPolicy(true, 0.7, Double.NaN, Set.of(), true, Set.of(), LONDON))
                .hasMessageContaining("weekdayThreshold");
        assertThat(new AutomationPolicy(true, 0.7, 0.9, null, true, null, LONDON).weekdayTypes()).isEmpty();
    }

    @Test
    void afterAutomationRespectsHumanDecisions() {
        assertThat(EventStatus.afterAutomation(null, AUTO_CONFIRMED)).isEqualTo(AUTO_CONFIRMED);
        assertThat(EventStatus.afterAutomation(EventStatus.DETECTED, PENDING_REVIEW)).isEqualTo(PENDING_REVIEW);
        assertThat(EventStatus.afterAutomation(PENDING_REVIEW, AUTO_CONFIRMED)).isEqualTo(AUTO_CONFIRMED);
        assertThat(EventStatus.afterAutomation(AUTO_CONFIRMED, PENDING_REVIEW)).isEqualTo(PENDING_REVIEW);
        for (EventStatus human : EnumSet.of(EventStatus.CONFIRMED, EventStatus.REJECTED_FALSE_POSITIVE,
                EventStatus.FINALISED, EventStatus.REOPENED)) {
            assertThat(EventStatus.afterAutomation(human, AUTO_CONFIRMED)).isEqualTo(human);
            assertThat(EventStatus.afterAutomation(human, PENDING_REVIEW)).isEqualTo(human);
        }
        assertThatThrownBy(() -> EventStatus.afterAutomation(PENDING_REVIEW, EventStatus.CONFIRMED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ weekend

    @Test
    void weekendIsSaturdayAndSundayInLondon() {
        assertThat(EventStatus.weekend(Fixtures.TUESDAY, LONDON)).isFalse();
        assertThat(EventStatus.weekend(Fixtures.SATURDAY, LONDON)).isTrue();
        assertThat(EventStatus.weekend(Instant.parse("2025-08-17T22:59:59Z").toEpochMilli(), LONDON)).isTrue();
        // Sunday 23:00 UTC is already Monday 00:00 BST
        assertThat(EventStatus.weekend(Instant.parse("2025-08-17T23:00:00Z").toEpochMilli(), LONDON)).isFalse();
        // Friday 23:30 UTC is Saturday 00:30 BST in London, but still Friday in UTC
        long fridayNightUtc = Instant.parse("2025-08-15T23:30:00Z").toEpochMilli();
        assertThat(EventStatus.weekend(fridayNightUtc, LONDON)).isTrue();
        assertThat(EventStatus.weekend(fridayNightUtc, ZoneOffset.UTC)).isFalse();
        // in winter London is UTC
        assertThat(EventStatus.weekend(Instant.parse("2025-01-10T23:30:00Z").toEpochMilli(), LONDON)).isFalse();
        assertThat(EventStatus.weekend(Instant.parse("2025-01-11T00:00:00Z").toEpochMilli(), LONDON)).isTrue();
    }

    // ------------------------------------------------------------------ finaliser

    @Test
    void reportStatusCarriesTheDegradedSuffix() {
        assertThat(EventStatus.reportStatus(AUTO_CONFIRMED, false)).isEqualTo("AUTO_CONFIRMED");
        assertThat(EventStatus.reportStatus(PENDING_REVIEW, true)).isEqualTo("PENDING_REVIEW_DEGRADED");
        for (EventStatus s : EventStatus.values()) {
            for (boolean degraded : new boolean[] {false, true}) {
                String rs = EventStatus.reportStatus(s, degraded);
                assertThat(EventStatus.fromReportStatus(rs)).isEqualTo(s);
                assertThat(EventStatus.isDegraded(rs)).isEqualTo(degraded);
            }
        }
        assertThatThrownBy(() -> EventStatus.fromReportStatus("MAYBE")).isInstanceOf(IllegalArgumentException.class);
    }
}
