package mrs.udfs.hitl;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the machine may confirm on its own ({@link EventStatus#automation}). Defaults ({@link #DEFAULT}),
 * from the seed ("weekend mode auto-confirm at &gt;70%"; "surface to analysts when confidence is lower or
 * decisions are consequential") and issue 4 ("e.g. ≥ 0.90 with matching campaign evidence"):
 *
 * <table>
 * <caption>components and defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code weekendMode}</td><td>true</td><td>on Saturdays and Sundays (in {@code zone}) no analyst is
 *     on duty: auto-confirm any event of a known detection type whose confidence is strictly above
 *     {@code weekendThreshold}, whatever its priority</td></tr>
 * <tr><td>{@code weekendThreshold}</td><td>0.70</td><td>exclusive lower bound of weekend confidence</td></tr>
 * <tr><td>{@code weekdayThreshold}</td><td>0.90</td><td>inclusive lower bound of weekday confidence</td></tr>
 * <tr><td>{@code weekdayTypes}</td><td>Marketing Misattribution</td><td>the only detection types the
 *     machine may confirm on a weekday (a campaign is a checkable fact; a viral or data-error call is
 *     the analysts' when they are there)</td></tr>
 * <tr><td>{@code weekdayRequiresCampaignEvidence}</td><td>true</td><td>on a weekday, a matching campaign
 *     signal must support the attribution</td></tr>
 * <tr><td>{@code weekdayReviewPriorities}</td><td>High</td><td>priorities (case-insensitive) that always
 *     go to an analyst on a weekday: a consequential decision is surfaced, not automated</td></tr>
 * <tr><td>{@code zone}</td><td>Europe/London</td><td>the zone in which Saturday and Sunday are told</td></tr>
 * </table>
 * A null confidence (degraded or analyst-set), a NaN, or a detection type that is none of the five
 * always goes to review.
 */
public record AutomationPolicy(
        boolean weekendMode,
        double weekendThreshold,
        double weekdayThreshold,
        Set<DetectionType> weekdayTypes,
        boolean weekdayRequiresCampaignEvidence,
        Set<String> weekdayReviewPriorities,
        ZoneId zone) implements Serializable {

    /** Europe/London, the estate's zone. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The defaults described in the class comment. */
    public static final AutomationPolicy DEFAULT = new AutomationPolicy(true, 0.70, 0.90,
            EnumSet.of(DetectionType.MARKETING_MISATTRIBUTION), true, Set.of("High"), LONDON);

    public AutomationPolicy {
        probability("weekendThreshold", weekendThreshold);
        probability("weekdayThreshold", weekdayThreshold);
        weekdayTypes = weekdayTypes == null || weekdayTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdayTypes));
        weekdayReviewPriorities = weekdayReviewPriorities == null ? Set.of() : Set.copyOf(weekdayReviewPriorities);
        Objects.requireNonNull(zone, "zone");
    }

    /** {@link #DEFAULT}. */
    public static AutomationPolicy defaults() {
        return DEFAULT;
    }

    /** Whether the priority is one that always needs an analyst on a weekday. */
    public boolean reviewOnWeekday(String priority) {
        if (priority == null) {
            return false;
        }
        for (String p : weekdayReviewPriorities) {
            if (p.equalsIgnoreCase(priority.strip())) {
                return true;
            }
        }
        return false;
    }

    private static void probability(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }
}
