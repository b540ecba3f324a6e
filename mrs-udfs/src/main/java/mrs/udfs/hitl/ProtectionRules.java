package mrs.udfs.hitl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import mrs.udfs.ids.Ids;

/**
 * Turns an event's status (on every status change) into a model-protection {@link Directive}.
 *
 * <h2>Which directive</h2>
 * <table>
 * <caption>directive by status and detection type</caption>
 * <tr><th>status</th><th>detection type</th><th>directive</th></tr>
 * <tr><td>REJECTED_FALSE_POSITIVE</td><td>any</td><td>RELEASE</td></tr>
 * <tr><td rowspan="4">AUTO_CONFIRMED, CONFIRMED, FINALISED</td><td>Data Error</td><td>EXCLUDE_WINDOW</td></tr>
 * <tr><td>Social/Viral Event, Competitor Stockout, Operational/Store Issue</td><td>REWEIGHT</td></tr>
 * <tr><td>Marketing Misattribution</td><td>ADJUST_CREDIT</td></tr>
 * <tr><td>none of the five (null, unknown, a novel label)</td><td>none</td></tr>
 * <tr><td>DETECTED, PENDING_REVIEW, REOPENED</td><td>any</td><td>none</td></tr>
 * </table>
 * Only decisions produce directives. While an event is under review (DETECTED, PENDING_REVIEW, and
 * REOPENED, which is review again) nothing is emitted, and whatever directive was last emitted for the
 * event stays in force until the next decision replaces it: an unreviewed anomaly does not yet change the
 * models, and a decided one is not un-protected merely because someone is looking at it again (models
 * are not churned back and forth). A confirmed event whose detection type is not one of the five gives
 * no directive, because there is no rule for what models should do with it; an analyst sets the type.
 *
 * <h2>Identity</h2>
 * {@code directive_id = "PD-" + first 16 hex of SHA-256(event id, status, type, stores, SKUs, window
 * start, window end)}, each component length-prefixed so no two inputs collide; the lists are sorted
 * and de-duplicated first, so the caller's order does not matter. Confidence, weight and
 * {@code written_at} are not part of it: a replay, or a refreshed weight for the same decision and
 * scope, keeps the id (the log's current-row view shows the latest).
 *
 * <h2>Reweight factor</h2>
 * For REWEIGHT, {@code weight = 1 − c × (1 − r)}, rounded to 4 decimals and clipped to
 * [{@value #MIN_WEIGHT}, 1], where
 * <ul>
 *   <li>{@code r = min(b, a) / max(b, a)}, baseline {@code b} and actual {@code a} units of the scope
 *       each counted as at least 1: the share of the window that looks like normal demand (a spike to 3×
 *       baseline gives 1/3, a drop to a fifth gives 0.2); unknown (NaN) baseline or actual gives
 *       {@code r = 0}, i.e. the whole window is treated as distorted;</li>
 *   <li>{@code c} the confidence (null, i.e. an analyst's decision, counts as 1): at full confidence
 *       the window counts as much as its normal share, at none it keeps its full weight.</li>
 * </ul>
 * The floor keeps a reweighted window distinct from an exclusion (that is EXCLUDE_WINDOW's job).
 */
public final class ProtectionRules {

    /** Lowest reweight factor. */
    public static final double MIN_WEIGHT = 0.05;

    private ProtectionRules() {}

    /** The directive type for a status and detection type (see the class table); empty when none. */
    public static Optional<DirectiveType> type(EventStatus status, String detectionType) {
        Objects.requireNonNull(status, "status");
        if (status == EventStatus.REJECTED_FALSE_POSITIVE) {
            return Optional.of(DirectiveType.RELEASE);
        }
        if (!status.decided()) {
            return Optional.empty();
        }
        return DetectionType.parse(detectionType).map(t -> switch (t) {
            case DATA_ERROR -> DirectiveType.EXCLUDE_WINDOW;
            case SOCIAL_VIRAL, COMPETITOR_STOCKOUT, OPERATIONAL_STORE -> DirectiveType.REWEIGHT;
            case MARKETING_MISATTRIBUTION -> DirectiveType.ADJUST_CREDIT;
        });
    }

