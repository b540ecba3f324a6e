package mrs.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expected units per (store, SKU, hour) and the Poisson draw around it. The expectation is
 * {@code BASE × store size × SKU popularity × store/SKU affinity × hour-of-day profile × day-of-week
 * factor × trend × injected multipliers}. Everything except the noise is seed-independent, so the
 * expectation is the ground-truth baseline of the estate.
 */
final class DemandModel {
    /**
     * Units per hour of a size-1.0 store selling a popularity-1.0 SKU at its peak hour, before
     * affinity, day of week and trend. Sized for a convenience/supermarket estate's top sellers so a
     * per-(store, SKU, hour) detector has volume to work with: at Monday-Thursday noon the median store/SKU
     * expects about 3 units, the 90th percentile about 8, the 99th about 15 and the busiest lines (the
     * superstores' cola and crisps) 20-22, about 15% more on Fridays and Saturdays; nights stay near
     * zero. A x0.1 drop is only significant at about 20 units an hour (0.9 e ≥ 4 √e), so only the
     * busiest lines at their peak can show one.
     */
    static final double BASE = 9.5;

    // Local hour-of-day profiles, peak = 1. Nights are near zero, not zero, for the larger formats:
    // a detector must cope with sparse hours as well as busy ones.
    private static final double[] WEEKDAY = {
        .010, .005, .005, .005, .005, .010, .120, .350, .550, .550, .620, .780,
        1.00, .920, .680, .640, .740, .920, .950, .750, .520, .340, .170, .040};
    private static final double[] SATURDAY = {
        .010, .005, .005, .005, .005, .010, .060, .200, .400, .620, .850, .980,
        1.00, .980, .900, .850, .780, .700, .620, .500, .380, .250, .130, .040};
    private static final double[] SUNDAY = {
        .010, .005, .005, .005, .005, .010, .030, .100, .250, .450, .750, .900,
        .950, .950, .880, .800, .700, .550, .450, .360, .260, .160, .080, .020};
    // Commuter stores live on the morning and evening rush on weekdays and are quiet at weekends.
    private static final double[] COMMUTER_WEEKDAY = {
        .010, .005, .005, .005, .005, .010, .300, .900, 1.00, .550, .400, .500,
        .850, .700, .400, .450, .700, 1.00, .950, .600, .350, .220, .120, .040};
    private static final double COMMUTER_WEEKEND = 0.55;

    /** Convenience stores trade 07:00-23:00; outside that they sell nothing. */
    private static final int CONVENIENCE_OPENS = 7;
    private static final int CONVENIENCE_CLOSES = 23;

    /** Monday..Sunday: Friday and Saturday are the big grocery days. */
    private static final double[] DAY_OF_WEEK = {0.92, 0.90, 0.94, 0.98, 1.10, 1.15, 0.95};

    /** Per-store daily trend is drawn from [MIN, MAX): a mild drift of at most ~10% over five weeks. */
    private static final double TREND_MIN = -0.0015;
    private static final double TREND_MAX = 0.0030;

    private static final long AFFINITY_SALT = 0x41464649L;
    private static final long TREND_SALT = 0x5452454EL;

    private final List<Store> stores;
    private final List<Sku> skus;
    private final LocalDate endDate;
    /** BASE × size × popularity × affinity, indexed [store][sku]. */
    private final double[][] level;
    private final double[] trendPerDay;
    private final boolean[] convenience;
    private final boolean[] commuter;
    /** Injections per cell (store * skus + sku), null where there are none. */
    private final List<Injection>[] injections;

