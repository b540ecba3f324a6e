package mrs.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What estate to generate and how much history: the seed, the number of stores and SKUs, the days
 * of history ending with {@code endDate} (the history runs from {@code endDate - days + 1} 00:00 to
 * {@code endDate + 1} 00:00, Europe/London), the cities, retailers and SKU catalogue to draw from,
 * the anomalies to plant and how many malformed records to mix in. Immutable: every {@code withX}
 * returns a new spec.
 *
 * <p>The seed drives the sales noise only. The store layout (ids, retailers, places, sizes) is a
 * function of the store count, cities and retailers, so a scenario that names {@code LON-003} or
 * "the Waterloo commuter stores" stays valid under any seed.
 *
 * <p>Injections left unset mean the default set, which {@link EstateGenerator#injections()} resolves
 * against the estate (the London stores selling the most Jupyter Bar Duo, and so on); {@link
 * #withInjections(List)} replaces it, and an empty list plants nothing.
 */
public final class EstateSpec {
    /** All local times, hour-of-day profiles and {@code event_time} offsets are in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Country of every store. */
    public static final String COUNTRY = "GB";
    /** Currency of every sale. */
    public static final String CURRENCY = "GBP";

    public static final long DEFAULT_SEED = 20_250_812L;
    public static final int DEFAULT_STORES = 120;
    public static final int DEFAULT_SKUS = 24;
    public static final int DEFAULT_DAYS = 35;
    /** The demo day: the history ends at the end of it. */
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2025, 8, 12);

    private static final EstateSpec DEFAULTS = new EstateSpec(
            DEFAULT_SEED, DEFAULT_STORES, DEFAULT_SKUS, DEFAULT_DAYS, DEFAULT_END_DATE,
            UkCatalogue.cities(), UkCatalogue.retailers(), UkCatalogue.skus(), null, 0);

    private final long seed;
    private final int stores;
    private final int skus;
    private final int days;
    private final LocalDate endDate;
    private final List<City> cities;
    private final List<Retailer> retailers;
    private final List<Sku> catalogue;
    /** Null means "the default set"; see the class comment. */
    private final List<Injection> injections;
    private final int malformedLines;

    private EstateSpec(
            long seed, int stores, int skus, int days, LocalDate endDate, List<City> cities,
            List<Retailer> retailers, List<Sku> catalogue, List<Injection> injections, int malformedLines) {
        if (stores < 1) {
            throw new IllegalArgumentException("stores must be at least 1, got " + stores);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (malformedLines < 0) {
            throw new IllegalArgumentException("malformedLines must not be negative, got " + malformedLines);
        }
        if (cities.isEmpty() || retailers.isEmpty()) {
            throw new IllegalArgumentException("an estate needs at least one city and one retailer");
        }
        if (skus < 1 || skus > catalogue.size()) {
            throw new IllegalArgumentException(
                    "skus must be between 1 and the catalogue size " + catalogue.size() + ", got " + skus);
        }
        requireUnique(cities.stream().map(City::code).toList(), "city code");
        requireUnique(retailers.stream().map(Retailer::name).toList(), "retailer");
        requireUnique(catalogue.stream().map(Sku::sku).toList(), "sku");
        this.seed = seed;
        this.stores = stores;
        this.skus = skus;
        this.days = days;
        this.endDate = Objects.requireNonNull(endDate, "endDate");
        this.cities = List.copyOf(cities);
        this.retailers = List.copyOf(retailers);
        this.catalogue = List.copyOf(catalogue);
        this.injections = injections == null ? null : List.copyOf(injections);
        this.malformedLines = malformedLines;
    }

    private static void requireUnique(List<String> keys, String what) {
        if (keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("duplicate " + what + " in " + keys);
        }
    }

    /** 120 stores, 24 SKUs, 35 days ending 2025-08-12, the default injections, no malformed lines. */
    public static EstateSpec defaults() {
        return DEFAULTS;
    }

    public long seed() {
        return seed;
    }

    public int stores() {
        return stores;
    }

    /** How many SKUs of the catalogue (the first ones) the estate sells. */
    public int skus() {
        return skus;
    }

    public int days() {
        return days;
    }

    /** Last day of the history (inclusive). */
    public LocalDate endDate() {
        return endDate;
    }

    public List<City> cities() {
        return cities;
    }

    public List<Retailer> retailers() {
        return retailers;
    }

    /** The catalogue the first {@link #skus()} SKUs are taken from. */
    public List<Sku> catalogue() {
        return catalogue;
    }

    /** The explicit injections, or empty when the default set applies. */
    public Optional<List<Injection>> injections() {
        return Optional.ofNullable(injections);
    }

    /** How many malformed records are mixed into the sales stream. */
    public int malformedLines() {
        return malformedLines;
    }

    /** First instant of the history: {@code endDate - days + 1} at 00:00 Europe/London. */
    public Instant historyStart() {
        return endDate.minusDays(days - 1L).atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end of the history: {@code endDate + 1} at 00:00 Europe/London. */
    public Instant historyEnd() {
        return endDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public EstateSpec withSeed(long seed) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withStores(int stores) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withSkus(int skus) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withDays(int days) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withEndDate(LocalDate endDate) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withCities(List<City> cities) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    public EstateSpec withRetailers(List<Retailer> retailers) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    /** Replaces the catalogue; {@link #skus()} must not exceed its size. */
    public EstateSpec withCatalogue(List<Sku> catalogue) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    /** Plants exactly these injections (an empty list plants none). */
    public EstateSpec withInjections(List<Injection> injections) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue,
                Objects.requireNonNull(injections, "injections"), malformedLines);
    }

    /** Back to the default injections, resolved against the estate. */
    public EstateSpec withDefaultInjections() {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, null,
                malformedLines);
    }

    /** Mixes {@code n} malformed records into the sales stream (0 = none). */
    public EstateSpec withMalformedLines(int n) {
        return new EstateSpec(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EstateSpec s
                && seed == s.seed
                && stores == s.stores
                && skus == s.skus
                && days == s.days
                && malformedLines == s.malformedLines
                && endDate.equals(s.endDate)
                && cities.equals(s.cities)
                && retailers.equals(s.retailers)
                && catalogue.equals(s.catalogue)
                && Objects.equals(injections, s.injections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, stores, skus, days, endDate, cities, retailers, catalogue, injections,
                malformedLines);
    }

    @Override
    public String toString() {
        return "EstateSpec{seed=" + seed + ", stores=" + stores + ", skus=" + skus + ", days=" + days
                + ", endDate=" + endDate + ", injections="
                + (injections == null ? "default" : injections.size())
                + ", malformedLines=" + malformedLines + "}";
    }
}
