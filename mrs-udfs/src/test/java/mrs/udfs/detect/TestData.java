package mrs.udfs.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * Synthetic series for the detector and scorer tests: retail-like counts with a time-of-day and a
 * day-of-week shape and Poisson noise, or continuous values with Gaussian noise. Seeded, so every run
 * sees the same numbers.
 */
public final class TestData {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 2 June 2025, 00:00 in London (BST). */
    public static final long MONDAY = ZonedDateTime.of(2025, 6, 2, 0, 0, 0, 0, LONDON).toInstant().toEpochMilli();
    public static final long HOUR = Duration.ofHours(1).toMillis();
    public static final long DAY = Duration.ofDays(1).toMillis();

    /** Relative demand per hour of the day: closed-ish at night, lunch and after-work peaks. */
    public static final double[] HOUR_SHAPE = {
        0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 1, 3, 6, 9, 12, 15, 20, 18, 15, 14, 16, 18, 14, 9, 6, 3, 1, 0.5
    };
    /** Relative demand per day of the week, Monday first: busy Saturday, quiet Sunday. */
    public static final double[] DAY_SHAPE = {1.0, 0.95, 1.0, 1.05, 1.2, 1.5, 0.6};

    private TestData() {}

    /** A regularly sampled series plus the mean each value was drawn from. */
    public record Series(long[] timestamps, double[] means, double[] values) {
        public int size() {
            return timestamps.length;
        }
    }

    /**
     * Retail counts every {@code step} from {@link #MONDAY} for {@code days} days: mean = {@code scale} ×
     * hour shape × day shape per hour (scaled to the step; daily steps get the day total), Poisson noise.
     */
    public static Series retailCounts(Duration step, int days, double scale, long seed) {
        Random random = new Random(seed);
        long stepMs = step.toMillis();
        int n = (int) (days * DAY / stepMs);
        long[] ts = new long[n];
        double[] means = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = MONDAY + i * stepMs;
            means[i] = retailMean(ts[i], stepMs, scale);
            values[i] = poisson(means[i], random);
        }
        return new Series(ts, means, values);
    }

    /** The mean of {@link #retailCounts} at {@code timestamp}. */
    public static double retailMean(long timestamp, long stepMs, double scale) {
        if (stepMs >= DAY) {
            // daily points are days counted from MONDAY (a date, whatever the clock change does)
            double total = 0;
            for (double h : HOUR_SHAPE) {
                total += h;
            }
            return scale * total * DAY_SHAPE[(int) Math.floorMod((timestamp - MONDAY) / DAY, 7L)];
        }
        ZonedDateTime local = Instant.ofEpochMilli(timestamp).atZone(LONDON);
        double day = DAY_SHAPE[local.getDayOfWeek().getValue() - 1];
        return scale * HOUR_SHAPE[local.getHour()] * day * stepMs / (double) HOUR;
    }

    /**
     * Continuous values every {@code step}: {@code base + slope·day + 20·sin(2π·time of day)} plus Gaussian
     * noise of {@code noise}; can be negative.
     */
    public static Series continuous(Duration step, int days, double base, double slopePerDay, double noise, long seed) {
        Random random = new Random(seed);
        long stepMs = step.toMillis();
        int n = (int) (days * DAY / stepMs);
        long[] ts = new long[n];
        double[] means = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = MONDAY + i * stepMs;
            double dayFraction = (ts[i] - MONDAY) / (double) DAY;
            means[i] = base + slopePerDay * dayFraction + 20 * Math.sin(2 * Math.PI * dayFraction);
            values[i] = means[i] + noise * random.nextGaussian();
        }
        return new Series(ts, means, values);
    }

    /** Knuth's method below 30, a rounded normal above (plenty for tests). */
    public static int poisson(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double p = 1;
            int k = 0;
            do {
                k++;
                p *= random.nextDouble();
            } while (p > limit);
            return k - 1;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
