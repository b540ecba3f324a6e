package mrs.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mrs.demo.EstateGenerator;
import mrs.demo.EstateSpec;
import mrs.demo.Injection;
import mrs.demo.Sku;
import mrs.demo.Store;
import mrs.demo.UkCatalogue;

/**
 * A large, deterministic estate for load tests: the demo's {@link EstateGenerator} (UK cities and
 * retailers, hourly and weekly seasonality, Poisson noise, one hour generated at a time, any hour
 * independently) scaled to thousands of stores and a long-tail catalogue of hundreds of SKUs.
 *
 * <p>Catalogue: the 28 demo SKUs first (so the best sellers are the demo's cola and crisps), then
 * synthetic {@code SKU-L00028 ...} lines whose popularity falls off as a power law, the long tail of a
 * real range: at 500 SKUs the last sells about 2 units a day in an ordinary store. At 2,000 stores × 500
 * SKUs a day of history is about 4.4 million sales lines, 0.19 per (store, SKU, hour).
 *
 * <p>History: {@code hours} hours from midnight (Europe/London) of the first day, which is
 * {@link #DEFAULT_END_DATE} minus the days needed. Planted spikes make sure the detector has something
 * to report once it can: the seasonal detector judges an hour only after it has seen that hour of the day
 * twice, so the earliest verdicts come on day three; there, from 10:00 local, four groups of the busiest
 * stores (together 5% of the estate, staggered by an hour) sell six times their usual amount of the two
 * best sellers for two hours. Everything is a pure function of the arguments.
 */
public final class ScaleEstate {
    /** Last day of the longest history: the demo's day. */
    public static final LocalDate DEFAULT_END_DATE = EstateSpec.DEFAULT_END_DATE;
    /** Size of the demo catalogue that comes first. */
    static final int DEMO_SKUS = UkCatalogue.skus().size();
    /** Local hour of day the first planted spike starts. */
    static final int SPIKE_HOUR = 10;
    static final int SPIKE_GROUPS = 4;
    static final int SPIKE_HOURS = 2;
    static final double SPIKE_MULTIPLIER = 6.0;
    /** Share of the stores that get a planted spike. */
    static final double SPIKE_SHARE = 0.05;

    private final int storeCount;
    private final int skuCount;
    private final int hours;
    private final long seed;
    private final int anomalyDay;
    private final EstateGenerator generator;
    private final Instant start;

    /**
     * @param stores number of stores (at least 1)
     * @param skus number of SKUs (at least 1)
     * @param hours hours of history (at least 1)
     * @param seed noise seed
     * @param warmupDays the detector's warm-up: spikes are planted on day {@code max(2, warmupDays)}
     */
    public ScaleEstate(int stores, int skus, int hours, long seed, int warmupDays) {
        if (stores < 1 || skus < 1 || hours < 1) {
            throw new IllegalArgumentException("stores, skus and hours must be at least 1");
        }
        this.storeCount = stores;
        this.skuCount = skus;
        this.hours = hours;
        this.seed = seed;
        this.anomalyDay = Math.max(2, warmupDays);
        int days = (hours + 23) / 24;
        EstateSpec base = EstateSpec.defaults()
                .withSeed(seed)
                .withCatalogue(catalogue(Math.max(skus, DEMO_SKUS)))
                .withSkus(skus)
                .withStores(stores)
                .withDays(days)
                .withEndDate(DEFAULT_END_DATE)
                .withInjections(List.of());
        this.start = base.historyStart();
        // The layout does not depend on the injections: resolve the stores, then plant the spikes.
        List<Store> layout = new EstateGenerator(base).stores();
        this.generator = new EstateGenerator(base.withInjections(spikes(layout, base)));
    }

    /** The demo catalogue followed by synthetic long-tail SKUs, {@code n} in all (at least the demo's). */
    static List<Sku> catalogue(int n) {
        List<Sku> all = new ArrayList<>(UkCatalogue.skus());
        String[] categories = {"confectionery", "drinks", "snacks"};
        for (int i = all.size(); i < n; i++) {
            // Power-law tail continuing below the demo's slowest lines (popularity ~0.1 at i = 28).
            double popularity = Math.min(0.3, 0.3 * Math.pow(DEMO_SKUS / (double) (i + 1), 0.9));
            BigDecimal price = BigDecimal.valueOf(50 + (i * 37L) % 400, 2);
            all.add(new Sku(String.format("SKU-L%05d", i), "Long-tail line " + i, categories[i % 3], price, popularity));
        }
        return all;
    }

    private List<Injection> spikes(List<Store> stores, EstateSpec spec) {
        List<String> skus = new ArrayList<>();
        for (String sku : List.of(UkCatalogue.AURORA_COLA, UkCatalogue.SEA_SALT_CRISPS)) {
            if (spec.catalogue().subList(0, spec.skus()).stream().anyMatch(s -> s.sku().equals(sku))) {
                skus.add(sku);
            }
        }
        if (skus.isEmpty()) {
            skus.add(spec.catalogue().get(0).sku());
        }
        // The busiest stores (largest first, ties by id): their best sellers have the volume for a spike
        // to be significant hour by hour, so the planted spikes are reported however small the estate.
        int affected = Math.max(1, (int) Math.round(stores.size() * SPIKE_SHARE));
        List<Store> busiest = stores.stream()
                .sorted(java.util.Comparator.comparingDouble(Store::size).reversed().thenComparing(Store::storeId))
                .limit(affected)
                .toList();
        List<Injection> all = new ArrayList<>();
        for (int g = 0; g < SPIKE_GROUPS; g++) {
            List<String> ids = new ArrayList<>();
            for (int i = g; i < busiest.size(); i += SPIKE_GROUPS) {
                ids.add(busiest.get(i).storeId());
            }
            if (ids.isEmpty()) {
                continue;
            }
            Instant at = spec.historyStart().atZone(EstateSpec.ZONE).toLocalDate().plusDays(anomalyDay)
                    .atTime(SPIKE_HOUR + g, 0).atZone(EstateSpec.ZONE).toInstant();
            for (String sku : skus) {
                all.add(Injection.spike("load-spike-" + g + "-" + sku, sku, at, SPIKE_HOURS, SPIKE_MULTIPLIER, ids));
            }
        }
        return all;
    }

    /** Hours of history needed to reach the end of the planted spikes for this warm-up. */
    public static int hoursThroughSpikes(int warmupDays) {
        return 24 * Math.max(2, warmupDays) + SPIKE_HOUR + SPIKE_GROUPS - 1 + SPIKE_HOURS;
    }

    public EstateGenerator generator() {
        return generator;
    }

    public int stores() {
        return storeCount;
    }

    public int skus() {
        return skuCount;
    }

    /** (store, SKU) keys of the estate. */
    public long keys() {
        return (long) storeCount * skuCount;
    }

    public int hours() {
        return hours;
    }

    public long seed() {
        return seed;
    }

    /** Start of hour {@code h} (0-based) of the history. */
    public Instant hourStart(int h) {
        return start.plus(Duration.ofHours(h));
    }

    /** The planted spikes (ground truth), possibly beyond {@link #hours()}. */
    public List<Injection> injections() {
        return generator.injections();
    }

    @Override
    public String toString() {
        return storeCount + " stores × " + skuCount + " SKUs, " + hours + " h from " + start + ", seed " + seed;
    }
}
