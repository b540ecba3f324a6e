package mrs.udfs.detect;

import java.util.Arrays;

/**
 * The learned baseline of one key (store, SKU), kept in Flink managed state by the streaming job and in
 * memory by the offline scorer. Only {@link SeasonalDetector} reads or writes it; it holds numbers, no
 * behaviour.
 *
 * <p>It is a Flink POJO on purpose (public class, public no-arg constructor, public non-final fields of
 * primitive, primitive-array or boxed types only), so Flink serializes it with its POJO serializer and
 * never falls back to Kryo, and fields can be added later with schema evolution. Size for hourly windows
 * (24 primary slots, 7 secondary): 24×8 + 24×4 + 7×8 + 7×8 + 36 bytes ≈ 440 bytes per key; 15-minute
 * windows ≈ 1.3 KB.
 *
 * <p>A freshly constructed instance is empty (arrays {@code null}); the detector lays it out for its
 * {@link Seasonality} on the first update, and lays it out anew (forgetting what it knew) when the array
 * sizes do not match, e.g. after the window size was changed between savepoints.
 *
 * <p>Why per-slot levels instead of one level times time-of-day factors: the first visit of a slot sets
 * its level straight from the observation, so learning never divides by a level that is still unknown or
 * zero (a series that starts at midnight with zero sales). The overall level is the mean of the slot
 * levels and moves all of them at once, see {@link SeasonalDetector#update}.
 */
public class BaselineState {

    /**
     * Baseline per primary slot (e.g. per hour of the day), in value units per interval, before the
     * secondary factor: expected = {@code slotLevels[p] * secondaryFactors[q]}. Never negative. An entry
     * whose {@link #slotVisits} is 0 has not been learned yet and is not used.
     */
    public double[] slotLevels;

    /**
     * Observations learned per primary slot, saturating at {@link SeasonalDetector#VISITS_CAP}. Drives the
     * running-mean start of each slot and the per-slot part of warm-up.
     */
    public int[] slotVisits;

    /**
     * Multiplicative factor per secondary slot (e.g. per day of week). Kept at mean 1 over the slots seen
     * so far; never negative. Length 1 (always 1.0) when there is no secondary cycle.
     */
    public double[] secondaryFactors;

    /**
     * Exposure learned per secondary slot: the sum of the slot shares of the observations that taught it,
     * saturating at {@link SeasonalDetector#WEIGHT_CAP}. 0 means never seen. Drives the running-mean start.
     */
    public double[] secondaryWeights;

    /**
     * Robust noise level: exponentially weighted mean of |clipped residual| / sqrt(max(expected, 1)).
     * Scaling by sqrt(expected) makes one number fit both quiet night hours and busy afternoons of count
     * data, whose variance grows with the mean.
     */
    public double dispersion;

    /**
     * Damped trend: relative change of the level per observation (0.001 = +0.1% each interval), already
     * applied to {@link #slotLevels} for the next observation. Clamped to ±20% per primary cycle.
     */
    public double trend;

    /** Updates that taught {@link #dispersion}, saturating; drives its running-mean start. */
    public int dispersionUpdates;

    /** Observations learned in total. Compared with the warm-up before anything is flagged. */
    public long observations;

    /**
     * Timestamp (epoch millis) of the last learned observation, {@link Long#MIN_VALUE} if none. Updates at
     * or before it are ignored, so a window that fires twice is never learned twice.
     */
    public long lastTimestamp = Long.MIN_VALUE;

    /** Empty baseline; required by Flink's POJO serializer. */
    public BaselineState() {}

    /** Deep copy, e.g. to compare a baseline before and after an update. */
    public BaselineState copy() {
        BaselineState c = new BaselineState();
        c.slotLevels = slotLevels == null ? null : slotLevels.clone();
        c.slotVisits = slotVisits == null ? null : slotVisits.clone();
        c.secondaryFactors = secondaryFactors == null ? null : secondaryFactors.clone();
        c.secondaryWeights = secondaryWeights == null ? null : secondaryWeights.clone();
        c.dispersion = dispersion;
        c.dispersionUpdates = dispersionUpdates;
        c.trend = trend;
        c.observations = observations;
        c.lastTimestamp = lastTimestamp;
        return c;
    }

    @Override
    public String toString() {
        return "BaselineState{observations=" + observations
                + ", lastTimestamp=" + lastTimestamp
                + ", dispersion=" + dispersion
                + ", dispersionUpdates=" + dispersionUpdates
                + ", trend=" + trend
                + ", slotLevels=" + Arrays.toString(slotLevels)
                + ", slotVisits=" + Arrays.toString(slotVisits)
                + ", secondaryFactors=" + Arrays.toString(secondaryFactors)
                + ", secondaryWeights=" + Arrays.toString(secondaryWeights)
                + '}';
    }
}