    /**
     * The directive for an event status, without the scope's baseline and actual (a REWEIGHT then
     * treats the whole window as distorted, see the class comment).
     */
    public static Optional<Directive> directive(String eventId, EventStatus status, String detectionType,
            Double confidence, List<String> stores, List<String> skus, long windowStart, Long windowEnd,
            long writtenAt) {
        return directive(eventId, status, detectionType, confidence, stores, skus, windowStart, windowEnd,
                Double.NaN, Double.NaN, writtenAt);
    }

    /**
     * The directive for an event status; empty when the status and type call for none.
     *
     * @param stores stores in scope, any order (sorted and de-duplicated here); at least one
     * @param skus SKUs in scope, any order; empty = every SKU
     * @param windowEnd null while the event has not ended; otherwise ≥ {@code windowStart}
     * @param baselineUnits the scope's summed baseline units (NaN if unknown), for the reweight factor
     * @param actualUnits the scope's summed actual units (NaN if unknown), for the reweight factor
     * @param writtenAt the event time that produced the status change
     */
    public static Optional<Directive> directive(String eventId, EventStatus status, String detectionType,
            Double confidence, List<String> stores, List<String> skus, long windowStart, Long windowEnd,
            double baselineUnits, double actualUnits, long writtenAt) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is required");
        }
        Optional<DirectiveType> type = type(status, detectionType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<String> storeList = sortedDistinct(stores, "stores");
        if (storeList.isEmpty()) {
            throw new IllegalArgumentException("a directive needs at least one store in scope");
        }
        List<String> skuList = sortedDistinct(skus == null ? List.of() : skus, "skus");
        if (windowEnd != null && windowEnd < windowStart) {
            throw new IllegalArgumentException("windowEnd " + windowEnd + " is before windowStart " + windowStart);
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] or null, got " + confidence);
        }
        DirectiveType t = type.get();
        String label = DetectionType.parse(detectionType).map(DetectionType::label).orElse(detectionType);
        Double weight = t == DirectiveType.REWEIGHT ? reweightFactor(confidence, baselineUnits, actualUnits) : null;
        String id = directiveId(eventId, status, t, storeList, skuList, windowStart, windowEnd);
        return Optional.of(new Directive(id, eventId, t, status, label, confidence, storeList, skuList,
                windowStart, windowEnd, weight, writtenAt));
    }

    /** The REWEIGHT factor (see the class comment). */
    public static double reweightFactor(Double confidence, double baselineUnits, double actualUnits) {
        double c = confidence == null || confidence.isNaN() ? 1.0 : Math.max(0.0, Math.min(1.0, confidence));
        double r;
        if (Double.isNaN(baselineUnits) || Double.isNaN(actualUnits)) {
            r = 0.0;
        } else {
            double b = Math.max(baselineUnits, 1.0);
            double a = Math.max(actualUnits, 1.0);
            r = Math.min(a, b) / Math.max(a, b);
        }
        double w = Math.round((1.0 - c * (1.0 - r)) * 10_000.0) / 10_000.0;
        return Math.max(MIN_WEIGHT, Math.min(1.0, w));
    }

    /**
     * {@code PD-} + 16 hex of SHA-256 over the length-prefixed components (see the class comment). The
     * lists must already be sorted and distinct ({@link #directive} does that).
     */
    public static String directiveId(String eventId, EventStatus status, DirectiveType type, List<String> stores,
            List<String> skus, long windowStart, Long windowEnd) {
        StringBuilder b = new StringBuilder(128);
        field(b, eventId);
        field(b, status.name());
        field(b, type.name());
        b.append(stores.size()).append('[');
        stores.forEach(s -> field(b, s));
        b.append(']').append(skus.size()).append('[');
        skus.forEach(s -> field(b, s));
        b.append(']');
        field(b, Long.toString(windowStart));
        field(b, windowEnd == null ? "open" : Long.toString(windowEnd));
        return "PD-" + Ids.sha256Hex(b.toString(), 16);
    }

    private static void field(StringBuilder b, String s) {
        b.append(s.length()).append(':').append(s).append(';');
    }

    private static List<String> sortedDistinct(List<String> values, String what) {
        Objects.requireNonNull(values, what);
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(what + " must not contain null or blank ids");
            }
            set.add(v);
        }
        return new ArrayList<>(set);
    }
}
