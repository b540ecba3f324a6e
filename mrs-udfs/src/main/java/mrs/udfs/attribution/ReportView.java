package mrs.udfs.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the attribution model needs to know about one revision of a Minority Report: where and when
 * it happened, how big it is, how the clustering stage sees it ({@code concurrentStores}) and the
 * data-health flags detection computed. The caller (the Flink job) builds one per report revision; the
 * model never reaches back into Flink state.
 *
 * <p>Times are epoch milliseconds (UTC). {@code windowStart} is the start of the episode's first
 * anomalous window (the "spike start"), {@code windowEnd} the end of its latest window, {@code asOf} the
 * event time at which the revision is evaluated: a signal observed after {@code asOf} is not yet known.
 * {@code direction} is {@code SPIKE}, {@code DROP} or {@code MIXED} (normalised to upper case).
 * {@code lift} is actual / baseline over the episode (may be 0 for a drop to nothing, or infinite/NaN
 * when the baseline was 0). {@code concurrentStores} counts the stores showing the same SKU anomaly in
 * the same period, this one included (1 = this store alone). {@code allSkusDropToZero} marks the feed
 * gap pattern and {@code impossibleValues} negative totals or absurd lines.
 *
 * <p>Lists are copied into plain {@link ArrayList}s (so Kryo can serialise the record if it lands in
 * Flink state) and exposed read-only.
 */
public record ReportView(
        String reportId,
        String storeId,
        String retailer,
        String city,
        String region,
        String country,
        List<String> storeTags,
        List<String> skus,
        long windowStart,
        long windowEnd,
        long asOf,
        String direction,
        double actualUnits,
        double baselineUnits,
        double lift,
        double zScore,
        int anomalousWindows,
        int skuCount,
        int concurrentStores,
        boolean allSkusDropToZero,
        boolean impossibleValues)
        implements Serializable {

    /** Episode direction: more sales than expected. */
    public static final String SPIKE = "SPIKE";
    /** Episode direction: fewer sales than expected. */
    public static final String DROP = "DROP";
    /** Episode direction: some SKUs up, some down. */
    public static final String MIXED = "MIXED";

    /** Validates the contract and takes defensive copies. */
    public ReportView {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(storeId, "storeId");
        if (windowEnd < windowStart) {
            throw new IllegalArgumentException(
                    "report " + reportId + ": windowEnd " + windowEnd + " is before windowStart " + windowStart);
        }
        String d = direction == null ? "" : direction.trim().toUpperCase(Locale.ROOT);
        if (!d.equals(SPIKE) && !d.equals(DROP) && !d.equals(MIXED)) {
            throw new IllegalArgumentException(
                    "report " + reportId + ": direction must be SPIKE, DROP or MIXED, got " + direction);
        }
        direction = d;
        storeTags = copy(storeTags);
        skus = copy(skus);
        if (anomalousWindows < 0 || skuCount < 0 || concurrentStores < 0) {
            throw new IllegalArgumentException("report " + reportId
                    + ": anomalousWindows, skuCount and concurrentStores must be >= 0");
        }
    }

    private static List<String> copy(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    /** Store tags (e.g. {@code commuter}), read-only. */
    @Override
    public List<String> storeTags() {
        return Collections.unmodifiableList(storeTags);
    }

    /** SKUs of the episode, read-only. */
    @Override
    public List<String> skus() {
        return Collections.unmodifiableList(skus);
    }

    /** Whether the store carries the tag, case-insensitively. */
    public boolean hasTag(String tag) {
        for (String t : storeTags) {
            if (t.equalsIgnoreCase(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Size of the departure as a factor of at least 1, whatever its direction: the lift of a spike,
     * 1/lift of a drop, the larger of both for a mixed episode. A drop to nothing or a lift over a zero
     * baseline is infinite.
     */
    public double magnitude() {
        double l = lift;
        if (Double.isNaN(l)) {
            return Double.POSITIVE_INFINITY;
        }
        double down = l <= 0 ? Double.POSITIVE_INFINITY : 1.0 / l;
        return switch (direction) {
            case SPIKE -> Math.max(l, 1.0);
            case DROP -> Math.max(down, 1.0);
            default -> Math.max(Math.max(l, down), 1.0);
        };
    }

    /** SKUs the episode covers: {@code skuCount}, or the size of {@code skus} when that is larger. */
    public int effectiveSkuCount() {
        return Math.max(Math.max(skuCount, skus.size()), 1);
    }

    /** Stores showing the same anomaly, this one included; never below 1. */
    public int effectiveConcurrentStores() {
        return Math.max(concurrentStores, 1);
    }
}
