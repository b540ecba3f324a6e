package mrs.udfs.hitl;

import java.io.Serializable;
import java.util.Objects;

/**
 * The outcome of {@link ActionValidator#check}: accepted or refused, a human-readable {@code reason}
 * (for the refusal log; never contains key material), a machine-readable {@code category}, and whether
 * an accepted {@code edit_attribution} names a cause outside the taxonomy ({@code novelCause}: the cause
 * is kept and flagged, never refused for being new).
 */
public record Verdict(boolean accepted, String reason, Category category, boolean novelCause)
        implements Serializable {

    /** Why an action was accepted or refused. Every refusal has its own category. */
    public enum Category {
        /** Accepted. */
        ACCEPTED,
        /** No {@code action_id}, no {@code analyst}, or a non-positive {@code issued_at}. */
        MALFORMED,
        /** No signature. */
        UNSIGNED,
        /** The analyst is not in the roster. */
        UNKNOWN_ANALYST,
        /** The signature does not verify with the analyst's key (forged, altered, or wrong key). */
        BAD_SIGNATURE,
        /** An action with this {@code action_id} was already accepted. */
        REPLAYED,
        /** {@code action} is not one of the six. */
        UNKNOWN_ACTION,
        /** The roster does not allow this analyst this action. */
        NOT_PERMITTED,
        /** Missing target kind or id, an id of the wrong shape, or an id of the other kind. */
        MALFORMED_TARGET,
        /** A field the action requires is missing or blank. */
        MISSING_FIELD,
        /** A field is present but unusable (unknown detection type, evidence URL not http(s)). */
        INVALID_FIELD
    }

    public Verdict {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
        if (accepted != (category == Category.ACCEPTED)) {
            throw new IllegalArgumentException("accepted must match category " + category);
        }
        if (novelCause && !accepted) {
            throw new IllegalArgumentException("only an accepted action can carry a novel cause");
        }
    }

    /** An acceptance. */
    public static Verdict accept(boolean novelCause) {
        return new Verdict(true, novelCause ? "accepted; cause is outside the taxonomy (novel)" : "accepted",
                Category.ACCEPTED, novelCause);
    }

    /** A refusal. */
    public static Verdict refuse(Category category, String reason) {
        return new Verdict(false, reason, category, false);
    }

    /** Whether refused. */
    public boolean refused() {
        return !accepted;
    }
}
