package mrs.udfs.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proposes the likely causes of a Minority Report with calibrated probabilities, a plain-language
 * narrative and the evidence used. Stateless, deterministic and serialisable, so one instance can live
 * in a Flink operator and be called for every report revision and every newly matched signal.
 *
 * <p>The model is a naive-Bayes classifier over the taxonomy's causes plus a catch-all "other /
 * unexplained" class, with every parameter (priors, per-cause signal recall and decoy rates, report
 * feature tables, scope and timing factors, temperature) in the {@link Taxonomy} file; the file header
 * documents the maths. Evidence comes from three places: the matching signals (kind and attributes pick
 * the cause; strength, scope specificity and timing decide how much they count), the data-health flags
 * (all SKUs to zero, impossible values) and the report's own shape (direction, how many stores share
 * the anomaly, how many SKUs, magnitude, duration, store tags). Because the catch-all class competes with
 * the causes, a report without convincing evidence gets a low top confidence rather than a made-up
 * cause; the candidates are still listed.
 *
 * <p>Determinism: signals are de-duplicated by id and processed in id order, maths uses
 * {@link StrictMath}, confidences are rounded to 4 decimals and the narrative is formatted with
 * {@link Locale#ROOT} and UTC times, so a replay writes byte-identical rows.
 */
public final class AttributionModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many candidates a proposal carries ({@code cause}, {@code cause_2}, {@code cause_3}). */
    public static final int CANDIDATES = 3;

    private final Taxonomy taxonomy;

    /** A model on the default taxonomy ({@link Taxonomy#load()}). */
    public AttributionModel() {
        this(Taxonomy.load());
    }

    /** A model on the given taxonomy. */
    public AttributionModel(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    /** The taxonomy (and parameters) this model uses. */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The degraded proposal (cause {@code unknown}, confidence null); see {@link Proposal#degraded}. */
    public static Proposal degraded(String reason) {
        return Proposal.degraded(reason);
    }

    /**
     * Proposes causes for one report revision. {@code signals} are the signals the caller matched; they
     * are re-checked with {@link SignalView#matches} (a non-matching one is ignored, never an error), and
     * duplicates by id count once. Null {@code signals} means none.
     */
    public Proposal propose(ReportView report, List<SignalView> signals) {
        Evaluation ev = evaluate(report, signals);
        List<Candidate> ranked = ev.rankedCauses();
        List<Candidate> top = new ArrayList<>(ranked.subList(0, Math.min(CANDIDATES, ranked.size())));
        String tier = taxonomy.tierOf(top.get(0).confidence());
        return new Proposal(top, tier, Narrative.write(ev, top), ev.evidence(), false);
    }

    /**
     * The full posterior: every cause of the taxonomy and the catch-all class (label
     * {@link Taxonomy#otherLabel()}, null detection type and impact vector), sorted by probability then
     * name. Probabilities sum to 1 (up to rounding). For calibration and accuracy tooling.
     */
    public List<Candidate> distribution(ReportView report, List<SignalView> signals) {
        Evaluation ev = evaluate(report, signals);
        List<Candidate> all = new ArrayList<>(ev.rankedCauses());
        all.add(new Candidate(taxonomy.otherLabel(), null, null, round(ev.unexplained())));
        all.sort(CANDIDATE_ORDER);
        return all;
    }

    static final Comparator<Candidate> CANDIDATE_ORDER =
            Comparator.comparing(Candidate::confidence, Comparator.reverseOrder()).thenComparing(Candidate::cause);

    static double round(double p) {
        return StrictMath.rint(p * 10_000.0) / 10_000.0;
    }

    // ---------------------------------------------------------------- scoring

    /** A matching signal that fed a cause, with the genuineness it was given. */
    record Use(SignalView signal, int causeIndex, double genuineness, boolean late) {}

    /** Everything one evaluation computed, for the proposal, the narrative and the evidence string. */
    final class Evaluation {
        final ReportView report;
        final double[] prob;
        final List<Use> uses = new ArrayList<>();
        final List<String> checks = new ArrayList<>();

        Evaluation(ReportView report, int classes) {
            this.report = report;
            this.prob = new double[classes];
        }

        Taxonomy taxonomy() {
            return taxonomy;
        }

        /** Probability of the catch-all class: the sum over its components. */
        double unexplained() {
            double u = 0;
            for (int k = taxonomy.causes().size(); k < prob.length; k++) {
                u += prob[k];
            }
            return u;
        }

        String label(int index) {
            return taxonomy.classes().get(index).label;
        }

        /** Causes (catch-all excluded), best first, ties by name. */
        List<Candidate> rankedCauses() {
            List<Candidate> out = new ArrayList<>();
            List<Taxonomy.Cause> causes = taxonomy.causes();
            for (int i = 0; i < causes.size(); i++) {
                Taxonomy.Cause c = causes.get(i);
                out.add(new Candidate(c.label(), c.detectionType(), c.impactVector(), round(prob[i])));
            }
            out.sort(CANDIDATE_ORDER);
            return out;
        }

        /** Signal uses ordered for reporting: by their cause's rank, then genuineness, then id. */
        List<Use> orderedUses() {
            List<String> order = new ArrayList<>();
            for (Candidate c : rankedCauses()) {
                order.add(c.cause());
            }
            List<Use> out = new ArrayList<>(uses);
            out.sort(Comparator.<Use>comparingInt(u -> order.indexOf(label(u.causeIndex())))
                    .thenComparing(Use::genuineness, Comparator.reverseOrder())
                    .thenComparing(u -> u.signal().signalId()));
            return out;
        }

        /** Signal ids, their URLs and data-health checks, " | "-delimited. */
        String evidence() {
            Set<String> items = new LinkedHashSet<>();
            for (Use u : orderedUses()) {
                items.add(u.signal().signalId());
                String url = u.signal().url();
                if (url != null) {
                    items.add(url);
                }
            }
            for (String c : checks) {
                items.add("check:" + c);
            }
            return String.join(" | ", items);
        }
    }

    private Evaluation evaluate(ReportView r, List<SignalView> signals) {
        Objects.requireNonNull(r, "report");
        List<Taxonomy.ClassParams> classes = taxonomy.classes();
        int n = classes.size();
        Evaluation ev = new Evaluation(r, n);
        double[] log = new double[n];

        Map<String, Integer> bins = featureBins(r);
        for (int k = 0; k < n; k++) {
            Taxonomy.ClassParams cp = classes.get(k);
            double l = StrictMath.log(cp.prior);
            for (Map.Entry<String, Integer> f : bins.entrySet()) {
                double[] table = cp.features.get(f.getKey());
                l += table.length == 1
                        ? logFlag(table[0], f.getValue() == 1)
                        : StrictMath.log(table[f.getValue()]);
            }
            log[k] = l;
        }
        if (r.allSkusDropToZero()) {
            ev.checks.add("all_skus_zero");
        }
        if (r.impossibleValues()) {
            ev.checks.add("impossible_values");
        }
        if (r.effectiveConcurrentStores() == 1 && r.effectiveSkuCount() == 1
                && !ReportView.DROP.equals(r.direction())) {
            ev.checks.add("single_store_single_sku");
        }

        ev.uses.addAll(signalUses(r, signals));
        double[] genuineness = genuineness(ev.uses);
        for (int k = 0; k < taxonomy.causes().size(); k++) {
            Taxonomy.ClassParams cp = classes.get(k);
            if (!cp.hasSignals()) {
                continue;
            }
            // Log-linear in genuineness, saturating: no signal (G = 0) gives the absence ratio m, a weak
            // one little more, and any signal at or above the reference genuineness the full
            // recall/decoy_rate, so the exact strength a feed reports matters only for weak signals.
            double present = StrictMath.log(cp.recall / cp.decoyRate);
            double absent = StrictMath.log((1.0 - cp.recall) / (1.0 - cp.decoyRate));
            double weight = Math.min(1.0, genuineness[k] / taxonomy.referenceGenuineness());
            log[k] += absent + (present - absent) * weight;
        }

        double t = taxonomy.temperature();
        double max = Double.NEGATIVE_INFINITY;
        for (double l : log) {
            max = Math.max(max, l / t);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            ev.prob[k] = StrictMath.exp(log[k] / t - max);
            sum += ev.prob[k];
        }
        for (int k = 0; k < n; k++) {
            ev.prob[k] /= sum;
        }
        return ev;
    }

    /**
     * The matching signals that feed a cause, one per id (the latest observation known at {@code asOf}
     * wins), in id order, each with its genuineness: strength^exponent × scope fit × SKU fit × late
     * factor.
     */
    List<Use> signalUses(ReportView r, List<SignalView> signals) {
        TreeMap<String, SignalView> byId = new TreeMap<>();
        if (signals != null) {
            for (SignalView s : signals) {
                if (s == null || !s.matches(r)) {
                    continue;
                }
                SignalView seen = byId.get(s.signalId());
                if (seen == null || s.observedAt() > seen.observedAt()
                        || (s.observedAt() == seen.observedAt() && s.strength() > seen.strength())) {
                    byId.put(s.signalId(), s);
                }
            }
        }
        List<Use> uses = new ArrayList<>();
        for (SignalView s : byId.values()) {
            int k = taxonomy.causeIndexOf(s);
            if (k < 0) {
                continue;
            }
            boolean late = s.validFrom() > r.windowStart() + taxonomy.lateGraceMillis();
            double g = StrictMath.pow(s.strength(), taxonomy.strengthExponent())
                    * taxonomy.scopeFit(s.scopeLevel())
                    * (s.sku() == null ? taxonomy.allSkusFit() : 1.0)
                    * (late ? taxonomy.classes().get(k).lateFactor : 1.0);
            uses.add(new Use(s, k, g, late));
        }
        return uses;
    }

    /** Per cause, the noisy-OR of its signals' genuineness: G = 1 − Π(1 − g). */
    double[] genuineness(List<Use> uses) {
        double[] notGenuine = new double[taxonomy.causes().size()];
        Arrays.fill(notGenuine, 1.0);
        for (Use u : uses) {
            notGenuine[u.causeIndex()] *= 1.0 - u.genuineness();
        }
        double[] g = new double[notGenuine.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = 1.0 - notGenuine[k];
        }
        return g;
    }

    /**
     * The report's bin per feature of the taxonomy (flags and tags: 1 = true), in a fixed order: the
     * single definition of the features, shared with {@link RateEstimator}.
     */
    Map<String, Integer> featureBins(ReportView r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("direction", Taxonomy.DIRECTIONS.indexOf(r.direction()));
        m.put("breadth", bin(taxonomy.edges("breadth"), r.effectiveConcurrentStores()));
        m.put("skus", bin(taxonomy.edges("skus"), r.effectiveSkuCount()));
        m.put("magnitude", bin(taxonomy.edges("magnitude"), r.magnitude()));
        m.put("duration", bin(taxonomy.edges("duration"), Math.max(r.anomalousWindows(), 1)));
        m.put("all_skus_zero", r.allSkusDropToZero() ? 1 : 0);
        m.put("impossible_values", r.impossibleValues() ? 1 : 0);
        for (String tag : taxonomy.tags()) {
            m.put("tag." + tag, r.hasTag(tag) ? 1 : 0);
        }
        return m;
    }

    private static double logFlag(double pTrue, boolean value) {
        return StrictMath.log(value ? pTrue : 1.0 - pTrue);
    }

    /** Index of the last edge at or below the value (values below the first edge go to bin 0). */
    static int bin(double[] edges, double value) {
        int b = 0;
        for (int i = 0; i < edges.length; i++) {
            if (value >= edges[i]) {
                b = i;
            }
        }
        return b;
    }
}
