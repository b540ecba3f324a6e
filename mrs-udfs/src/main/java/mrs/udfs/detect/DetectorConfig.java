package mrs.udfs.detect;

import java.io.Serializable;
import java.util.Objects;

/**
 * Thresholds and learning rates of {@link SeasonalDetector}; immutable, validated on construction.
 * Start from {@link #defaults()} and change what you need with {@link #toBuilder()}.
 *
 * <p>Defaults (and why):
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>zThreshold</td><td>4.0</td><td>|z| needed to flag; 4 robust sigmas keep hourly false
 *       alarms to a few per key-year</td></tr>
 *   <tr><td>minSpikeLift</td><td>1.5</td><td>a spike also needs actual/expected &ge; 1.5</td></tr>
 *   <tr><td>maxDropRatio</td><td>0.5</td><td>a drop also needs actual/expected &le; 0.5</td></tr>
 *   <tr><td>minAbsDelta</td><td>5.0</td><td>|actual − expected| in units, so 0→3 at night is no
 *       event</td></tr>
 *   <tr><td>minExpectedForDrop</td><td>5.0</td><td>a drop needs an expected value of at least this: a
 *       quiet hour going quiet is not news</td></tr>
 *   <tr><td>warmupObservations</td><td>{@link #AUTO_WARMUP} (0)</td><td>0 = take
 *       {@link Seasonality#defaultWarmupObservations()} (7 days' worth for calendar seasonality)</td></tr>
 *   <tr><td>levelRate</td><td>0.1</td><td>per primary cycle (a day for sub-daily calendar seasonality),
 *       spread over its observations and weighted by their share: a level memory of about ten days, so a
 *       sustained lift is reported for days before it becomes the new normal</td></tr>
 *   <tr><td>seasonalRate</td><td>0.1</td><td>per visit of a slot: a time-of-day slot learns once a day,
 *       a day-of-week factor about this much per day of data; about ten visits of memory</td></tr>
 *   <tr><td>spreadRate</td><td>0.01</td><td>per observation, for the dispersion (hourly: about four
 *       days)</td></tr>
 *   <tr><td>trendRate</td><td>0.1</td><td>share of each level correction that feeds the damped trend;
 *       0 switches the trend off</td></tr>
 *   <tr><td>trendDamping</td><td>0.9</td><td>fraction of the trend kept per primary cycle, so a trend
 *       learned from a burst fades within days</td></tr>
 *   <tr><td>huberK</td><td>2.5</td><td>an observation is clipped to expected ± huberK·spread before
 *       it teaches the baseline</td></tr>
 *   <tr><td>minSpread</td><td>1.0</td><td>absolute floor on the spread, in value units</td></tr>
 *   <tr><td>poissonFloor</td><td>1.0</td><td>spread &ge; poissonFloor·sqrt(expected): counts are at
 *       least Poisson-noisy; 0 switches the floor off for data that are not counts</td></tr>
 * </table>
 */
