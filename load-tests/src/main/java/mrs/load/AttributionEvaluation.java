package mrs.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mrs.load.AttributionCaseGenerator.LabelledCase;
import mrs.udfs.attribution.AttributionModel;
import mrs.udfs.attribution.Candidate;
import mrs.udfs.attribution.Proposal;
import mrs.udfs.attribution.SignalView;
import mrs.udfs.attribution.Taxonomy;

/**
 * Scores an {@link AttributionModel} on labelled cases: top-1 cause and detection-type accuracy, the
 * per-tier calibration table (mean top-1 confidence against observed top-1 accuracy, which must agree
 * for the confidences to be probabilities), the log-loss of the full posterior, and a confusion summary
 * by detection type and by cause. Used by {@link AttributionAccuracy} and by the calibration test.
 *
 * <p>"Top-1 correct" means the proposal's first candidate is the true cause. A case whose true cause is
 * outside the taxonomy ("Unexplained") can never be top-1 correct, exactly as the model's own
 * probability for its top candidate already accounts for; its detection type counts as "(none)".
 */
public final class AttributionEvaluation {

    /** Detection type reported for an unexplained case or a degraded proposal. */
    public static final String NO_TYPE = "(none)";

    /** One tier's row of the calibration table. */
    public record TierRow(String tier, int cases, double meanConfidence, double accuracy) {
        /** |mean confidence − accuracy|; 0 for an empty tier. */
        public double gap() {
            return cases == 0 ? 0.0 : Math.abs(meanConfidence - accuracy);
        }
    }

    /** Per true cause: cases, top-1 accuracy, mean top confidence and the most frequent wrong answer. */
    public record CauseRow(String cause, int cases, double accuracy, double meanTopConfidence, String topMistake,
            int topMistakeCount) {}

    /** Per proposed top-1 cause: how often it was proposed, its mean confidence and its precision. */
    public record ProposedRow(String cause, int proposals, double meanConfidence, double precision) {}

