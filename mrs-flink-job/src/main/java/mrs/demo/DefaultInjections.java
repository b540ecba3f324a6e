package mrs.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default planted anomalies, resolved against an estate: three spikes and two drops in the
 * last six days of the history, well after a warm-up of two weeks, each on store/SKU pairs busy
 * enough for the streaming detector to see it hour by hour.
 *
 * <p>The detector judges one (store, SKU, hour) at a time: it needs {@code |z| ≥ 4} with a spread
 * of at least {@code √expected}, a spike needs {@code actual ≥ 1.5 × expected} and {@code actual −
 * expected ≥ 5}, a drop needs {@code actual ≤ 0.5 × expected}, {@code expected − actual ≥ 5} and
 * {@code expected ≥ 5}. An injection only takes a store whose baseline, in every injected hour, is
 * at least {@link #detectableFloor}: the injected expectation then clears every rule with a margin
 * ({@code |m − 1| × expected ≥ 10} units and {@code ≥ 4 √expected}), so detection is limited by
 * Poisson noise only. A x0.1 drop needs about 20 units an hour for that, which only the busiest
 * lines reach at the Saturday midday peak; that is why both drops sit there.
 *
 * <p>Stores are chosen by rule ("up to ten London stores selling the most Jupyter Bar Duo over the
 * window, among those above the floor"), drops take the estate's best seller, so the set adapts to
 * other estates. An injection whose SKU or window the estate does not have, or for which no store
 * of the city clears the floor, is left out.
 */
final class DefaultInjections {
    /** {@code |z|} the injected expectation must reach against a Poisson spread {@code √expected}. */
    static final double DETECT_Z = 4.0;
    /** Units the injected expectation must move, twice the detector's minimum delta of 5. */
    static final double DETECT_DELTA = 10.0;
    /** Baseline units an hour a spiked store must sell anyway. */
    static final double MIN_SPIKE_EXPECTED = 4.0;
    /** Baseline units an hour a dropped store must sell: twice the detector's own minimum of 5. */
    static final double MIN_DROP_EXPECTED = 10.0;

    private DefaultInjections() {}

    static List<Injection> resolve(EstateSpec spec, List<Store> stores, List<Sku> skus) {
        LocalDate last = spec.endDate();
        Picker pick = new Picker(spec, stores, skus);
        String bestSeller = skus.stream().max(Comparator.comparingDouble(Sku::popularity)).orElseThrow().sku();
        List<Injection> all = new ArrayList<>();
        // Case study 1: TikTok "Jupyter Challenge" in ten London stores on the demo day (a Tuesday), lunch to tea.
        pick.add(all, Injection.Kind.SPIKE, "tiktok-jupyter-challenge", UkCatalogue.JUPYTER_BAR_DUO, 4.0,
                "London", 10, last, 11, 7);
        // Case study 3: a competitor out of stock lifts cola across Birmingham for a Sunday's trading hours.
        pick.add(all, Injection.Kind.SPIKE, "competitor-stockout-birmingham", UkCatalogue.AURORA_COLA, 3.0,
                "Birmingham", 10, last.minusDays(2), 10, 6);
        // Case study 8: an Instagram Reel sends Norwich shoppers for a sharing bag after school on a Friday.
        pick.add(all, Injection.Kind.SPIKE, "instagram-reels-norwich", UkCatalogue.NEBULA_BUTTONS, 5.0,
                "Norwich", 10, last.minusDays(4), 16, 4);
        // A data error: the best seller's barcode stops scanning at Manchester's busiest store over Saturday lunch.
        pick.add(all, Injection.Kind.DROP, "barcode-scan-fault-manchester", bestSeller, 0.1,
                "Manchester", 1, last.minusDays(3), 11, 4);
        // A supplier stock-out empties the best seller's shelf in the busiest Leeds stores on the same Saturday.
        pick.add(all, Injection.Kind.DROP, "supplier-stockout-leeds", bestSeller, 0.1,
                "Leeds", 3, last.minusDays(3), 11, 3);
        return List.copyOf(all);
    }

    /**
     * The lowest baseline (expected units an hour) at which an injection of this kind and multiplier
     * is detectable at its expectation: {@code |m − 1| × e ≥ DETECT_Z × √e}, {@code |m − 1| × e ≥
     * DETECT_DELTA}, and {@code e} at least {@link #MIN_SPIKE_EXPECTED} or {@link #MIN_DROP_EXPECTED}.
     * About 4 to 5 units for a x3-x5 spike, 19.75 for a x0.1 drop.
     */
    static double detectableFloor(Injection.Kind kind, double multiplier) {
        double change = Math.abs(multiplier - 1);
        double z = (DETECT_Z / change) * (DETECT_Z / change);
        double level = kind == Injection.Kind.SPIKE ? MIN_SPIKE_EXPECTED : MIN_DROP_EXPECTED;
        return Math.max(level, Math.max(z, DETECT_DELTA / change));
    }

    /** Chooses an injection's stores from the estate's baseline (the demand model without injections). */
    private static final class Picker {
        private final EstateSpec spec;
        private final List<Store> stores;
        private final List<Sku> skus;
        private final DemandModel baseline;

        Picker(EstateSpec spec, List<Store> stores, List<Sku> skus) {
            this.spec = spec;
            this.stores = stores;
            this.skus = skus;
            this.baseline = new DemandModel(stores, skus, spec.endDate(), List.of());
        }

        /**
         * Adds the injection on up to {@code n} stores of {@code city}: those whose lowest baseline
         * over the window is highest, among those at or above the detectable floor (ties by id).
         */
        void add(List<Injection> out, Injection.Kind kind, String label, String sku, double multiplier,
                String city, int n, LocalDate day, int hour, int hours) {
            Instant start = day.atTime(hour, 0).atZone(EstateSpec.ZONE).toInstant();
            Instant end = start.plusSeconds(3600L * hours);
            boolean inside = !start.isBefore(spec.historyStart()) && !end.isAfter(spec.historyEnd());
            boolean known = skus.stream().anyMatch(s -> s.sku().equals(sku));
            if (!inside || !known) {
                return;
            }
            int k = baseline.indexOfSku(sku);
            double floor = detectableFloor(kind, multiplier);
            record Candidate(String storeId, double lowest) {}
            List<String> chosen = new ArrayList<>();
            stores.stream()
                    .filter(s -> s.city().equals(city))
                    .map(s -> new Candidate(s.storeId(), lowest(baseline.indexOfStore(s.storeId()), k, start, hours)))
                    .filter(c -> c.lowest() >= floor)
                    .sorted(Comparator.comparingDouble(Candidate::lowest).reversed().thenComparing(Candidate::storeId))
                    .limit(n)
                    .forEach(c -> chosen.add(c.storeId()));
            if (chosen.isEmpty()) {
                return;
            }
            out.add(kind == Injection.Kind.SPIKE
                    ? Injection.spike(label, sku, start, hours, multiplier, chosen)
                    : Injection.drop(label, sku, start, hours, multiplier, chosen));
        }

        /** The lowest baseline expectation of a store and SKU over {@code hours} hours from {@code start}. */
        private double lowest(int s, int k, Instant start, int hours) {
            double lowest = Double.MAX_VALUE;
            for (int h = 0; h < hours; h++) {
                long second = start.getEpochSecond() + 3600L * h;
                ZonedDateTime local = Instant.ofEpochSecond(second).atZone(EstateSpec.ZONE);
                lowest = Math.min(lowest, baseline.expected(s, k, baseline.hourFactor(s, local), second));
            }
            return lowest;
        }
    }
}
