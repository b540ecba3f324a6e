package mrs.udfs.hitl;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of a Minority Event (and, with the same rules, of a single report an action targets), and
 * the rules that move it: automation for the machine, {@link #next} for analysts, and the finaliser's
 * suffixed {@code report_status}.
 *
 * <h2>Statuses</h2>
 * <ul>
 *   <li>{@code DETECTED}: created by the machine, automation not yet applied. <i>machine-owned</i></li>
 *   <li>{@code PENDING_REVIEW}: waiting for an analyst. <i>machine-owned</i></li>
 *   <li>{@code AUTO_CONFIRMED}: confirmed by the automation policy. <i>machine-owned</i></li>
 *   <li>{@code CONFIRMED}: an analyst confirmed it, or set its attribution. <i>human-owned</i></li>
 *   <li>{@code REJECTED_FALSE_POSITIVE}: an analyst rejected it as a false positive. <i>human-owned</i></li>
 *   <li>{@code FINALISED}: signed off; locked except for evidence and reopen. <i>human-owned</i></li>
 *   <li>{@code REOPENED}: an analyst took a decided event back into review. <i>human-owned</i></li>
 * </ul>
 *
 * <h2>Machine transitions</h2>
 * {@link #automation} gives AUTO_CONFIRMED or PENDING_REVIEW; it is re-applied whenever the attribution
 * or confidence changes, but only while the status is machine-owned ({@link #afterAutomation}): DETECTED,
 * PENDING_REVIEW and AUTO_CONFIRMED follow the automation result (so an auto-confirmation whose confidence
 * falls back below the threshold returns to PENDING_REVIEW); once a human has acted the machine never
 * changes the status again (analyst input supersedes the machine).
 *
 * <h2>Analyst transitions ({@link #next}; "—" = refused, status unchanged)</h2>
 * <table>
 * <caption>analyst transitions</caption>
 * <tr><th>from \ action</th><th>edit_attribution</th><th>add_evidence</th><th>confirm</th>
 *     <th>reject_false_positive</th><th>finalise</th><th>reopen</th></tr>
 * <tr><td>DETECTED</td><td>CONFIRMED</td><td>DETECTED</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>FINALISED</td><td>—</td></tr>
 * <tr><td>PENDING_REVIEW</td><td>CONFIRMED</td><td>PENDING_REVIEW</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>FINALISED</td><td>—</td></tr>
 * <tr><td>AUTO_CONFIRMED</td><td>CONFIRMED</td><td>AUTO_CONFIRMED</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>FINALISED</td><td>REOPENED</td></tr>
 * <tr><td>CONFIRMED</td><td>CONFIRMED</td><td>CONFIRMED</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>FINALISED</td><td>REOPENED</td></tr>
 * <tr><td>REJECTED_FALSE_POSITIVE</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>—</td><td>REOPENED</td></tr>
 * <tr><td>FINALISED</td><td>—</td><td>FINALISED</td><td>—</td><td>—</td><td>—</td><td>REOPENED</td></tr>
 * <tr><td>REOPENED</td><td>CONFIRMED</td><td>REOPENED</td><td>CONFIRMED</td><td>REJECTED_FALSE_POSITIVE</td><td>FINALISED</td><td>—</td></tr>
 * </table>
 * The reasoning: {@code edit_attribution} and {@code confirm} are both a human saying "this is real, and
 * this is why", hence CONFIRMED; {@code add_evidence} is a note and never moves the status (it is allowed
 * even on a finalised event, for post-mortem links); confirm and reject may overturn each other until
 * the event is finalised; only FINALISED locks the decision, and reopen is the one way back. Finalise
 * applies to a real event (from an open or confirmed status, confirming it implicitly); a rejected event
 * is already closed, so finalising it is refused. Reopen applies to a decided event only. Repeating the
 * current decision (confirm a CONFIRMED event) is allowed and changes nothing.
 *
 * <h2>Finaliser</h2>
 * {@link #reportStatus} appends {@code _DEGRADED} when the row was produced in a degraded mode
 * (e.g. {@code PENDING_REVIEW_DEGRADED}); {@link #fromReportStatus} reads it back.
 */
public enum EventStatus {
    DETECTED,
    PENDING_REVIEW,
    AUTO_CONFIRMED,
    CONFIRMED,
    REJECTED_FALSE_POSITIVE,
    FINALISED,
    REOPENED;

    /** Suffix the finaliser appends to a degraded row's status. */
    public static final String DEGRADED_SUFFIX = "_DEGRADED";

    /** Whether automation may still change this status (no analyst has decided). */
    public boolean machineOwned() {
        return this == DETECTED || this == PENDING_REVIEW || this == AUTO_CONFIRMED;
    }

    /** Whether this status is a decision that protection acts on (see {@link ProtectionRules}). */
    public boolean decided() {
        return this == AUTO_CONFIRMED || this == CONFIRMED || this == REJECTED_FALSE_POSITIVE || this == FINALISED;
    }

    // ------------------------------------------------------------------ analyst transitions

    /** The status after an analyst action (see the class table); empty when the action is refused there. */
    public static Optional<EventStatus> next(EventStatus current, ActionType action) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(action, "action");
        return refusal(current, action).isPresent() ? Optional.empty() : Optional.of(target(current, action));
    }

    /** {@link #next(EventStatus, ActionType)} for a wire name; empty for an unknown action too. */
    public static Optional<EventStatus> next(EventStatus current, String action) {
        return ActionType.fromWire(action).flatMap(a -> next(current, a));
    }

    /** Why the action is refused in this status, for the refusal log; empty when it is allowed. */
    public static Optional<String> refusal(EventStatus current, ActionType action) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(action, "action");
        String why = switch (action) {
            case ADD_EVIDENCE -> null;
            case EDIT_ATTRIBUTION, CONFIRM, REJECT_FALSE_POSITIVE ->
                    current == FINALISED ? "the event is finalised; reopen it first" : null;
            case FINALISE -> current == FINALISED ? "the event is already finalised"
                    : current == REJECTED_FALSE_POSITIVE
                            ? "a rejected false positive is already closed; confirm or reopen it to finalise" : null;
            case REOPEN -> current == DETECTED || current == PENDING_REVIEW || current == REOPENED
                    ? "the event is still open (" + current + "); only a decided event can be reopened" : null;
        };
        return Optional.ofNullable(why).map(w -> action.wire() + " refused in " + current + ": " + w);
    }

    private static EventStatus target(EventStatus current, ActionType action) {
        return switch (action) {
            case ADD_EVIDENCE -> current;
            case EDIT_ATTRIBUTION, CONFIRM -> CONFIRMED;
            case REJECT_FALSE_POSITIVE -> REJECTED_FALSE_POSITIVE;
            case FINALISE -> FINALISED;
            case REOPEN -> REOPENED;
        };
    }

    // ------------------------------------------------------------------ machine transitions

    /**
     * The automation decision for an event: AUTO_CONFIRMED or PENDING_REVIEW.
     *
     * <ul>
     *   <li>No known detection type (null, {@code unknown}, a novel label) or no usable confidence
     *       (null, NaN) → PENDING_REVIEW.</li>
     *   <li>Weekend (and {@code policy.weekendMode()}): confidence &gt; {@code weekendThreshold} →
     *       AUTO_CONFIRMED, whatever the type among the five and whatever the priority.</li>
     *   <li>Otherwise: AUTO_CONFIRMED only when confidence ≥ {@code weekdayThreshold}, the type is in
     *       {@code weekdayTypes}, campaign evidence is present if {@code weekdayRequiresCampaignEvidence},
     *       and the priority is not one of {@code weekdayReviewPriorities}.</li>
     *   <li>Everything else → PENDING_REVIEW.</li>
     * </ul>
     *
     * @param detectionType label or key of the event's detection type
     * @param confidence the attribution confidence, 0..1; null when degraded
     * @param priority the event's priority label ({@code High}, {@code Medium}, {@code Low}); may be null
     * @param weekend whether the decision falls on a weekend ({@link #weekend(long, ZoneId)} of the
     *     event time that triggers it, never the wall clock)
     * @param campaignEvidence whether a campaign signal matching the attribution supports it
     */
    public static EventStatus automation(String detectionType, Double confidence, String priority,
            boolean weekend, boolean campaignEvidence, AutomationPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Optional<DetectionType> type = DetectionType.parse(detectionType);
        if (type.isEmpty() || confidence == null || confidence.isNaN()) {
            return PENDING_REVIEW;
        }
        double c = confidence;
        if (weekend && policy.weekendMode()) {
            return c > policy.weekendThreshold() ? AUTO_CONFIRMED : PENDING_REVIEW;
        }
        boolean clear = c >= policy.weekdayThreshold()
                && policy.weekdayTypes().contains(type.get())
                && (campaignEvidence || !policy.weekdayRequiresCampaignEvidence())
                && !policy.reviewOnWeekday(priority);
        return clear ? AUTO_CONFIRMED : PENDING_REVIEW;
    }

    /**
     * The status once an automation result is applied: the result while the current status is
     * machine-owned, the current status otherwise. A null current status counts as DETECTED.
     */
    public static EventStatus afterAutomation(EventStatus current, EventStatus automated) {
        Objects.requireNonNull(automated, "automated");
        if (automated != AUTO_CONFIRMED && automated != PENDING_REVIEW) {
            throw new IllegalArgumentException("not an automation result: " + automated);
        }
        EventStatus c = current == null ? DETECTED : current;
        return c.machineOwned() ? automated : c;
    }

    /** Whether the instant falls on a Saturday or Sunday in the zone (e.g. {@link AutomationPolicy#LONDON}). */
    public static boolean weekend(long epochMillis, ZoneId zone) {
        DayOfWeek d = Instant.ofEpochMilli(epochMillis).atZone(zone).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    // ------------------------------------------------------------------ finaliser

    /** The finaliser's {@code report_status}: the status name, {@code _DEGRADED} appended when degraded. */
    public static String reportStatus(EventStatus status, boolean degraded) {
        Objects.requireNonNull(status, "status");
        return degraded ? status.name() + DEGRADED_SUFFIX : status.name();
    }

    /** The status of a {@code report_status} written by {@link #reportStatus}, suffix ignored. */
    public static EventStatus fromReportStatus(String reportStatus) {
        Objects.requireNonNull(reportStatus, "reportStatus");
        String s = reportStatus.endsWith(DEGRADED_SUFFIX)
                ? reportStatus.substring(0, reportStatus.length() - DEGRADED_SUFFIX.length()) : reportStatus;
        return valueOf(s);
    }

    /** Whether a {@code report_status} carries the degraded suffix. */
    public static boolean isDegraded(String reportStatus) {
        return reportStatus != null && reportStatus.endsWith(DEGRADED_SUFFIX);
    }
}
