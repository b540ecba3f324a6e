package mrs.udfs.hitl;

import static mrs.udfs.hitl.Fixtures.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtectionRulesTest {

    private static final List<String> STORES = List.of("S002", "S001");
    private static final List<String> SKUS = List.of("SKU-9", "SKU-1");
    private static final long START = Fixtures.TUESDAY;
    private static final long END = START + 3 * 3_600_000L;

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "AUTO_CONFIRMED,          Data Error,               EXCLUDE_WINDOW",
        "CONFIRMED,               Data Error,               EXCLUDE_WINDOW",
        "FINALISED,               data_error,               EXCLUDE_WINDOW",
        "CONFIRMED,               System Failure,           EXCLUDE_WINDOW",
        "CONFIRMED,               Social/Viral Event,       REWEIGHT",
        "AUTO_CONFIRMED,          Competitor Stockout,      REWEIGHT",
        "FINALISED,               Operational/Store Issue,  REWEIGHT",
        "CONFIRMED,               Marketing Misattribution, ADJUST_CREDIT",
        "REJECTED_FALSE_POSITIVE, Data Error,               RELEASE",
        "REJECTED_FALSE_POSITIVE, null,                     RELEASE",
        "REJECTED_FALSE_POSITIVE, Weather,                  RELEASE",
        "CONFIRMED,               null,                     none",
        "CONFIRMED,               unknown,                  none",
        "FINALISED,               Weather,                  none",
        "DETECTED,                Data Error,               none",
        "PENDING_REVIEW,          Data Error,               none",
        "REOPENED,                Data Error,               none",
    })
    void directiveTypeByStatusAndDetectionType(EventStatus status, String type, String expected) {
        Optional<DirectiveType> t = ProtectionRules.type(status, type);
        if (expected.equals("none")) {
            assertThat(t).isEmpty();
            assertThat(ProtectionRules.directive(EVENT, status, type, 0.8, STORES, SKUS, START, END, START))
                    .isEmpty();
        } else {
            assertThat(t).contains(DirectiveType.valueOf(expected));
        }
    }

    @Test
    void directiveCarriesTheScopeSortedAndDistinct() {
        Directive d = ProtectionRules.directive(EVENT, EventStatus.AUTO_CONFIRMED, "data_error", 0.8,
                List.of("S002", "S001", "S002"), SKUS, START, END, END).orElseThrow();
        assertThat(d.type()).isEqualTo(DirectiveType.EXCLUDE_WINDOW);
        assertThat(d.eventId()).isEqualTo(EVENT);
        assertThat(d.status()).isEqualTo(EventStatus.AUTO_CONFIRMED);
        assertThat(d.detectionType()).isEqualTo("Data Error");
        assertThat(d.confidence()).isEqualTo(0.8);
        assertThat(d.stores()).containsExactly("S001", "S002");
        assertThat(d.skus()).containsExactly("SKU-1", "SKU-9");
        assertThat(d.windowStart()).isEqualTo(START);
        assertThat(d.windowEnd()).isEqualTo(END);
        assertThat(d.weight()).isNull();
        assertThat(d.writtenAt()).isEqualTo(END);
        assertThat(d.directiveId()).matches("PD-[0-9a-f]{16}");
    }

    @Test
    void directiveIdIsDeterministicAndIgnoresOrderConfidenceWeightAndTime() {
        Directive a = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Social/Viral Event", 0.8,
                STORES, SKUS, START, END, 10.0, 30.0, START).orElseThrow();
        Directive b = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "social_viral", 0.6,
                List.of("S001", "S002"), List.of("SKU-1", "SKU-9", "SKU-1"), START, END, 10.0, 50.0, END).orElseThrow();
        assertThat(b.directiveId()).isEqualTo(a.directiveId());
        assertThat(ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Social/Viral Event", 0.8,
                STORES, SKUS, START, END, 10.0, 30.0, START)).contains(a);
    }

    @Test
    void directiveIdChangesWithEventStatusTypeAndScope() {
        Set<String> ids = new HashSet<>();
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", STORES, SKUS, START, END));
        ids.add(id("ME-ffffffffffff", EventStatus.CONFIRMED, "Data Error", STORES, SKUS, START, END));
        ids.add(id(EVENT, EventStatus.FINALISED, "Data Error", STORES, SKUS, START, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Competitor Stockout", STORES, SKUS, START, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", List.of("S001"), SKUS, START, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", STORES, List.of(), START, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", STORES, SKUS, START + 1, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", STORES, SKUS, START, END + 1));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", STORES, SKUS, START, null));
        // a store id containing what looks like a separator must not collide with two stores
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", List.of("S001;S002"), SKUS, START, END));
        ids.add(id(EVENT, EventStatus.CONFIRMED, "Data Error", List.of("S001", "S002", "SKU-1"), List.of("SKU-9"),
                START, END));
        assertThat(ids).hasSize(11);
    }

    private static String id(String event, EventStatus status, String type, List<String> stores, List<String> skus,
            long start, Long end) {
        return ProtectionRules.directive(event, status, type, 0.9, stores, skus, start, end, start)
                .orElseThrow().directiveId();
    }

    @Test
    void reweightFactorFollowsTheDocumentedRule() {
        // spike to 3x baseline at full confidence: the window counts as its normal third
        assertThat(ProtectionRules.reweightFactor(1.0, 100, 300)).isCloseTo(0.3333, within(1e-9));
        // the same at 0.6 confidence: 1 - 0.6 * (2/3)
        assertThat(ProtectionRules.reweightFactor(0.6, 100, 300)).isCloseTo(0.6, within(1e-9));
        // a drop to a fifth is as distorted as a spike to five times
        assertThat(ProtectionRules.reweightFactor(1.0, 100, 20))
                .isEqualTo(ProtectionRules.reweightFactor(1.0, 20, 100)).isCloseTo(0.2, within(1e-9));
        // analyst-set (null) confidence counts as certain
        assertThat(ProtectionRules.reweightFactor(null, 100, 300)).isCloseTo(0.3333, within(1e-9));
        // unknown impact: the whole window is distorted, weight 1 - c, floored
        assertThat(ProtectionRules.reweightFactor(0.8, Double.NaN, Double.NaN)).isCloseTo(0.2, within(1e-9));
        assertThat(ProtectionRules.reweightFactor(1.0, Double.NaN, 5)).isEqualTo(ProtectionRules.MIN_WEIGHT);
        // floor and ceiling
        assertThat(ProtectionRules.reweightFactor(1.0, 100, 0)).isEqualTo(ProtectionRules.MIN_WEIGHT);
        assertThat(ProtectionRules.reweightFactor(0.0, 100, 900)).isEqualTo(1.0);
        assertThat(ProtectionRules.reweightFactor(1.0, 0, 0)).isEqualTo(1.0);
        // directives carry it only for REWEIGHT
        Directive viral = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Social/Viral Event", 1.0,
                STORES, SKUS, START, END, 100, 400, END).orElseThrow();
        assertThat(viral.weight()).isEqualTo(0.25);
        Directive credit = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Marketing Misattribution", 1.0,
                STORES, SKUS, START, END, 100, 400, END).orElseThrow();
        assertThat(credit.weight()).isNull();
        Directive noImpact = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Competitor Stockout", 0.75,
                STORES, SKUS, START, END, END).orElseThrow();
        assertThat(noImpact.weight()).isEqualTo(0.25);
    }

    @Test
    void openEndedEventsAndAllSkus() {
        Directive d = ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Data Error", null, STORES, null,
                START, null, START).orElseThrow();
        assertThat(d.windowEnd()).isNull();
        assertThat(d.skus()).isEmpty();
        assertThat(d.confidence()).isNull();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ProtectionRules.directive(" ", EventStatus.CONFIRMED, "Data Error", 0.8, STORES,
                SKUS, START, END, END)).hasMessageContaining("eventId");
        assertThatThrownBy(() -> ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Data Error", 0.8,
                List.of(), SKUS, START, END, END)).hasMessageContaining("at least one store");
        assertThatThrownBy(() -> ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Data Error", 0.8,
                List.of("S1", " "), SKUS, START, END, END)).hasMessageContaining("stores");
        assertThatThrownBy(() -> ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Data Error", 0.8,
                STORES, SKUS, END, START, END)).hasMessageContaining("before windowStart");
        assertThatThrownBy(() -> ProtectionRules.directive(EVENT, EventStatus.CONFIRMED, "Data Error", 1.5,
                STORES, SKUS, START, END, END)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> new Directive("PD-x", EVENT, DirectiveType.REWEIGHT, EventStatus.CONFIRMED, null,
                null, STORES, SKUS, START, END, null, END)).hasMessageContaining("weight");
    }
}