    /** The evaluation of one model on one set. */
    public record Result(
            int cases,
            double causeAccuracy,
            double typeAccuracy,
            int explainedCases,
            double explainedCauseAccuracy,
            double unexplainedFlaggedLow,
            double logLoss,
            List<TierRow> tiers,
            List<CauseRow> causes,
            List<ProposedRow> proposed,
            Map<String, Map<String, Integer>> typeConfusion) {

        /** The largest per-tier calibration gap over non-empty tiers. */
        public double maxTierGap() {
            double g = 0;
            for (TierRow t : tiers) {
                g = Math.max(g, t.gap());
            }
            return g;
        }

        /** Looks a tier row up by label. */
        public TierRow tier(String label) {
            for (TierRow t : tiers) {
                if (t.tier().equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no tier " + label);
        }
    }

    private AttributionEvaluation() {}

    /** Evaluates the model on the cases. Signals are matched with {@link SignalView#matching} first, as the job does. */
    public static Result evaluate(AttributionModel model, List<LabelledCase> cases) {
        Taxonomy tax = model.taxonomy();
        List<String> tierLabels = List.of(Taxonomy.LOW, Taxonomy.MEDIUM, Taxonomy.HIGH);
        double[] tierConf = new double[3];
        int[] tierCorrect = new int[3];
        int[] tierCount = new int[3];
        int causeCorrect = 0;
        int typeCorrect = 0;
        int explained = 0;
        int explainedCorrect = 0;
        int unexplained = 0;
        int unexplainedLow = 0;
        double logLoss = 0;
        Map<String, int[]> perCause = new TreeMap<>(); // cases, correct
        Map<String, Double> perCauseConf = new TreeMap<>();
        Map<String, Map<String, Integer>> mistakes = new TreeMap<>();
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<String, double[]> byProposed = new TreeMap<>(); // proposals, sum conf, correct

        for (LabelledCase c : cases) {
            List<SignalView> matched = SignalView.matching(c.signals(), c.report());
            Proposal p = model.propose(c.report(), matched);
            String predicted = p.cause();
            double conf = p.confidence();
            boolean isUnexplained = !tax.isKnownCause(c.trueCause());
            boolean correct = !isUnexplained && predicted.equals(tax.cause(c.trueCause()).label());
            String trueType = isUnexplained ? NO_TYPE : tax.detectionTypeOf(c.trueCause());
            String predType = p.detectionType() == null ? NO_TYPE : p.detectionType();
            // A low-confidence proposal is "no cause proposed" for the confusion by type.
            String shownType = tax.tierOf(conf).equals(Taxonomy.LOW) ? "Low (<" + tax.mediumThreshold() + ")" : predType;
            if (correct) {
                causeCorrect++;
            }
            if (!isUnexplained && trueType.equals(predType)) {
                typeCorrect++;
            }
            if (isUnexplained) {
                unexplained++;
                if (tax.tierOf(conf).equals(Taxonomy.LOW)) {
                    unexplainedLow++;
                }
            } else {
                explained++;
                if (correct) {
                    explainedCorrect++;
                }
            }
            int t = tierLabels.indexOf(tax.tierOf(conf));
            tierCount[t]++;
            tierConf[t] += conf;
            tierCorrect[t] += correct ? 1 : 0;

            double pTrue = 0;
            String trueLabel = isUnexplained ? tax.otherLabel() : tax.cause(c.trueCause()).label();
            for (Candidate cand : model.distribution(c.report(), matched)) {
                if (cand.cause().equals(trueLabel)) {
                    pTrue = cand.confidence();
                }
            }
            logLoss -= Math.log(Math.max(pTrue, 1e-6));

            String key = trueLabel;
            int[] pc = perCause.computeIfAbsent(key, k -> new int[2]);
            pc[0]++;
            pc[1] += correct ? 1 : 0;
            perCauseConf.merge(key, conf, Double::sum);
            if (!correct) {
                mistakes.computeIfAbsent(key, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
            }
            double[] bp = byProposed.computeIfAbsent(predicted, k -> new double[3]);
            bp[0]++;
            bp[1] += conf;
            bp[2] += correct ? 1 : 0;
            confusion.computeIfAbsent(trueType, k -> new TreeMap<>()).merge(shownType, 1, Integer::sum);
        }
        List<TierRow> tiers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            tiers.add(new TierRow(tierLabels.get(t), tierCount[t],
                    tierCount[t] == 0 ? 0 : tierConf[t] / tierCount[t],
                    tierCount[t] == 0 ? 0 : (double) tierCorrect[t] / tierCount[t]));
        }
        List<CauseRow> causes = new ArrayList<>();
        for (Map.Entry<String, int[]> e : perCause.entrySet()) {
            String worst = "-";
            int worstN = 0;
            Map<String, Integer> m = mistakes.get(e.getKey());
            if (m != null) {
                for (Map.Entry<String, Integer> w : m.entrySet()) {
                    if (w.getValue() > worstN) {
                        worst = w.getKey();
                        worstN = w.getValue();
                    }
                }
            }
            int n = e.getValue()[0];
            causes.add(new CauseRow(e.getKey(), n, (double) e.getValue()[1] / n, perCauseConf.get(e.getKey()) / n,
                    worst, worstN));
        }
        List<ProposedRow> proposed = new ArrayList<>();
        byProposed.forEach((k, v) -> proposed.add(new ProposedRow(k, (int) v[0], v[1] / v[0], v[2] / v[0])));
        int n = cases.size();
        return new Result(n, (double) causeCorrect / n, explained == 0 ? 0 : (double) typeCorrect / explained,
                explained, explained == 0 ? 0 : (double) explainedCorrect / explained,
                unexplained == 0 ? 0 : (double) unexplainedLow / unexplained, logLoss / n, tiers, causes, proposed, confusion);
    }

    /** Human-readable report of a result. */
    public static String format(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "cases: %d (explained by a taxonomy cause: %d)%n", r.cases(),
                r.explainedCases()));
        b.append(String.format(Locale.ROOT, "top-1 detection-type accuracy (explained cases): %.3f%n", r.typeAccuracy()));
        b.append(String.format(Locale.ROOT, "top-1 cause accuracy (explained cases):          %.3f%n",
                r.explainedCauseAccuracy()));
        b.append(String.format(Locale.ROOT, "top-1 cause accuracy (all cases):                %.3f%n", r.causeAccuracy()));
        b.append(String.format(Locale.ROOT, "unexplained cases left at Low confidence:        %.3f%n",
                r.unexplainedFlaggedLow()));
        b.append(String.format(Locale.ROOT, "log-loss of the true class:                      %.4f%n", r.logLoss()));
        b.append(String.format(Locale.ROOT, "%ncalibration per tier (top-1 confidence vs top-1 accuracy)%n"));
        b.append(String.format(Locale.ROOT, "  %-7s %7s %9s %9s %7s%n", "tier", "cases", "mean conf", "accuracy", "gap"));
        for (TierRow t : r.tiers()) {
            b.append(String.format(Locale.ROOT, "  %-7s %7d %9.3f %9.3f %7.3f%n", t.tier(), t.cases(),
                    t.meanConfidence(), t.accuracy(), t.gap()));
        }
        b.append(String.format(Locale.ROOT, "%nper true cause%n"));
        b.append(String.format(Locale.ROOT, "  %-24s %6s %8s %9s  %s%n", "true cause", "cases", "top-1 acc",
                "mean conf", "most frequent wrong top-1"));
        for (CauseRow c : r.causes()) {
            b.append(String.format(Locale.ROOT, "  %-24s %6d %8.3f %9.3f  %s%n", c.cause(), c.cases(), c.accuracy(),
                    c.meanTopConfidence(), c.topMistakeCount() == 0 ? "-" : c.topMistake() + " (" + c.topMistakeCount() + ")"));
        }
        b.append(String.format(Locale.ROOT, "%nper proposed top-1 cause%n"));
        b.append(String.format(Locale.ROOT, "  %-24s %9s %9s %9s%n", "proposed cause", "proposals", "mean conf",
                "precision"));
        for (ProposedRow p : r.proposed()) {
            b.append(String.format(Locale.ROOT, "  %-24s %9d %9.3f %9.3f%n", p.cause(), p.proposals(),
                    p.meanConfidence(), p.precision()));
        }
        b.append(String.format(Locale.ROOT, "%nconfusion by detection type (rows: true; columns: proposed, Low = no"
                + " cause proposed)%n"));
        List<String> cols = new ArrayList<>();
        for (Map<String, Integer> row : r.typeConfusion().values()) {
            for (String k : row.keySet()) {
                if (!cols.contains(k)) {
                    cols.add(k);
                }
            }
        }
        cols.sort(null);
        b.append(String.format(Locale.ROOT, "  %-26s", "true \\ proposed"));
        for (String col : cols) {
            b.append(String.format(Locale.ROOT, " %12s", abbreviate(col)));
        }
        b.append(System.lineSeparator());
        for (Map.Entry<String, Map<String, Integer>> row : r.typeConfusion().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %-26s", row.getKey()));
            for (String col : cols) {
                b.append(String.format(Locale.ROOT, " %12d", row.getValue().getOrDefault(col, 0)));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 12);
    }
}
