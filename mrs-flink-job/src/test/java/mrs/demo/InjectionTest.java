package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class InjectionTest {
    private static final Duration WEEK = Duration.ofDays(7);

    private final EstateSpec spec = EstateSpec.defaults();
    private final EstateGenerator estate = new EstateGenerator(spec);

    @Test
    void defaultSetIsThreeSpikesAndTwoDrops() {
        assertThat(estate.injections()).extracting(Injection::kind).containsExactly(
                Injection.Kind.SPIKE, Injection.Kind.SPIKE, Injection.Kind.SPIKE,
                Injection.Kind.DROP, Injection.Kind.DROP);
        assertThat(estate.injections()).extracting(Injection::label).containsExactly(
                "tiktok-jupyter-challenge", "competitor-stockout-birmingham", "instagram-reels-norwich",
                "barcode-scan-fault-manchester", "supplier-stockout-leeds");
        assertThat(estate.injections().get(0).storeIds()).hasSize(10)
                .allMatch(id -> id.startsWith("LON-"));
        assertThat(estate.injections().get(0).sku()).isEqualTo("SKU-JUPDUO");
    }

    @Test
    void defaultsFallInTheLastSixDaysAndNeverInTheWarmUp() {
        Instant lastSixDays = spec.historyEnd().minus(Duration.ofDays(6));
        Instant warmUpEnd = spec.historyStart().plus(Duration.ofDays(14));

        assertThat(estate.injections()).allSatisfy(inj -> {
            assertThat(inj.start()).isAfterOrEqualTo(lastSixDays).isAfterOrEqualTo(warmUpEnd);
            assertThat(inj.end()).isBeforeOrEqualTo(spec.historyEnd());
            assertThat(inj.hours()).isBetween(3, 8);
            assertThat(inj.start().atZone(EstateSpec.ZONE).getHour()).isBetween(10, 16);
        });
    }

    @Test
    void defaultsFollowTheCaseStudies() {
        List<Injection> all = estate.injections();

        assertThat(all.get(0).storeIds()).hasSize(10).allMatch(id -> id.startsWith("LON-"));
        assertThat(all.get(0).multiplier()).isEqualTo(4.0);
        assertThat(all.get(1).sku()).isEqualTo("SKU-AURCOL");
        assertThat(all.get(1).storeIds()).hasSizeGreaterThanOrEqualTo(5).allMatch(id -> id.startsWith("BHM-"));
        assertThat(all.get(2).sku()).isEqualTo("SKU-NEBBTN");
        assertThat(all.get(2).storeIds()).isNotEmpty().allMatch(id -> id.startsWith("NRW-"));
        assertThat(all.get(3).storeIds()).singleElement().satisfies(id -> assertThat(id).startsWith("MAN-"));
        assertThat(all.get(4).storeIds()).isNotEmpty().allMatch(id -> id.startsWith("LDS-"));
        // Drops take the estate's best seller: only its busiest hours carry enough units to show one.
        assertThat(all.subList(3, 5)).extracting(Injection::sku).containsOnly("SKU-AURCOL");
        assertThat(all).allSatisfy(inj -> {
            if (inj.kind() == Injection.Kind.SPIKE) {
                assertThat(inj.multiplier()).isBetween(3.0, 5.0);
            } else {
                assertThat(inj.multiplier()).isEqualTo(0.1);
            }
        });
    }

    @Test
    void everyDefaultInjectionIsDetectableInEveryInjectedHour() {
        assertDetectableHourByHour(estate);
    }

    @Test
    void defaultsOnSmallerEstatesOnlyTakeStoresThatStayDetectable() {
        EstateGenerator smaller = new EstateGenerator(spec.withStores(60));

        assertThat(smaller.injections()).isNotEmpty();
        assertDetectableHourByHour(smaller);
    }

    @Test
    void spikesClearlyExceedTheSameHoursAWeekEarlier() {
        for (Injection inj : estate.injections()) {
            if (inj.kind() == Injection.Kind.SPIKE) {
                long during = unitsIn(inj, Duration.ZERO);
                long weekBefore = unitsIn(inj, WEEK);
                assertThat(weekBefore).as(inj.label()).isGreaterThan(20);
                assertThat((double) during).as(inj.label()).isGreaterThan(2.0 * weekBefore);
            }
        }
    }

    @Test
    void dropsClearlyFallBelowTheSameHoursAWeekEarlier() {
        for (Injection inj : estate.injections()) {
            if (inj.kind() == Injection.Kind.DROP) {
                long during = unitsIn(inj, Duration.ZERO);
                long weekBefore = unitsIn(inj, WEEK);
                assertThat(weekBefore).as(inj.label()).isGreaterThan(25);
                assertThat((double) during).as(inj.label()).isLessThan(0.35 * weekBefore);
            }
        }
    }

    @Test
    void expectationCarriesTheMultiplierExactly() {
        Injection tiktok = estate.injections().get(0);
        EstateGenerator clean = new EstateGenerator(spec.withInjections(List.of()));
        String store = tiktok.storeIds().get(0);

        assertThat(estate.expectedUnits(store, tiktok.sku(), tiktok.start()))
                .isCloseTo(4.0 * clean.expectedUnits(store, tiktok.sku(), tiktok.start()), Offset.offset(1e-9));
        assertThat(estate.expectedUnits(store, tiktok.sku(), tiktok.end()))
                .isEqualTo(clean.expectedUnits(store, tiktok.sku(), tiktok.end()));
    }

    @Test
    void explicitInjectionsReplaceTheDefaults() {
        Instant start = Instant.parse("2025-08-11T11:00:00Z");
        Injection own = Injection.spike("own", "SKU-AURCOL", start, 3, 3.0, List.of("LDS-001"));

        assertThat(new EstateGenerator(spec.withInjections(List.of(own))).injections()).containsExactly(own);
        assertThat(new EstateGenerator(spec.withInjections(List.of())).injections()).isEmpty();
    }

    @Test
    void defaultsShrinkWithTheEstateAndSkipWhatItLacks() {
        EstateGenerator small = new EstateGenerator(spec.withStores(20).withSkus(5));

        assertThat(small.injections()).extracting(Injection::sku).doesNotContain("SKU-NEBBTN");
        assertThat(small.injections()).allSatisfy(inj -> assertThat(small.stores())
                .extracting(Store::storeId).containsAll(inj.storeIds()));
        assertThat(new EstateGenerator(spec.withDays(2)).injections()).extracting(Injection::label)
                .containsExactly("tiktok-jupyter-challenge");
    }

    @Test
    void invalidInjectionsAreRefused() {
        Instant hour = Instant.parse("2025-08-11T11:00:00Z");

        assertThatThrownBy(() -> Injection.spike("x", "SKU-AURCOL", hour.plusSeconds(60), 3, 3.0, List.of("LON-001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Injection.spike("x", "SKU-AURCOL", hour, 3, 0.5, List.of("LON-001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Injection.drop("x", "SKU-AURCOL", hour, 3, 2.0, List.of("LON-001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Injection.drop("x", "SKU-AURCOL", hour, 0, 0.1, List.of("LON-001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EstateGenerator(spec.withInjections(
                        List.of(Injection.spike("x", "SKU-AURCOL", hour, 3, 3.0, List.of("LON-999"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LON-999");
    }

    /**
     * The streaming detector judges one (store, SKU, hour): |z| ≥ 4 against a spread of at least
     * max(√expected, 1); a spike needs actual ≥ 1.5 × expected and actual − expected ≥ 5, a drop
     * actual ≤ 0.5 × expected, expected − actual ≥ 5 and expected ≥ 5. Every injected hour of every
     * store must clear all of them at its injected expectation, with margin: a spiked store sells at
     * least 4 an hour anyway and gains at least 10, a dropped one normally sells at least 10.
     */
    private static void assertDetectableHourByHour(EstateGenerator estate) {
        EstateGenerator clean = new EstateGenerator(estate.spec().withInjections(List.of()));
        for (Injection inj : estate.injections()) {
            for (String store : inj.storeIds()) {
                for (int h = 0; h < inj.hours(); h++) {
                    Instant hour = inj.start().plus(Duration.ofHours(h));
                    double expected = clean.expectedUnits(store, inj.sku(), hour);
                    double injected = estate.expectedUnits(store, inj.sku(), hour);
                    double z = (injected - expected) / Math.max(Math.sqrt(expected), 1.0);
                    String what = inj.label() + " " + store + " " + hour;

                    assertThat(injected).as(what).isCloseTo(inj.multiplier() * expected, Offset.offset(1e-9));
                    if (inj.kind() == Injection.Kind.SPIKE) {
                        assertThat(expected).as(what).isGreaterThanOrEqualTo(4.0);
                        assertThat(injected - expected).as(what).isGreaterThanOrEqualTo(10.0);
                        assertThat(injected).as(what).isGreaterThanOrEqualTo(1.5 * expected);
                        assertThat(z).as(what).isGreaterThanOrEqualTo(4.0);
                    } else {
                        assertThat(expected).as(what).isGreaterThanOrEqualTo(10.0);
                        assertThat(expected - injected).as(what).isGreaterThanOrEqualTo(5.0);
                        assertThat(injected).as(what).isLessThanOrEqualTo(0.5 * expected);
                        assertThat(z).as(what).isLessThanOrEqualTo(-4.0);
                    }
                }
            }
        }
    }

    /** Net units of the injection's stores and SKU over its window, shifted back by {@code shift}. */
    private long unitsIn(Injection inj, Duration shift) {
        long units = 0;
        for (int h = 0; h < inj.hours(); h++) {
            Instant hour = inj.start().plus(Duration.ofHours(h)).minus(shift);
            for (SaleLine l : estate.salesInHour(hour)) {
                if (l.sku().equals(inj.sku()) && inj.storeIds().contains(l.storeId())) {
                    units += l.units();
                }
            }
        }
        return units;
    }
}
