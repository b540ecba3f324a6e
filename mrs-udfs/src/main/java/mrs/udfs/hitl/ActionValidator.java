package mrs.udfs.hitl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether an analyst action may take effect. Checks run in this order and the first failure is
 * the verdict (authenticity before content, so nothing about an unauthenticated action is judged):
 * <ol>
 *   <li>{@code MALFORMED}: {@code action_id} or {@code analyst} missing/blank, or {@code issued_at ≤ 0};</li>
 *   <li>{@code UNSIGNED}: no signature;</li>
 *   <li>{@code UNKNOWN_ANALYST}: the analyst is not in the roster;</li>
 *   <li>{@code BAD_SIGNATURE}: the HMAC over the canonical form does not verify with the analyst's key
 *       (so any change to any signed field after signing is caught here);</li>
 *   <li>{@code REPLAYED}: the {@code action_id} is in {@code seenActionIds};</li>
 *   <li>{@code UNKNOWN_ACTION}: the action is not one of the six wire names;</li>
 *   <li>{@code NOT_PERMITTED}: the roster does not grant the analyst this action;</li>
 *   <li>{@code MALFORMED_TARGET}: target kind or id missing, or the id not {@code MR-} + 16 hex for a
 *       report / {@code ME-} + 12 hex for an event;</li>
 *   <li>{@code MISSING_FIELD}: see {@link ActionType} (cause; reason; evidence URL or narrative);</li>
 *   <li>{@code INVALID_FIELD}: a detection type that is not one of the five, or an evidence URL that
 *       is not an absolute http(s) URL.</li>
 * </ol>
 * An accepted {@code edit_attribution} whose cause {@code knownCause} does not know is accepted with
 * {@code novelCause = true}. Fields an action does not use (e.g. a cause on a confirm) are signed and
 * logged but have no effect.
 *
 * <p>The check is pure: it does not add to {@code seenActionIds}. The caller records the id of every
 * <i>accepted</i> action (in Flink keyed state), so the same signed action can never take effect twice,
 * while a refused one may be corrected, re-signed and re-sent under its id. Whether the action is legal
 * in the target's current status is {@link EventStatus#next}'s question, asked by the caller.
 */
public final class ActionValidator {

    private ActionValidator() {}

    /**
     * @param action the action as received
     * @param roster the authorised analysts
     * @param seenActionIds ids of actions already accepted (not modified)
     * @param knownCause whether a cause is in the taxonomy, e.g. {@code taxonomy::isKnownCause}
     */
    public static Verdict check(AnalystAction action, Roster roster, Set<String> seenActionIds,
            Predicate<String> knownCause) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(seenActionIds, "seenActionIds");
        Objects.requireNonNull(knownCause, "knownCause");

        if (blank(action.actionId())) {
            return Verdict.refuse(Verdict.Category.MALFORMED, "action_id is missing");
        }
        if (blank(action.analyst())) {
            return Verdict.refuse(Verdict.Category.MALFORMED, "analyst is missing");
        }
        if (action.issuedAt() <= 0) {
            return Verdict.refuse(Verdict.Category.MALFORMED,
                    "issued_at must be positive epoch milliseconds, got " + action.issuedAt());
        }
        if (!action.signed()) {
            return Verdict.refuse(Verdict.Category.UNSIGNED, "unsigned: the action carries no signature");
        }
        Optional<Roster.Analyst> analyst = roster.lookup(action.analyst());
        if (analyst.isEmpty()) {
            return Verdict.refuse(Verdict.Category.UNKNOWN_ANALYST,
                    "analyst '" + action.analyst() + "' is not in the roster (" + roster.version() + ")");
        }
        if (!Signer.verify(action, analyst.get().key())) {
            return Verdict.refuse(Verdict.Category.BAD_SIGNATURE,
                    "signature does not verify with the key of analyst '" + action.analyst() + "'");
        }
        if (seenActionIds.contains(action.actionId())) {
            return Verdict.refuse(Verdict.Category.REPLAYED,
                    "replayed: action_id '" + action.actionId() + "' was already accepted");
        }
        Optional<ActionType> type = action.type();
        if (type.isEmpty()) {
            return Verdict.refuse(Verdict.Category.UNKNOWN_ACTION, "unknown action '" + action.action()
                    + "' (expected edit_attribution, add_evidence, confirm, reject_false_positive, finalise or reopen)");
        }
        ActionType t = type.get();
        if (!analyst.get().may(t)) {
            return Verdict.refuse(Verdict.Category.NOT_PERMITTED,
                    "analyst '" + action.analyst() + "' (" + analyst.get().role() + ") may not " + t.wire());
        }
        if (action.targetKind() == null) {
            return Verdict.refuse(Verdict.Category.MALFORMED_TARGET, "target is missing (report_id or report_group_id)");
        }
        if (!action.targetKind().matches(action.targetId())) {
            TargetKind other = TargetKind.ofId(action.targetId());
            String why = action.targetId() == null ? "is missing"
                    : other != null ? "is a " + other.jsonField() + ", not a " + action.targetKind().jsonField()
                    : "'" + action.targetId() + "' does not match " + action.targetKind().idPattern();
            return Verdict.refuse(Verdict.Category.MALFORMED_TARGET, action.targetKind().jsonField() + " " + why);
        }
        switch (t) {
            case EDIT_ATTRIBUTION -> {
                if (blank(action.cause())) {
                    return missing(t, "cause");
                }
                if (!blank(action.detectionType()) && DetectionType.parse(action.detectionType()).isEmpty()) {
                    return Verdict.refuse(Verdict.Category.INVALID_FIELD, "detection_type '" + action.detectionType()
                            + "' is not one of Data Error, Marketing Misattribution, Competitor Stockout,"
                            + " Social/Viral Event, Operational/Store Issue");
                }
            }
            case ADD_EVIDENCE -> {
                if (blank(action.evidenceUrl()) && blank(action.narrative())) {
                    return missing(t, "evidence_url or narrative");
                }
            }
            default -> {
                if (t.requiresReason() && blank(action.reason())) {
                    return missing(t, "reason");
                }
            }
        }
        if (!blank(action.evidenceUrl()) && !httpUrl(action.evidenceUrl())) {
            return Verdict.refuse(Verdict.Category.INVALID_FIELD,
                    "evidence_url must be an absolute http(s) URL, got '" + action.evidenceUrl() + "'");
        }
        boolean novel = t == ActionType.EDIT_ATTRIBUTION && !knownCause.test(action.cause());
        return Verdict.accept(novel);
    }

    private static Verdict missing(ActionType t, String field) {
        return Verdict.refuse(Verdict.Category.MISSING_FIELD, t.wire() + " requires " + field);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean httpUrl(String s) {
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
