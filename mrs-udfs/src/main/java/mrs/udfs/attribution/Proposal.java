package mrs.udfs.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One attribution proposal for one report revision, shaped for the
 * {@code minority_reports_proposed_attribution_log}: up to three candidates (best first; the first
 * fills {@code cause}/{@code confidence}, the others {@code cause_2}/{@code cause_3}), the confidence
 * tier of the first, a plain-language narrative, the evidence as one delimited string (signal ids, URLs
 * and {@code check:} data-health entries separated by {@code " | "}, because the UI takes no arrays) and
 * the degraded flag.
 *
 * <p>A degraded proposal ({@link #degraded(String)}) carries the single candidate {@code unknown} with
 * a null confidence and tier {@code Unknown}: the pipeline goes on and the row says explicitly that no
 * attribution was made.
 */
public record Proposal(
        List<Candidate> candidates, String tier, String narrative, String evidence, boolean degraded)
        implements Serializable {

    /** Cause written when attribution could not run. */
    public static final String UNKNOWN_CAUSE = "unknown";
    /** Tier written when there is no confidence. */
    public static final String UNKNOWN_TIER = "Unknown";

    /** Requires at least one candidate; copies the list. */
    public Proposal {
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one candidate");
        }
        candidates = new ArrayList<>(candidates);
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
        narrative = narrative == null ? "" : narrative;
        evidence = evidence == null ? "" : evidence;
    }

    /** The degraded proposal: cause {@code unknown}, confidence null, tier {@code Unknown}. */
    public static Proposal degraded(String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
        return new Proposal(
                List.of(new Candidate(UNKNOWN_CAUSE, null, null, null)),
                UNKNOWN_TIER,
                "Attribution degraded: " + why + ". No cause was proposed; review manually.",
                "",
                true);
    }

    /** Candidates, best first, read-only. */
    @Override
    public List<Candidate> candidates() {
        return Collections.unmodifiableList(candidates);
    }

    /** The best candidate. */
    public Candidate top() {
        return candidates.get(0);
    }

    /** The best candidate's cause ({@code unknown} when degraded). */
    public String cause() {
        return top().cause();
    }

    /** The best candidate's calibrated confidence; null when degraded. */
    public Double confidence() {
        return top().confidence();
    }

    /** The best candidate's detection type; null when degraded. */
    public String detectionType() {
        return top().detectionType();
    }

    /** The best candidate's impact vector; null when degraded. */
    public String impactVector() {
        return top().impactVector();
    }

    /** Cause of candidate {@code rank} (1-based: 2 → {@code cause_2}); null when there is none. */
    public String cause(int rank) {
        return rank >= 1 && rank <= candidates.size() ? candidates.get(rank - 1).cause() : null;
    }

    /** Confidence of candidate {@code rank} (1-based); null when there is none. */
    public Double confidence(int rank) {
        return rank >= 1 && rank <= candidates.size() ? candidates.get(rank - 1).confidence() : null;
    }
}
