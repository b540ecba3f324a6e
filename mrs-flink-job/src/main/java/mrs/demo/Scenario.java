package mrs.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A replayable day as data: the background estate to generate, and for each case the stores it hits
 * (chosen by rule from the estate), its sales shape, the context signals published with their
 * observation times, the analyst actions issued at their times, and what the case is expected to look
 * like in the logs afterwards. Nothing here reaches the pipeline except as sales, signals and signed
 * actions: the pipeline never sees a case name. Times are local (Europe/London).
 *
 * @param name the scenario's name
 * @param estate the background estate (seed, stores, SKUs, days, last day); its injections are replaced
 *     by the cases' shapes
 * @param cases the cases, in the order their stores are chosen (an earlier case's stores are not reused)
 */
public record Scenario(String name, EstateSpec estate, List<Case> cases) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(estate, "estate");
        cases = List.copyOf(cases);
        if (cases.stream().map(Case::id).distinct().count() != cases.size()) {
            throw new IllegalArgumentException("duplicate case id in scenario " + name);
        }
    }

    /** The same scenario on another background (seed, size or history length). */
    public Scenario withEstate(EstateSpec estate) {
        return new Scenario(name, estate, cases);
    }

    /**
     * Which stores a case hits: those of the given cities (any if empty), region, retailer and tag (null =
     * any), busy enough for the case's primary SKU, at most {@code perCity} per city (0 = no limit), up to
     * {@code count}, the busiest first (ties by store id).
     */
    public record Pick(List<String> cities, String region, String retailer, String tag, int count, int perCity) {
        public Pick {
            cities = List.copyOf(cities);
            if (count < 1) {
                throw new IllegalArgumentException("a case needs at least one store");
            }
        }

        public static Pick city(String city, int count) {
            return new Pick(List.of(city), null, null, null, count, 0);
        }

        public static Pick cities(List<String> cities, int perCity) {
            return new Pick(cities, null, null, null, cities.size() * perCity, perCity);
        }

        public static Pick retailerIn(String retailer, String region, int count) {
            return new Pick(List.of(), region, retailer, null, count, 0);
        }

        public static Pick tagged(String tag, int count) {
            return new Pick(List.of(), null, null, tag, count, 0);
        }

        public static Pick anywhere(int count, int perCity) {
            return new Pick(List.of(), null, null, null, count, perCity);
        }
    }

    /**
     * The sales shape: from {@code start} for {@code hours} hours the expected units of each SKU are
     * multiplied by its factor (above 1 a spike, below a drop). The first SKU is the case's primary SKU;
     * {@code ALL_SKUS} as the only key means every SKU of the estate.
     */
    public record Shape(LocalDateTime start, int hours, Map<String, Double> skus) {
        public static final String ALL_SKUS = "*";

        public Shape {
            Objects.requireNonNull(start, "start");
            skus = new LinkedHashMap<>(skus);
            if (skus.isEmpty() || hours < 1) {
                throw new IllegalArgumentException("a shape needs a SKU and at least one hour");
            }
        }

        public static Shape of(LocalDateTime start, int hours, String sku, double multiplier) {
            return new Shape(start, hours, Map.of(sku, multiplier));
        }

        public String primarySku() {
            return skus.keySet().iterator().next();
        }
    }

    /** Where a signal applies: the case's stores, its (first) city, its region, or the whole country. */
    public enum Scope { STORES, CITY, REGION, COUNTRY }

    /**
     * A context signal of the case: kind, source and attributes as the feed sends them, scope, whether
     * it names the case's primary SKU, strength, validity and the moment it is observed (published).
     */
    public record SignalSpec(String id, String kind, String source, Map<String, String> attributes, Scope scope,
            boolean namesSku, double strength, LocalDateTime validFrom, LocalDateTime validTo,
            LocalDateTime observedAt) {
        public SignalSpec {
            attributes = new LinkedHashMap<>(attributes);
        }
    }

    /** An analyst action on the case's Minority Event, issued at {@code at}, signed at publish time. */
    public record ActionSpec(LocalDateTime at, String analyst, String action, String cause, String detectionType,
            String narrative, String evidenceUrl, String reason) {}

    /** A cause with a confidence band, optionally as of a moment of the day. */
    public record Band(String cause, double lo, double hi, LocalDateTime asOf) {
        public boolean holds(String observedCause, Double confidence) {
            return (cause == null || cause.equals(observedCause)) && confidence != null && confidence >= lo
                    && confidence <= hi;
        }

        @Override
        public String toString() {
            String c = cause == null ? "any cause" : cause;
            return c + " " + String.format(java.util.Locale.ROOT, "[%.2f, %.2f]", lo, hi);
        }
    }

    /**
     * What the logs must show for the case: the event's state at a moment ({@code first}), the machine's
     * proposal for the event at the end (the consensus of its reports' latest proposals, {@code machine}),
     * an alternative among that proposal's candidates, every event state after a moment staying in a band
     * ({@code stable}), the detection type of the machine's proposal, the event's final cause (analyst
     * input over the machine) and status, and the fewest stores the event must gather.
     */
    public record Expect(Band first, Band machine, String detectionType, Band alternative, Band stable,
            String finalCause, String status, int minStores, String seedWords) {}

    /** One case of the day. {@code seedWords} in {@link Expect} quotes what the source document says. */
    public record Case(String id, String title, Pick pick, Shape shape, List<SignalSpec> signals,
            List<ActionSpec> actions, Expect expect) {
        public Case {
            signals = List.copyOf(signals);
            actions = List.copyOf(actions);
        }
    }

    /** A local date-time on the given day of August 2025. */
    public static LocalDateTime aug(int day, int hour, int minute) {
        return LocalDate.of(2025, 8, day).atTime(hour, minute);
    }
}
