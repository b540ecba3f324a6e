package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale and shape of the default estate's baseline demand (expected units per store, SKU and
 * hour, no injections): busy enough at midday for a per-hour detector, near zero at night.
 */
class EstateDemandTest {
    private static final EstateGenerator ESTATE =
            new EstateGenerator(EstateSpec.defaults().withInjections(List.of()));
    /** Monday to Thursday of the last week; Friday and Saturday are the big days, some 15% busier. */
    private static final List<LocalDate> ORDINARY_WEEKDAYS = List.of(
            LocalDate.of(2025, 8, 6), LocalDate.of(2025, 8, 7), LocalDate.of(2025, 8, 11), LocalDate.of(2025, 8, 12));

    @Test
    void weekdayNoonExpectationsSitInTheTargetBands() {
        for (LocalDate day : ORDINARY_WEEKDAYS) {
            double[] e = expectations(day, 12);
            String what = day + " " + day.getDayOfWeek() + " 12:00";

            assertThat(percentile(e, 0.50)).as(what + " p50").isBetween(2.5, 3.5);
            assertThat(percentile(e, 0.90)).as(what + " p90").isBetween(7.0, 9.0);
            assertThat(percentile(e, 0.99)).as(what + " p99").isBetween(12.0, 16.0);
            assertThat(e[e.length - 1]).as(what + " max").isBetween(20.0, 25.0);
        }
    }

    @Test
    void busiestLinesAreTheBigStoresBestSellers() {
        Instant noon = hour(LocalDate.of(2025, 8, 7), 12);
        List<String> topSkus = ESTATE.skus().stream()
                .sorted(Comparator.comparingDouble(Sku::popularity).reversed())
                .limit(5)
                .map(Sku::sku)
                .toList();
        record Line(Store store, Sku sku, double expected) {}
        List<Line> lines = new ArrayList<>();
        for (Store s : ESTATE.stores()) {
            for (Sku k : ESTATE.skus()) {
                lines.add(new Line(s, k, ESTATE.expectedUnits(s.storeId(), k.sku(), noon)));
            }
        }
        lines.sort(Comparator.comparingDouble(Line::expected).reversed());

        // The top 1% of store/SKU pairs. The Waterloo station concourse stores are convenience stores
        // that trade like supermarkets (case study 6), so they may be among them.
        assertThat(lines.subList(0, lines.size() / 100)).allSatisfy(l -> {
            assertThat(l.store().hasTag("convenience") && !l.store().hasTag(StoreLayout.WATERLOO_TAG))
                    .as(l.toString()).isFalse();
            assertThat(topSkus).as(l.toString()).contains(l.sku().sku());
        });
        assertThat(lines.get(0).sku().sku()).isEqualTo(UkCatalogue.AURORA_COLA);
    }

    @Test
    void nightsStayNearZeroAndTheBigDaysAreBusier() {
        LocalDate tuesday = LocalDate.of(2025, 8, 12);
        double[] night = expectations(tuesday, 3);
        double noonTuesday = Arrays.stream(expectations(tuesday, 12)).sum();

        assertThat(night[night.length - 1]).isLessThan(0.25);
        assertThat(Arrays.stream(night).sum()).isLessThan(0.01 * noonTuesday);
        assertThat(Arrays.stream(expectations(LocalDate.of(2025, 8, 8), 12)).sum()).isGreaterThan(1.15 * noonTuesday);
        assertThat(Arrays.stream(expectations(LocalDate.of(2025, 8, 9), 12)).sum()).isGreaterThan(1.15 * noonTuesday);
    }

    /** Expected units of every store/SKU at a local hour, ascending. */
    private static double[] expectations(LocalDate day, int localHour) {
        Instant hour = hour(day, localHour);
        double[] e = ESTATE.stores().stream()
                .flatMapToDouble(s -> ESTATE.skus().stream().mapToDouble(k -> ESTATE.expectedUnits(s.storeId(), k.sku(), hour)))
                .toArray();
        Arrays.sort(e);
        return e;
    }

    private static Instant hour(LocalDate day, int localHour) {
        return day.atTime(localHour, 0).atZone(EstateSpec.ZONE).toInstant();
    }

    /** Nearest-rank percentile of ascending values. */
    private static double percentile(double[] ascending, double p) {
        return ascending[(int) Math.ceil(p * ascending.length) - 1];
    }
}
