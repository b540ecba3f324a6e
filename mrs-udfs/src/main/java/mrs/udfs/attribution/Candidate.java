package mrs.udfs.attribution;

import java.io.Serializable;

/**
 * One proposed cause with its taxonomy placement and its calibrated probability of being the true
 * cause. {@code detectionType}, {@code impactVector} and {@code confidence} are null for the degraded
 * "unknown" candidate (and for the model's "Unexplained" class in
 * {@link AttributionModel#distribution}), so that a missing answer is never mistaken for a low one.
 */
public record Candidate(String cause, String detectionType, String impactVector, Double confidence)
        implements Serializable {

    /** Requires a cause and a confidence in [0, 1] when present. */
    public Candidate {
        if (cause == null || cause.isBlank()) {
            throw new IllegalArgumentException("cause is required");
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] or null, got " + confidence);
        }
    }
}
