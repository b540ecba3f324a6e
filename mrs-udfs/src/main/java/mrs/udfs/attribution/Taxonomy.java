package mrs.udfs.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attribution taxonomy and the attribution model's parameters, read from a versioned properties
 * file ({@code mrs/attribution/taxonomy.properties} on the classpath by default) rather than written in
 * code, so analysts' governance can review and change causes, priors and evidence weights without a
 * code change. The file itself documents every key; this class parses and validates it and answers
 * taxonomy questions: is a cause known, which detection type and impact vector it belongs to, and which
 * confidence tier a probability falls in.
 *
 * <p>Validation is strict: an unknown key (usually a typo), a cause pointing at an undeclared detection
 * type, a probability table of the wrong length or not summing to 1, priors not summing to 1, a signal
 * recall not above its decoy rate, or tiers out of order fail with an {@link IllegalArgumentException}
 * naming the key, so a bad taxonomy never reaches a running job.
 *
 * <p>Cause names are matched leniently ({@link #normalise}): case, spaces, hyphens and underscores are
 * ignored, so "Competitor Stock-Out", "competitor_stockout" and "competitor stockout" are the same
 * cause. A cause the taxonomy does not know (an analyst's novel cause) is not an error anywhere here:
 * {@link #isKnownCause} is false and the lookups return null, so the caller can keep and flag it.
 */
public final class Taxonomy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Classpath location of the default taxonomy. */
    public static final String DEFAULT_RESOURCE = "/mrs/attribution/taxonomy.properties";

    /** Tier label below {@code tier.medium}. */
    public static final String LOW = "Low";
    /** Tier label from {@code tier.medium} up to {@code tier.high}. */
    public static final String MEDIUM = "Medium";
    /** Tier label from {@code tier.high} up. */
    public static final String HIGH = "High";
    /** Tier label of a null (degraded) confidence. */
    public static final String UNKNOWN = "Unknown";

    /** Features whose probability tables are binned by edges from the file. */
    static final List<String> BINNED_FEATURES = List.of("breadth", "skus", "magnitude", "duration");
    /** Yes/no features computed from the report's data-health flags. */
    static final List<String> FLAG_FEATURES = List.of("all_skus_zero", "impossible_values");
    /** Direction categories, in table order. */
    static final List<String> DIRECTIONS = List.of(ReportView.SPIKE, ReportView.DROP, ReportView.MIXED);

    /** A cause of the taxonomy: its key, display label and the labels of its two dimensions. */
    public record Cause(String key, String label, String detectionType, String impactVector)
            implements Serializable {}

    /** The model's parameters for one class (a cause, or the "other / unexplained" class). */
    static final class ClassParams implements Serializable {
        private static final long serialVersionUID = 1L;
        final String key;
        final String label;
        double prior;
        /** Per feature: direction/binned → P(bin | class); flag/tag → {P(true | class)}. */
        final Map<String, double[]> features = new HashMap<>();
        /** Probability that a genuine, matching signal of this cause is seen; NaN = no signal feeds it. */
        double recall = Double.NaN;
        /** Probability that a matching signal pointing at this cause shows up when another cause is true. */
        double decoyRate = Double.NaN;
        /** Multiplier on a signal's genuineness when it became valid only after the spike started. */
        double lateFactor = 1.0;

        ClassParams(String key, String label) {
            this.key = key;
            this.label = label;
        }

        boolean hasSignals() {
            return !Double.isNaN(recall);
        }
    }

    /** How one signal kind maps to a cause: attributes tried in order, then a default. */
    static final class KindMapping implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> attributes = new ArrayList<>();
        /** "attribute=value" (lower case) → cause key. */
        final Map<String, String> byValue = new HashMap<>();
        String defaultCause;
    }

    private final String version;
    private final LinkedHashMap<String, String> detectionTypes;
    private final LinkedHashMap<String, String> impactVectors;
    private final double tierMedium;
    private final double tierHigh;
    private final List<Cause> causes;
    private final Map<String, Cause> causesByName;
    private final List<ClassParams> classes; // causes in file order, then the catch-all's components
    private final String otherLabel;
    private final Map<String, double[]> edges;
    private final List<String> tags;
    private final Map<String, KindMapping> kinds;
    private final EnumMap<ScopeLevel, Double> scopeFit;
    private final double allSkusFit;
    private final double strengthExponent;
    private final double referenceGenuineness;
    private final long lateGraceMillis;
    private final double temperature;

    private Taxonomy(Parser p) {
        this.version = p.version;
        this.detectionTypes = p.detectionTypes;
        this.impactVectors = p.impactVectors;
        this.tierMedium = p.tierMedium;
        this.tierHigh = p.tierHigh;
        this.causes = p.causes;
        this.causesByName = p.causesByName;
        this.classes = p.classes;
        this.otherLabel = p.otherLabel;
        this.edges = p.edges;
        this.tags = p.tags;
        this.kinds = p.kinds;
        this.scopeFit = p.scopeFit;
        this.allSkusFit = p.allSkusFit;
        this.strengthExponent = p.strengthExponent;
        this.referenceGenuineness = p.referenceGenuineness;
        this.lateGraceMillis = p.lateGraceMillis;
        this.temperature = p.temperature;
    }

    /** Loads and validates the default taxonomy from the classpath. */
    public static Taxonomy load() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Loads and validates a taxonomy file (UTF-8 properties), e.g. an operator's override. */
    public static Taxonomy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    private static Taxonomy load(InputStream in) throws IOException {
        Properties props = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return fromProperties(props);
    }

    /** Parses and validates a taxonomy from properties; throws {@link IllegalArgumentException} naming the bad key. */
    public static Taxonomy fromProperties(Properties props) {
        return new Taxonomy(new Parser(props).parse());
    }

    // ---------------------------------------------------------------- taxonomy questions

    /** The file's {@code taxonomy.version}, written with every proposal for lineage. */
    public String version() {
        return version;
    }

    /** Detection type labels, in file order. */
    public List<String> detectionTypes() {
        return List.copyOf(detectionTypes.values());
    }

    /** Impact vector labels, in file order. */
    public List<String> impactVectors() {
        return List.copyOf(impactVectors.values());
    }

    /** The causes, in file order. */
    public List<Cause> causes() {
        return Collections.unmodifiableList(causes);
    }

    /** Label of the model's catch-all class (e.g. "Unexplained"): probability mass no known cause explains. */
    public String otherLabel() {
        return otherLabel;
    }

    /** The cause for a key or label (lenient match, see {@link #normalise}); null when unknown. */
    public Cause cause(String name) {
        return name == null ? null : causesByName.get(normalise(name));
    }

    /** Whether the name is a cause of this taxonomy (an analyst's novel cause is not). */
    public boolean isKnownCause(String name) {
        return cause(name) != null;
    }

    /** The cause's detection type label; null for an unknown cause. */
    public String detectionTypeOf(String cause) {
        Cause c = cause(cause);
        return c == null ? null : c.detectionType();
    }

    /** The cause's impact vector label; null for an unknown cause. */
    public String impactVectorOf(String cause) {
        Cause c = cause(cause);
        return c == null ? null : c.impactVector();
    }

    /** Confidence tier: Low &lt; tier.medium ≤ Medium &lt; tier.high ≤ High; null → Unknown. */
    public String tierOf(Double confidence) {
        if (confidence == null || confidence.isNaN()) {
            return UNKNOWN;
        }
        if (confidence >= tierHigh) {
            return HIGH;
        }
        return confidence >= tierMedium ? MEDIUM : LOW;
    }

    /** Lower bound of the Medium tier (0.3 by default). */
    public double mediumThreshold() {
        return tierMedium;
    }

    /** Lower bound of the High tier (0.7 by default). */
    public double highThreshold() {
        return tierHigh;
    }

    /** Lower-cases and drops everything but letters and digits, so spelling variants of a name meet. */
    public static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = Character.toLowerCase(name.charAt(i));
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- model parameters (package-private)

    /** Causes in file order (indexes 0..causes().size()-1), then the catch-all's components. */
    List<ClassParams> classes() {
        return classes;
    }

    double[] edges(String feature) {
        return edges.get(feature);
    }

    List<String> tags() {
        return tags;
    }

    double scopeFit(ScopeLevel level) {
        return scopeFit.get(level);
    }

    double allSkusFit() {
        return allSkusFit;
    }

    double strengthExponent() {
        return strengthExponent;
    }

    double referenceGenuineness() {
        return referenceGenuineness;
    }

    long lateGraceMillis() {
        return lateGraceMillis;
    }

    double temperature() {
        return temperature;
    }

    /** Index into {@link #classes()} of the cause the signal is evidence for; -1 when it feeds none. */
    int causeIndexOf(SignalView signal) {
        KindMapping m = kinds.get(signal.kind());
        if (m == null) {
            return -1;
        }
        String target = null;
        for (String attr : m.attributes) {
            String v = signal.attribute(attr);
            if (v != null) {
                target = m.byValue.get(attr + "=" + v.toLowerCase(Locale.ROOT));
                if (target != null) {
                    break;
                }
            }
        }
        if (target == null) {
            target = m.defaultCause;
        }
        if (target == null) {
            return -1;
        }
        for (int i = 0; i < causes.size(); i++) {
            if (classes.get(i).key.equals(target)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- parsing

    /** One-shot parser that records every key it reads so leftovers (typos) can be reported. */
    private static final class Parser {
        private final Properties props;
        private final Set<String> used = new HashSet<>();

        String version;
        LinkedHashMap<String, String> detectionTypes = new LinkedHashMap<>();
        LinkedHashMap<String, String> impactVectors = new LinkedHashMap<>();
        double tierMedium;
        double tierHigh;
        List<Cause> causes = new ArrayList<>();
        Map<String, Cause> causesByName = new HashMap<>();
        List<ClassParams> classes = new ArrayList<>();
        String otherLabel;
        Map<String, double[]> edges = new HashMap<>();
        List<String> tags = new ArrayList<>();
        Map<String, KindMapping> kinds = new HashMap<>();
        EnumMap<ScopeLevel, Double> scopeFit = new EnumMap<>(ScopeLevel.class);
        double allSkusFit;
        double strengthExponent;
        double referenceGenuineness;
        long lateGraceMillis;
        double temperature;

        Parser(Properties props) {
            this.props = props;
        }

        Parser parse() {
            version = required("taxonomy.version");
            for (String key : list("detection_types")) {
                detectionTypes.put(key, required("detection_type." + key));
            }
            for (String key : list("impact_vectors")) {
                impactVectors.put(key, required("impact_vector." + key));
            }
            tierMedium = number("tier.medium", 0.0, 1.0);
            tierHigh = number("tier.high", 0.0, 1.0);
            if (!(0.0 < tierMedium && tierMedium < tierHigh && tierHigh < 1.0)) {
                throw bad("tier.medium/tier.high", "need 0 < tier.medium < tier.high < 1, got "
                        + tierMedium + " and " + tierHigh);
            }
            for (String f : BINNED_FEATURES) {
                double[] e = numbers("feature." + f + ".edges");
                for (int i = 1; i < e.length; i++) {
                    if (!(e[i] > e[i - 1])) {
                        throw bad("feature." + f + ".edges", "edges must increase strictly");
                    }
                }
                edges.put(f, e);
            }
            String tagList = props.getProperty("feature.tags");
            if (tagList != null) {
                used.add("feature.tags");
                for (String t : split(tagList)) {
                    tags.add(t.toLowerCase(Locale.ROOT));
                }
            }
            Map<String, double[]> defaults = featureTables("feature.", "default", true, null);

            List<String> causeKeys = list("causes");
            for (String key : causeKeys) {
                if (key.startsWith("other")) {
                    throw bad("causes", "'" + key + "' is reserved for the catch-all class");
                }
                String p = "cause." + key + ".";
                String label = required(p + "label");
                String dt = required(p + "detection_type");
                String iv = required(p + "impact_vector");
                if (!detectionTypes.containsKey(dt)) {
                    throw bad(p + "detection_type", "'" + dt + "' is not in detection_types " + detectionTypes.keySet());
                }
                if (!impactVectors.containsKey(iv)) {
                    throw bad(p + "impact_vector", "'" + iv + "' is not in impact_vectors " + impactVectors.keySet());
                }
                Cause c = new Cause(key, label, detectionTypes.get(dt), impactVectors.get(iv));
                for (String name : List.of(key, label)) {
                    Cause clash = causesByName.put(normalise(name), c);
                    if (clash != null && clash != c) {
                        throw bad(p + "label", "'" + name + "' clashes with cause " + clash.key());
                    }
                }
                causes.add(c);
                ClassParams cp = new ClassParams(key, label);
                cp.prior = number(p + "prior", 0.0, 1.0);
                if (!(cp.prior > 0)) {
                    throw bad(p + "prior", "must be > 0");
                }
                cp.features.putAll(featureTables(p + "feature.", null, false, defaults));
                if (props.containsKey(p + "signal.recall") || props.containsKey(p + "signal.decoy_rate")) {
                    cp.recall = number(p + "signal.recall", 0.0, 1.0);
                    cp.decoyRate = number(p + "signal.decoy_rate", 0.0, 1.0);
                    if (!(cp.decoyRate > 0 && cp.recall < 1 && cp.recall > cp.decoyRate)) {
                        throw bad(p + "signal.recall", "need 0 < decoy_rate < recall < 1 (a matching signal must"
                                + " be evidence for its cause), got recall " + cp.recall + ", decoy_rate " + cp.decoyRate);
                    }
                    cp.lateFactor = props.containsKey(p + "signal.late_factor")
                            ? number(p + "signal.late_factor", 0.0, 1.0) : 1.0;
                }
                classes.add(cp);
            }
            otherLabel = required("other.label");
            if (causesByName.containsKey(normalise(otherLabel))) {
                throw bad("other.label", "'" + otherLabel + "' clashes with a cause");
            }
            for (String key : list("other.components")) {
                String p = "other." + key + ".";
                ClassParams cp = new ClassParams("other." + key, otherLabel);
                cp.prior = number(p + "prior", 0.0, 1.0);
                if (!(cp.prior > 0)) {
                    throw bad(p + "prior", "must be > 0");
                }
                cp.features.putAll(featureTables(p + "feature.", null, false, defaults));
                classes.add(cp);
            }
            double priorSum = 0;
            for (ClassParams cp : classes) {
                priorSum += cp.prior;
            }
            if (Math.abs(priorSum - 1.0) > 0.02) {
                throw bad("cause.*.prior + other.*.prior", "priors must sum to 1 (±0.02), got "
                        + String.format(Locale.ROOT, "%.4f", priorSum));
            }
            for (ClassParams cp : classes) {
                cp.prior /= priorSum;
            }

            for (String kind : list("signal.kinds")) {
                String p = "signal." + kind + ".";
                KindMapping m = new KindMapping();
                String attrs = props.getProperty(p + "attributes");
                if (attrs != null) {
                    used.add(p + "attributes");
                    for (String a : split(attrs)) {
                        m.attributes.add(a.toLowerCase(Locale.ROOT));
                    }
                }
                for (String name : props.stringPropertyNames()) {
                    for (String a : m.attributes) {
                        String prefix = p + a + ".";
                        if (name.startsWith(prefix)) {
                            String value = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
                            m.byValue.put(a + "=" + value, causeKey(name, props.getProperty(name)));
                            used.add(name);
                        }
                    }
                }
                String def = props.getProperty(p + "default");
                if (def != null) {
                    used.add(p + "default");
                    m.defaultCause = def.isBlank() || def.trim().equals("none") ? null : causeKey(p + "default", def);
                }
                kinds.put(kind, m);
            }
            for (ScopeLevel level : ScopeLevel.values()) {
                scopeFit.put(level, number("scope.fit." + level.name().toLowerCase(Locale.ROOT), 0.0, 1.0));
            }
            allSkusFit = number("scope.fit.all_skus", 0.0, 1.0);
            strengthExponent = number("signal.strength_exponent", 0.1, 10.0);
            referenceGenuineness = number("signal.reference_genuineness", 0.0, 1.0);
            if (!(referenceGenuineness > 0)) {
                throw bad("signal.reference_genuineness", "must be > 0");
            }
            lateGraceMillis = Math.round(number("timing.late_grace_minutes", 0.0, 7 * 24 * 60) * 60_000);
            temperature = number("calibration.temperature", 0.0, 100.0);
            if (!(temperature > 0)) {
                throw bad("calibration.temperature", "must be > 0");
            }

            Set<String> leftovers = new TreeSet<>(props.stringPropertyNames());
            leftovers.removeAll(used);
            if (!leftovers.isEmpty()) {
                throw new IllegalArgumentException("taxonomy: unknown keys " + leftovers
                        + " (typo? every key must be documented in taxonomy.properties)");
            }
            return this;
        }

        /** Mapping target: must be a declared cause key. */
        private String causeKey(String key, String value) {
            String v = value.trim();
            for (ClassParams cp : classes) {
                if (cp.key.equals(v) && !cp.key.startsWith("other.")) {
                    if (!cp.hasSignals()) {
                        throw bad(key, "cause '" + v + "' is fed by signals but has no signal.recall/decoy_rate");
                    }
                    return v;
                }
            }
            throw bad(key, "'" + v + "' is not a declared cause");
        }

        /**
         * Reads the probability tables {@code prefix + feature (+ "." + suffix)}; missing ones come from
         * {@code fallback} unless {@code required}.
         */
        private Map<String, double[]> featureTables(
                String prefix, String suffix, boolean required, Map<String, double[]> fallback) {
            Map<String, double[]> out = new HashMap<>();
            List<String> names = new ArrayList<>();
            names.add("direction");
            names.addAll(BINNED_FEATURES);
            names.addAll(FLAG_FEATURES);
            for (String t : tags) {
                names.add("tag." + t);
            }
            for (String f : names) {
                String key = prefix + f + (suffix == null ? "" : "." + suffix);
                if (!props.containsKey(key)) {
                    if (required) {
                        throw bad(key, "is required");
                    }
                    out.put(f, fallback.get(f));
                    continue;
                }
                double[] v = numbers(key);
                boolean flag = FLAG_FEATURES.contains(f) || f.startsWith("tag.");
                if (flag) {
                    if (v.length != 1 || !(v[0] > 0 && v[0] < 1)) {
                        throw bad(key, "must be one probability P(true) strictly between 0 and 1");
                    }
                } else {
                    int bins = f.equals("direction") ? DIRECTIONS.size() : edges.get(f).length;
                    if (v.length != bins) {
                        throw bad(key, "must have " + bins + " probabilities (one per bin), got " + v.length);
                    }
                    double sum = 0;
                    for (double x : v) {
                        if (!(x > 0 && x <= 1)) {
                            throw bad(key, "probabilities must be in (0, 1] (a zero would veto a cause outright)");
                        }
                        sum += x;
                    }
                    if (Math.abs(sum - 1.0) > 0.02) {
                        throw bad(key, "probabilities must sum to 1 (±0.02), got "
                                + String.format(Locale.ROOT, "%.4f", sum));
                    }
                    for (int i = 0; i < v.length; i++) {
                        v[i] /= sum;
                    }
                }
                out.put(f, v);
            }
            return out;
        }

        private String required(String key) {
            String v = props.getProperty(key);
            if (v == null || v.isBlank()) {
                throw bad(key, "is required");
            }
            used.add(key);
            return v.trim();
        }

        private List<String> list(String key) {
            List<String> items = split(required(key));
            if (items.isEmpty()) {
                throw bad(key, "must list at least one entry");
            }
            if (new HashSet<>(items).size() != items.size()) {
                throw bad(key, "lists an entry twice");
            }
            return items;
        }

        private double number(String key, double min, double max) {
            String v = required(key);
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw bad(key, "'" + v + "' is not a number");
            }
            if (!(d >= min && d <= max)) {
                throw bad(key, "must be in [" + min + ", " + max + "], got " + v);
            }
            return d;
        }

        private double[] numbers(String key) {
            List<String> parts = split(required(key));
            double[] out = new double[parts.size()];
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = Double.parseDouble(parts.get(i));
                } catch (NumberFormatException e) {
                    throw bad(key, "'" + parts.get(i) + "' is not a number");
                }
                if (!Double.isFinite(out[i])) {
                    throw bad(key, "'" + parts.get(i) + "' is not finite");
                }
            }
            return out;
        }

        private static List<String> split(String v) {
            List<String> out = new ArrayList<>();
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }

        private static IllegalArgumentException bad(String key, String problem) {
            return new IllegalArgumentException("taxonomy: " + key + " " + problem);
        }
    }
}