public final class DetectorConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@link #warmupObservations()} value meaning "derive from the seasonality". */
    public static final int AUTO_WARMUP = 0;

    private static final DetectorConfig DEFAULTS = builder().build();

    private final double zThreshold;
    private final double minSpikeLift;
    private final double maxDropRatio;
    private final double minAbsDelta;
    private final double minExpectedForDrop;
    private final int warmupObservations;
    private final double levelRate;
    private final double seasonalRate;
    private final double spreadRate;
    private final double trendRate;
    private final double trendDamping;
    private final double huberK;
    private final double minSpread;
    private final double poissonFloor;

    private DetectorConfig(Builder b) {
        this.zThreshold = requireRange("zThreshold", b.zThreshold, 0.0, false, Double.MAX_VALUE);
        this.minSpikeLift = requireRange("minSpikeLift", b.minSpikeLift, 1.0, true, Double.MAX_VALUE);
        this.maxDropRatio = requireRange("maxDropRatio", b.maxDropRatio, 0.0, true, 1.0);
        this.minAbsDelta = requireRange("minAbsDelta", b.minAbsDelta, 0.0, true, Double.MAX_VALUE);
        this.minExpectedForDrop =
                requireRange("minExpectedForDrop", b.minExpectedForDrop, 0.0, true, Double.MAX_VALUE);
        if (b.warmupObservations < 0) {
            throw new IllegalArgumentException(
                    "warmupObservations must be >= 0 (0 = derive from the seasonality), got "
                            + b.warmupObservations);
        }
        this.warmupObservations = b.warmupObservations;
        this.levelRate = requireRange("levelRate", b.levelRate, 0.0, false, 1.0);
        this.seasonalRate = requireRange("seasonalRate", b.seasonalRate, 0.0, false, 1.0);
        this.spreadRate = requireRange("spreadRate", b.spreadRate, 0.0, false, 1.0);
        this.trendRate = requireRange("trendRate", b.trendRate, 0.0, true, 1.0);
        this.trendDamping = requireRange("trendDamping", b.trendDamping, 0.0, true, 1.0);
        this.huberK = requireRange("huberK", b.huberK, 0.0, false, Double.MAX_VALUE);
        this.minSpread = requireRange("minSpread", b.minSpread, 0.0, false, Double.MAX_VALUE);
        this.poissonFloor = requireRange("poissonFloor", b.poissonFloor, 0.0, true, Double.MAX_VALUE);
    }

    /**
     * Checks {@code low < value <= high} (or {@code low <= value} when {@code lowInclusive}) and that the
     * value is finite, with a message naming the setting.
     */
    private static double requireRange(
            String name, double value, double low, boolean lowInclusive, double high) {
        boolean ok = Double.isFinite(value) && (lowInclusive ? value >= low : value > low) && value <= high;
        if (!ok) {
            String range = (lowInclusive ? "[" : "(") + low + ", "
                    + (high == Double.MAX_VALUE ? "inf)" : high + "]");
            throw new IllegalArgumentException(
                    name + " must be a finite number in " + range + ", got " + value);
        }
        return value;
    }

    /** The documented defaults. */
    public static DetectorConfig defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder()
                .zThreshold(zThreshold)
                .minSpikeLift(minSpikeLift)
                .maxDropRatio(maxDropRatio)
                .minAbsDelta(minAbsDelta)
                .minExpectedForDrop(minExpectedForDrop)
                .warmupObservations(warmupObservations)
                .levelRate(levelRate)
                .seasonalRate(seasonalRate)
                .spreadRate(spreadRate)
                .trendRate(trendRate)
                .trendDamping(trendDamping)
                .huberK(huberK)
                .minSpread(minSpread)
                .poissonFloor(poissonFloor);
    }

    /** |z| at or above which an observation can be anomalous; also the score's midpoint (0.5). */
    public double zThreshold() {
        return zThreshold;
    }

    /** Minimum actual/expected for a spike. */
    public double minSpikeLift() {
        return minSpikeLift;
    }

    /** Maximum actual/expected for a drop. */
    public double maxDropRatio() {
        return maxDropRatio;
    }

    /** Minimum |actual − expected| in value units for any anomaly. */
    public double minAbsDelta() {
        return minAbsDelta;
    }

    /** Minimum expected value for a drop to count. */
    public double minExpectedForDrop() {
        return minExpectedForDrop;
    }

    /** Explicit warm-up in observations, or {@link #AUTO_WARMUP}. */
    public int warmupObservations() {
        return warmupObservations;
    }

    /** The warm-up to apply with {@code seasonality}: the explicit count, or the seasonality's default. */
    public int resolveWarmup(Seasonality seasonality) {
        return warmupObservations == AUTO_WARMUP
                ? seasonality.defaultWarmupObservations()
                : warmupObservations;
    }

    /** Level learning rate per primary cycle (spread over its observations, weighted by their share). */
    public double levelRate() {
        return levelRate;
    }

    /** Seasonal learning rate per slot visit. */
    public double seasonalRate() {
        return seasonalRate;
    }

    /** Dispersion learning rate per observation. */
    public double spreadRate() {
        return spreadRate;
    }

    /** Share of each level correction that feeds the trend; 0 disables the trend. */
    public double trendRate() {
        return trendRate;
    }

    /** Fraction of the trend kept per primary cycle (a day, for calendar seasonality). */
    public double trendDamping() {
        return trendDamping;
    }

    /** Clip width, in spreads, applied to an observation before it teaches the baseline. */
    public double huberK() {
        return huberK;
    }

    /** Absolute floor on the spread, in value units. */
    public double minSpread() {
        return minSpread;
    }

    /** Multiplier of the Poisson floor sqrt(expected) on the spread; 0 disables it. */
    public double poissonFloor() {
        return poissonFloor;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DetectorConfig)) {
            return false;
        }
        DetectorConfig c = (DetectorConfig) o;
        return zThreshold == c.zThreshold
                && minSpikeLift == c.minSpikeLift
                && maxDropRatio == c.maxDropRatio
                && minAbsDelta == c.minAbsDelta
                && minExpectedForDrop == c.minExpectedForDrop
                && warmupObservations == c.warmupObservations
                && levelRate == c.levelRate
                && seasonalRate == c.seasonalRate
                && spreadRate == c.spreadRate
                && trendRate == c.trendRate
                && trendDamping == c.trendDamping
                && huberK == c.huberK
                && minSpread == c.minSpread
                && poissonFloor == c.poissonFloor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(zThreshold, minSpikeLift, maxDropRatio, minAbsDelta, minExpectedForDrop,
                warmupObservations, levelRate, seasonalRate, spreadRate, trendRate, trendDamping, huberK, minSpread, poissonFloor);
    }

    @Override
    public String toString() {
        return "DetectorConfig{zThreshold=" + zThreshold
                + ", minSpikeLift=" + minSpikeLift
                + ", maxDropRatio=" + maxDropRatio
                + ", minAbsDelta=" + minAbsDelta
                + ", minExpectedForDrop=" + minExpectedForDrop
                + ", warmupObservations=" + (warmupObservations == AUTO_WARMUP ? "auto" : warmupObservations)
                + ", levelRate=" + levelRate
                + ", seasonalRate=" + seasonalRate
                + ", spreadRate=" + spreadRate
                + ", trendRate=" + trendRate
                + ", trendDamping=" + trendDamping
                + ", huberK=" + huberK
                + ", minSpread=" + minSpread
                + ", poissonFloor=" + poissonFloor
                + '}';
    }

    /** Mutable builder; {@link #build()} validates every value and says which one is wrong. */
    public static final class Builder {
        private double zThreshold = 4.0;
        private double minSpikeLift = 1.5;
        private double maxDropRatio = 0.5;
        private double minAbsDelta = 5.0;
        private double minExpectedForDrop = 5.0;
        private int warmupObservations = AUTO_WARMUP;
        private double levelRate = 0.1;
        private double seasonalRate = 0.1;
        private double spreadRate = 0.01;
        private double trendRate = 0.1;
        private double trendDamping = 0.9;
        private double huberK = 2.5;
        private double minSpread = 1.0;
        private double poissonFloor = 1.0;

        private Builder() {}

        /** Must be &gt; 0. */
        public Builder zThreshold(double v) {
            this.zThreshold = v;
            return this;
        }

        /** Must be &ge; 1. */
        public Builder minSpikeLift(double v) {
            this.minSpikeLift = v;
            return this;
        }

        /** Must be in [0, 1]. */
        public Builder maxDropRatio(double v) {
            this.maxDropRatio = v;
            return this;
        }

        /** Must be &ge; 0. */
        public Builder minAbsDelta(double v) {
            this.minAbsDelta = v;
            return this;
        }

        /** Must be &ge; 0. */
        public Builder minExpectedForDrop(double v) {
            this.minExpectedForDrop = v;
            return this;
        }

        /** Must be &ge; 0; {@link #AUTO_WARMUP} (0) derives it from the seasonality. */
        public Builder warmupObservations(int v) {
            this.warmupObservations = v;
            return this;
        }

        /** Must be in (0, 1]. */
        public Builder levelRate(double v) {
            this.levelRate = v;
            return this;
        }

        /** Must be in (0, 1]. */
        public Builder seasonalRate(double v) {
            this.seasonalRate = v;
            return this;
        }

        /** Must be in (0, 1]. */
        public Builder spreadRate(double v) {
            this.spreadRate = v;
            return this;
        }

        /** Must be in [0, 1]; 0 switches the trend off. */
        public Builder trendRate(double v) {
            this.trendRate = v;
            return this;
        }

        /** Must be in [0, 1]. */
        public Builder trendDamping(double v) {
            this.trendDamping = v;
            return this;
        }

        /** Must be &gt; 0. */
        public Builder huberK(double v) {
            this.huberK = v;
            return this;
        }

        /** Must be &gt; 0. */
        public Builder minSpread(double v) {
            this.minSpread = v;
            return this;
        }

        /** Must be &ge; 0. */
        public Builder poissonFloor(double v) {
            this.poissonFloor = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public DetectorConfig build() {
            return new DetectorConfig(this);
        }
    }
}
