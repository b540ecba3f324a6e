package mrs.udfs.hitl;

import java.util.Optional;

/**
 * The analyst actions of {@code mrs.analyst-actions}, with their wire names (the {@code action} field).
 * Wire names are matched exactly (lower case, as written here); anything else is an unknown action.
 *
 * <p>Required fields per action (blank counts as missing), enforced by {@link ActionValidator}:
 * <table>
 * <caption>required fields</caption>
 * <tr><th>action</th><th>requires</th></tr>
 * <tr><td>{@code edit_attribution}</td><td>{@code cause} (a cause outside the taxonomy is accepted and
 *     flagged as novel); {@code detection_type}, if given, must be one of the taxonomy's five</td></tr>
 * <tr><td>{@code add_evidence}</td><td>{@code evidence_url} or {@code narrative} (an URL must be http(s))</td></tr>
 * <tr><td>{@code confirm}</td><td>{@code reason}</td></tr>
 * <tr><td>{@code reject_false_positive}</td><td>{@code reason}</td></tr>
 * <tr><td>{@code finalise}</td><td>{@code reason}</td></tr>
 * <tr><td>{@code reopen}</td><td>{@code reason} (re-opening a decided event is consequential, so it is
 *     justified on the record like the other decisions)</td></tr>
 * </table>
 */
public enum ActionType {
    EDIT_ATTRIBUTION("edit_attribution"),
    ADD_EVIDENCE("add_evidence"),
    CONFIRM("confirm"),
    REJECT_FALSE_POSITIVE("reject_false_positive"),
    FINALISE("finalise"),
    REOPEN("reopen");

    private final String wire;

    ActionType(String wire) {
        this.wire = wire;
    }

    /** The wire name, e.g. {@code reject_false_positive}. */
    public String wire() {
        return wire;
    }

    /** The action for an exact wire name; empty for null or anything unknown. */
    public static Optional<ActionType> fromWire(String wire) {
        if (wire != null) {
            for (ActionType t : values()) {
                if (t.wire.equals(wire)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the action is a decision that needs a {@code reason}. */
    public boolean requiresReason() {
        return this == CONFIRM || this == REJECT_FALSE_POSITIVE || this == FINALISE || this == REOPEN;
    }

    @Override
    public String toString() {
        return wire;
    }
}
