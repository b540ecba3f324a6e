package mrs.udfs.attribution;

import java.util.Locale;

/**
 * The escalation priority of a Minority Event, from the seed's "Priority" rules: <b>High</b> for a
 * Data Error, a System Failure or a Competitor Stockout with confidence of at least 70% or a high
 * impact; <b>Medium</b> for misattribution, social/viral and operational events with moderate
 * confidence or impact; <b>Low</b> below 30% confidence or for a negligible impact. Data errors and
 * competitor moves come first because they corrupt baselines or need commercial action now; a viral or
 * marketing event is important but rarely urgent, so it is capped at Medium.
 *
 * <p>{@code impact} is the relative size of the distortion, {@code |actual − baseline| / baseline}
 * ({@link #impact(double, double)}): 0.05 is a 5% wobble (negligible below {@link #NEGLIGIBLE_IMPACT}),
 * 1.0 means the window gained or lost its whole baseline (high from {@link #HIGH_IMPACT}).
 *
 * <p>Order of the rules and why: a negligible impact or a confidence below 30% is Low whatever the
 * type, because a weak guess about a small move must not page anyone; then the High rule; everything
 * else is Medium. A null confidence with a known detection type is an analyst's decision (no machine
 * confidence) and counts as certain; a null confidence without a detection type is a degraded
 * attribution, which is Medium so that a human looks at it instead of it sinking silently as Low.
 */
public final class Priority {

    /** Priority label. */
    public static final String HIGH = "High";
    /** Priority label. */
    public static final String MEDIUM = "Medium";
    /** Priority label. */
    public static final String LOW = "Low";

    /** Below this relative impact the event is negligible (Low). */
    public static final double NEGLIGIBLE_IMPACT = 0.1;
    /** From this relative impact a data error or competitor event is High whatever its confidence (≥ 30%). */
    public static final double HIGH_IMPACT = 1.0;
    /** Below this confidence the event is Low (the Low/Medium tier boundary). */
    public static final double LOW_CONFIDENCE = 0.3;
    /** From this confidence a data error or competitor event is High (the Medium/High tier boundary). */
    public static final double HIGH_CONFIDENCE = 0.7;

    private Priority() {}

    /**
     * The priority for an event's detection type (label, e.g. "Data Error"; the cause "System Failure"
     * is accepted too), its confidence (null = analyst-set or degraded, see the class comment) and its
     * relative impact.
     */
    public static String priority(String detectionType, Double confidence, double impact) {
        boolean typed = detectionType != null && !detectionType.isBlank()
                && !detectionType.trim().equalsIgnoreCase(Proposal.UNKNOWN_CAUSE);
        if (confidence == null && !typed) {
            return MEDIUM;
        }
        double c = confidence == null ? 1.0 : confidence;
        double i = Double.isNaN(impact) ? 0.0 : Math.abs(impact);
        if (i < NEGLIGIBLE_IMPACT || c < LOW_CONFIDENCE) {
            return LOW;
        }
        if (typed && urgentType(detectionType) && (c >= HIGH_CONFIDENCE || i >= HIGH_IMPACT)) {
            return HIGH;
        }
        return MEDIUM;
    }

    /** Relative impact {@code |actual − baseline| / baseline}; a baseline below 1 unit counts as 1. */
    public static double impact(double actualUnits, double baselineUnits) {
        return Math.abs(actualUnits - baselineUnits) / Math.max(baselineUnits, 1.0);
    }

    private static boolean urgentType(String type) {
        String t = Taxonomy.normalise(type.toLowerCase(Locale.ROOT));
        return t.equals("dataerror") || t.equals("systemfailure") || t.equals("competitorstockout");
    }
}
