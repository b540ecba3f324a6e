package mrs.udfs.detect;

import java.io.Serializable;
import java.util.Objects;

/**
 * The detector's verdict on one observation against its baseline, computed before the observation is
 * learned. Immutable; every number is finite.
 *
 * @param actual the observed value
 * @param expected the baseline for the observation's slots (never negative)
 * @param spread the robust noise scale used for z (at least the configured floors, always &gt; 0)
 * @param z {@code (actual - expected) / spread}, clamped to ±{@link SeasonalDetector#Z_LIMIT}
 * @param lift {@code actual / expected}; 1 when both are 0; with an expected value below
 *     {@link SeasonalDetector#LIFT_DENOMINATOR_FLOOR} that floor is the denominator; clamped to
 *     ±{@link SeasonalDetector#LIFT_LIMIT}
 * @param direction {@link Direction#SPIKE} or {@link Direction#DROP} when anomalous, else {@link
 *     Direction#NONE}
 * @param anomalous warm, |z| at or above the threshold, and the lift/ratio and absolute-delta rules hold
 *     (a drop also needs a large enough expected value)
 * @param warm the key has learned enough observations, and this observation's slot has been seen often
 *     enough, for a verdict
 * @param score anomaly score in [0, 1], monotone in |z|: 0 while not warm, 0.5 exactly at the threshold;
 *     see {@link SeasonalDetector#score(double, double)}
 */
public record Assessment(
        double actual,
        double expected,
        double spread,
        double z,
        double lift,
        Direction direction,
        boolean anomalous,
        boolean warm,
        double score)
        implements Serializable {

    public Assessment {
        Objects.requireNonNull(direction, "direction");
        if (anomalous && direction == Direction.NONE) {
            throw new IllegalArgumentException("an anomalous assessment needs a direction");
        }
        if (!anomalous && direction != Direction.NONE) {
            throw new IllegalArgumentException("direction must be NONE unless anomalous");
        }
    }

    /** {@code actual - expected}, in value units (what the detected log calls actual−baseline). */
    public double delta() {
        return actual - expected;
    }
}
