package mrs.udfs.score;

import java.time.Duration;
import java.util.Arrays;
import mrs.udfs.detect.Assessment;
import mrs.udfs.detect.BaselineState;
import mrs.udfs.detect.DetectorConfig;
import mrs.udfs.detect.SeasonalDetector;
import mrs.udfs.detect.Seasonality;

/**
 * Scores one series offline with the streaming job's {@link SeasonalDetector}, point by point as a stream
 * would see it: each value is assessed against what the detector learned from the values before it, then
 * learned. Only the choice of periods and of the value scale is made up front, from the warm-up prefix
 * (see {@link PeriodLearner}); no point after the prefix influences anything before it is scored.
 *
 * <p>Values that look like counts (non-negative integers in the prefix) are scored as they are: the
 * detector's multiplicative seasonality and Poisson floor fit sales counts. Other values (temperatures,
 * ratios, anything that can be negative or fractional) are mapped to {@code 1000 + 50·(v − median)/range}
 * of the prefix first, a pedestal twenty prefix ranges high, and scored without the Poisson floor: on the
 * pedestal the multiplicative model behaves additively (seasonal swings, trend and noise in absolute
 * terms), which suits such series, and values far below the prefix stay positive. The transform is
 * affine, so z and the ranking of points are about the series itself.
 */
public final class SeriesScorer {

    /** Scores plus what was learned, for the progress line and for tests. */
    public record Result(
            double[] scores,
            long intervalMillis,
            PeriodLearner.Result periods,
            Seasonality seasonality,
            int warmupObservations,
            boolean countData) {}

    /** Prefix ranges between zero and the prefix median after the non-count transform. */
    static final double PEDESTAL_RANGES = 20.0;
    /** Where the prefix median of non-count values lands. */
    static final double TARGET_LEVEL = 1000.0;
    /** Spread floor for non-count values, in scaled units: one millionth of the typical magnitude. */
    private static final double NON_COUNT_MIN_SPREAD = TARGET_LEVEL * 1e-6;
    private static final long DEFAULT_INTERVAL_MS = 3_600_000L;

    private SeriesScorer() {}

    /**
     * Scores {@code values}; scores are in [0, 1], 0 during the warm-up.
     *
     * @param timestamps epoch millis on the clock the series' seasons follow: for a file with UTC offsets
     *     that is the local wall clock ({@link SeriesCsv.Series#wallClock()}), so a shop's 9 o'clock stays
     *     one slot across daylight saving. Increasing; a timestamp repeated by a clock going back is scored
     *     but not learned.
     * @param values the values, same length, finite
     */
    public static Result score(long[] timestamps, double[] values) {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        int n = timestamps.length;
        long interval = medianGap(timestamps);
        PeriodLearner.Result periods = PeriodLearner.learn(timestamps, values, interval);
        long origin = n == 0 ? 0L : timestamps[0];
        Seasonality seasonality = Seasonality.periodic(
                Duration.ofMillis(interval), origin, periods.primaryPeriod(), periods.secondaryPeriod());

        int prefixCount = 0;
        while (prefixCount < n
                && Math.floorDiv(timestamps[prefixCount] - origin + interval / 2, interval)
                        < periods.prefixLength()) {
            prefixCount++;
        }
        double[] prefix = Arrays.copyOf(values, Math.max(prefixCount, Math.min(n, 2)));
        boolean counts = looksLikeCounts(prefix);
        double shift = 0.0;
        double scale = 1.0;
        DetectorConfig.Builder config = DetectorConfig.defaults().toBuilder()
                .warmupObservations(Math.max(Math.max(prefixCount, 1), seasonality.defaultWarmupObservations()));
        if (!counts) {
            // Additive behaviour from the multiplicative detector: put the series on a pedestal many times
            // its prefix range, so seasonal factors, trend and noise are all about constant in absolute
            // terms, and later values below the prefix stay positive.
            double[] sorted = prefix.clone();
            Arrays.sort(sorted);
            double center = sorted[(sorted.length - 1) / 2];
            double range = sorted[sorted.length - 1] - sorted[0];
            double ref = Math.max(range, Math.abs(center) * 1e-6);
            if (!(ref > 0)) {
                ref = 1.0; // a flat prefix at 0
            }
            scale = TARGET_LEVEL / (PEDESTAL_RANGES * ref);
            shift = PEDESTAL_RANGES * ref - center; // center maps to TARGET_LEVEL
            config.poissonFloor(0.0).minSpread(NON_COUNT_MIN_SPREAD);
        }
        SeasonalDetector detector = new SeasonalDetector(seasonality, config.build());
        BaselineState state = detector.newState();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double v = counts ? values[i] : (values[i] + shift) * scale;
            if (!Double.isFinite(v)) {
                v = Math.copySign(SeasonalDetector.VALUE_LIMIT, v); // only for absurd inputs near 1e308
            }
            Assessment a = detector.assessAndUpdate(state, timestamps[i], v);
            scores[i] = a.score();
        }
        return new Result(scores, interval, periods, seasonality, detector.warmupObservations(), counts);
    }

    /** Median of the gaps between successive timestamps: robust to a few missing points. */
    static long medianGap(long[] ts) {
        if (ts.length < 2) {
            return DEFAULT_INTERVAL_MS;
        }
        long[] gaps = new long[ts.length - 1];
        int m = 0;
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] > ts[i - 1]) {
                gaps[m++] = ts[i] - ts[i - 1]; // a wall clock going back at a DST change is no gap
            }
        }
        if (m == 0) {
            return DEFAULT_INTERVAL_MS;
        }
        Arrays.sort(gaps, 0, m);
        return gaps[(m - 1) / 2];
    }

    private static boolean looksLikeCounts(double[] prefix) {
        if (prefix.length == 0) {
            return true;
        }
        for (double v : prefix) {
            if (v < 0 || Math.abs(v - Math.rint(v)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

}
