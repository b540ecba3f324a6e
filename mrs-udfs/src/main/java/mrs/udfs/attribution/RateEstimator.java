package mrs.udfs.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the model's stated rates off labelled cases: per class the prior, the binned feature tables,
 * and per cause the recall and decoy rate of a full-weight signal, printed as
 * {@code taxonomy.properties} lines. It is how the taxonomy's numbers were obtained from the generated
 * world (mrs.load.AttributionCaseGenerator) and how they would be re-estimated from confirmed analyst
 * history (the seed's "model drift checks ... recalibrated"): feed it labelled cases, review the diff,
 * bump {@code taxonomy.version}.
 *
 * <p>It uses the model's own binning and signal genuineness (strength exponent, scope and timing
 * factors, reference genuineness) so the rates mean exactly what the model assumes. Bins are floored at
 * 0.01 and flags at 0.002 so that no rare observation vetoes a cause. Not thread-safe; one per run.
 */
public final class RateEstimator {

    private static final double BIN_FLOOR = 0.01;
    private static final double FLAG_FLOOR = 0.002;

    private final AttributionModel model;
    private final Taxonomy taxonomy;
    private final List<String> classKeys = new ArrayList<>();
    private final long[] cases;
    private final Map<String, long[][]> counts = new TreeMap<>(); // feature -> [class][bin]
    private final long[] withSignal;   // per cause: true cases with a full-weight signal for it
    private final long[] decoySignal;  // per cause: other cases with a full-weight signal for it
    private long total;

    /** An estimator on the model's taxonomy, binning and signal weighting. */
    public RateEstimator(AttributionModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.taxonomy = model.taxonomy();
        for (Taxonomy.ClassParams cp : taxonomy.classes()) {
            classKeys.add(cp.key.startsWith("other.") ? cp.key : "cause." + cp.key);
        }
        int n = classKeys.size();
        cases = new long[n];
        for (String f : featureNames()) {
            counts.put(f, new long[n][bins(f)]);
        }
        withSignal = new long[taxonomy.causes().size()];
        decoySignal = new long[taxonomy.causes().size()];
    }

    /**
     * Adds one labelled case. {@code trueCause} is a cause of the taxonomy or its catch-all label; for
     * the catch-all, {@code component} names the component (e.g. {@code noise}) and is ignored otherwise.
     */
    public void add(ReportView report, List<SignalView> signals, String trueCause, String component) {
        int k = classIndex(trueCause, component);
        cases[k]++;
        total++;
        Map<String, Integer> bins = model.featureBins(report);
        for (Map.Entry<String, Integer> e : bins.entrySet()) {
            counts.get(e.getKey())[k][e.getValue()]++;
        }
        double[] g = model.genuineness(model.signalUses(report, signals));
        for (int c = 0; c < g.length; c++) {
            boolean full = g[c] >= taxonomy.referenceGenuineness();
            if (c == k) {
                withSignal[c] += full ? 1 : 0;
            } else if (full) {
                decoySignal[c]++;
            }
        }
    }

    /** The estimates as sorted {@code key = value} lines, ready to paste into the taxonomy file. */
    public String format() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : estimates().entrySet()) {
            b.append(e.getKey()).append(" = ").append(e.getValue()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The estimates as taxonomy keys and values; classes without cases are left out. */
    public Map<String, String> estimates() {
        Map<String, String> out = new TreeMap<>();
        int causes = taxonomy.causes().size();
        for (int k = 0; k < classKeys.size(); k++) {
            if (cases[k] == 0) {
                continue;
            }
            String key = classKeys.get(k);
            out.put(key + ".prior", fmt((double) cases[k] / total, 3));
            if (k < causes && taxonomy.classes().get(k).hasSignals()) {
                out.put(key + ".signal.recall", fmt((double) withSignal[k] / cases[k], 2));
                long others = total - cases[k];
                out.put(key + ".signal.decoy_rate", fmt(others == 0 ? 0 : (double) decoySignal[k] / others, 3));
            }
            for (String f : featureNames()) {
                long[] row = counts.get(f)[k];
                if (isFlag(f)) {
                    out.put(key + ".feature." + f, fmt(Math.max((double) row[1] / cases[k], FLAG_FLOOR), 3));
                } else {
                    double[] p = new double[row.length];
                    double sum = 0;
                    for (int i = 0; i < row.length; i++) {
                        p[i] = Math.max((double) row[i] / cases[k], BIN_FLOOR);
                        sum += p[i];
                    }
                    List<String> parts = new ArrayList<>();
                    for (double x : p) {
                        parts.add(fmt(x / sum, 3));
                    }
                    out.put(key + ".feature." + f, String.join(", ", parts));
                }
            }
        }
        return out;
    }

    private int classIndex(String trueCause, String component) {
        Taxonomy.Cause c = taxonomy.cause(trueCause);
        if (c != null) {
            return taxonomy.causes().indexOf(c);
        }
        if (trueCause != null && Taxonomy.normalise(trueCause).equals(Taxonomy.normalise(taxonomy.otherLabel()))) {
            int i = classKeys.indexOf("other." + component);
            if (i >= 0) {
                return i;
            }
            throw new IllegalArgumentException("unknown component '" + component + "' of " + taxonomy.otherLabel());
        }
        throw new IllegalArgumentException("'" + trueCause + "' is neither a cause nor " + taxonomy.otherLabel());
    }

    private List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add("direction");
        names.addAll(Taxonomy.BINNED_FEATURES);
        names.addAll(Taxonomy.FLAG_FEATURES);
        for (String t : taxonomy.tags()) {
            names.add("tag." + t);
        }
        return names;
    }

    private static boolean isFlag(String feature) {
        return Taxonomy.FLAG_FEATURES.contains(feature) || feature.startsWith("tag.");
    }

    private int bins(String feature) {
        if (feature.equals("direction")) {
            return Taxonomy.DIRECTIONS.size();
        }
        return isFlag(feature) ? 2 : taxonomy.edges(feature).length;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
