package mrs.udfs.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The machine's proposal for a Minority Event, summarised over the latest proposals of its reports.
 *
 * <p>Each report votes with its own latest proposal. The event's cause is the cause most reports
 * propose; its confidence is the median confidence of those reports (the lower median for an even
 * count, so it is always the confidence of an actual proposal), and that proposal is the event's
 * <em>representative</em>: its detection type, candidates and narrative speak for the event.
 *
 * <p>Why not the most recent proposal of any one report: the stores of an event refresh at slightly
 * different times, and whichever refreshed last (or, at equal times, whichever had the lowest id) would
 * set the whole event's confidence. One convenience store at 11x its baseline, read as a till fault at
 * 0.42, then outvoted four stores agreeing at 0.66; the median of the agreeing reports is stable
 * against one outlier store and against the background noise of the estate.
 *
 * <p>Ties, all deterministic: more reports first, then the higher median confidence, then the more
 * recent latest proposal, then the cause's name. Within the winning cause the reports are ordered by
 * confidence, then report id. A vote without a confidence (a degraded proposal) counts for its cause
 * with confidence 0 in the ordering, so a degraded majority still wins as a degraded event (confidence
 * null) rather than hiding behind a minority.
 */
public final class EventConsensus {

    /** One report's latest proposal. {@code cause} may be null (no cause proposed). */
    public record Vote(String reportId, long at, String cause, Double confidence) {
        public Vote {
            Objects.requireNonNull(reportId, "reportId");
        }
    }

    /**
     * The event's proposal: {@code cause} and {@code confidence} as summarised, {@code representative}
     * the index in the input of the vote whose confidence is the median, {@code support} how many
     * reports propose {@code cause}, out of {@code voters}.
     */
    public record Result(String cause, Double confidence, int representative, int support, int voters) {}

    private EventConsensus() {}

    /** The event's proposal over {@code votes} (each report at most once); empty without votes. */
    public static Optional<Result> of(List<Vote> votes) {
        if (votes.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, List<Integer>> byCause = new TreeMap<>();
        for (int i = 0; i < votes.size(); i++) {
            String key = votes.get(i).cause() == null ? "" : "c:" + votes.get(i).cause();
            byCause.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        Comparator<Integer> withinCause = Comparator.comparingDouble((Integer i) -> conf(votes.get(i)))
                .thenComparing(i -> votes.get(i).reportId());
        List<Integer> best = null;
        int bestMedian = -1;
        for (List<Integer> group : byCause.values()) { // ascending cause name: the first of equals stays
            group.sort(withinCause);
            int median = group.get((group.size() - 1) / 2);
            if (best == null || better(votes, group, median, best, bestMedian)) {
                best = group;
                bestMedian = median;
            }
        }
        Vote rep = votes.get(bestMedian);
        return Optional.of(new Result(rep.cause(), rep.confidence(), bestMedian, best.size(), votes.size()));
    }

    private static boolean better(List<Vote> votes, List<Integer> g, int median, List<Integer> best, int bestMedian) {
        if (g.size() != best.size()) {
            return g.size() > best.size();
        }
        double a = conf(votes.get(median));
        double b = conf(votes.get(bestMedian));
        if (a != b) {
            return a > b;
        }
        return latest(votes, g) > latest(votes, best);
    }

    private static long latest(List<Vote> votes, List<Integer> g) {
        long t = Long.MIN_VALUE;
        for (int i : g) {
            t = Math.max(t, votes.get(i).at());
        }
        return t;
    }

    private static double conf(Vote v) {
        return v.confidence() == null ? 0.0 : v.confidence();
    }
}