    @SuppressWarnings({"unchecked", "rawtypes"})
    DemandModel(List<Store> stores, List<Sku> skus, LocalDate endDate, List<Injection> planted) {
        this.stores = stores;
        this.skus = skus;
        this.endDate = endDate;
        this.level = new double[stores.size()][skus.size()];
        this.trendPerDay = new double[stores.size()];
        this.convenience = new boolean[stores.size()];
        this.commuter = new boolean[stores.size()];
        this.injections = new List[stores.size() * skus.size()];
        for (int s = 0; s < stores.size(); s++) {
            Store store = stores.get(s);
            long storeHash = Hashing.fnv1a64(store.storeId());
            convenience[s] = store.hasTag("convenience");
            commuter[s] = store.hasTag("commuter");
            trendPerDay[s] = TREND_MIN + (TREND_MAX - TREND_MIN) * Hashing.unit(Hashing.mix(TREND_SALT, storeHash));
            for (int k = 0; k < skus.size(); k++) {
                Sku sku = skus.get(k);
                // Stores differ in range and shopper mix: a per-(store, SKU) factor, log-uniform in [0.7, 1.4].
                double u = Hashing.unit(Hashing.mix(Hashing.mix(AFFINITY_SALT, storeHash), Hashing.fnv1a64(sku.sku())));
                double affinity = 0.7 * StrictMath.pow(2.0, u);
                level[s][k] = BASE * store.size() * sku.popularity() * affinity;
            }
        }
        for (Injection inj : planted) {
            int k = indexOfSku(inj.sku());
            for (String storeId : inj.storeIds()) {
                int s = indexOfStore(storeId);
                int cell = s * skus.size() + k;
                if (injections[cell] == null) {
                    injections[cell] = new ArrayList<>(1);
                }
                injections[cell].add(inj);
            }
        }
    }

    int indexOfStore(String storeId) {
        for (int s = 0; s < stores.size(); s++) {
            if (stores.get(s).storeId().equals(storeId)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no store " + storeId + " in the estate");
    }

    int indexOfSku(String sku) {
        for (int k = 0; k < skus.size(); k++) {
            if (skus.get(k).sku().equals(sku)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no SKU " + sku + " in the estate");
    }

    /**
     * The hour's factor for a store, shared by all its SKUs: profile × day of week × trend. Zero
     * when the store is closed.
     */
    double hourFactor(int store, ZonedDateTime localHour) {
        int hour = localHour.getHour();
        DayOfWeek dow = localHour.getDayOfWeek();
        if (convenience[store] && (hour < CONVENIENCE_OPENS || hour >= CONVENIENCE_CLOSES)) {
            return 0;
        }
        double profile;
        if (commuter[store]) {
            profile = dow.getValue() <= 5 ? COMMUTER_WEEKDAY[hour] : COMMUTER_WEEKEND * weekend(dow)[hour];
        } else {
            profile = dow.getValue() <= 5 ? WEEKDAY[hour] : weekend(dow)[hour];
        }
        // Trend is anchored on the last day so a date's expectation does not depend on history length.
        long daysBeforeEnd = ChronoUnit.DAYS.between(localHour.toLocalDate(), endDate);
        double trend = StrictMath.exp(-trendPerDay[store] * daysBeforeEnd);
        return profile * DAY_OF_WEEK[dow.getValue() - 1] * trend;
    }

    private static double[] weekend(DayOfWeek dow) {
        return dow == DayOfWeek.SATURDAY ? SATURDAY : SUNDAY;
    }

    /** Expected units of a cell, given its store's {@link #hourFactor}, injections applied. */
    double expected(int store, int sku, double hourFactor, long hourEpochSecond) {
        double lambda = level[store][sku] * hourFactor;
        List<Injection> planted = injections[store * skus.size() + sku];
        if (planted != null) {
            for (Injection inj : planted) {
                if (hourEpochSecond >= inj.start().getEpochSecond() && hourEpochSecond < inj.end().getEpochSecond()) {
                    lambda *= inj.multiplier();
                }
            }
        }
        return lambda;
    }

    /**
     * A Poisson draw. Knuth's product method is exact and fast for small means; larger means are
     * split into chunks of at most 30 (a sum of Poissons is Poisson) to stay clear of underflow.
     * {@code StrictMath} throughout the model: {@code Math} intrinsics may differ by an ulp between
     * JVMs, and one ulp at a threshold would change a draw and break byte-identical output.
     */
    static int poisson(SplittableRandom r, double lambda) {
        int total = 0;
        while (lambda > 0) {
            double chunk = Math.min(lambda, 30.0);
            lambda -= chunk;
            double limit = StrictMath.exp(-chunk);
            double p = r.nextDouble();
            while (p > limit) {
                total++;
                p *= r.nextDouble();
            }
        }
        return total;
    }
}
