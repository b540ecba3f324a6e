package mrs.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one typed configuration of MRS, identical in the demo, the tests and Kubernetes: defaults in
 * {@code mrs-defaults.properties} (every option documented there), overridden by a properties file and
 * then by {@code key=value} overrides. Unknown {@code mrs.} keys are refused so a typo cannot be ignored.
 */
public final class MrsConfig implements Serializable {
    /** Iceberg catalog properties are passed through under this prefix, e.g. {@code mrs.catalog.uri}. */
    public static final String CATALOG_PREFIX = "mrs.catalog.";
    /** Kafka client properties are passed through under this prefix. */
    public static final String KAFKA_PROPS_PREFIX = "mrs.kafka.properties.";

    private final Map<String, String> values;

    private MrsConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Defaults only. */
    public static MrsConfig defaults() {
        return load(null, Map.of());
    }

    /** Defaults, then the optional file, then the overrides (later wins). */
    public static MrsConfig load(Path file, Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (InputStream in = MrsConfig.class.getResourceAsStream("/mrs-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("mrs-defaults.properties is missing from the classpath");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mrs-defaults.properties", e);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        defaults.stringPropertyNames().forEach(k -> merged.put(k, defaults.getProperty(k).trim()));
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k).trim()));
        }
        merged.putAll(overrides);
        List<String> unknown = new ArrayList<>();
        for (String k : merged.keySet()) {
            boolean passThrough = k.startsWith(CATALOG_PREFIX) || k.startsWith(KAFKA_PROPS_PREFIX);
            if (!passThrough && !defaults.containsKey(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown configuration key(s) " + unknown + "; see mrs-defaults.properties for the options");
        }
        MrsConfig cfg = new MrsConfig(merged);
        cfg.validate();
        return cfg;
    }

    /** A copy with more overrides applied. */
    public MrsConfig with(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.putAll(overrides);
        MrsConfig cfg = new MrsConfig(m);
        cfg.validate();
        return cfg;
    }

    public MrsConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    private void validate() {
        // Touch every typed option so a bad value fails at start-up, not mid-stream.
        windowSize();
        outOfOrderness();
        idleness();
        storesIdleness();
        allowedLateness();
        quietWindows();
        refreshHorizon();
        cohortJoinGap();
        cohortReopenHorizon();
        signalsOutOfOrderness();
        minEpisodeWindows();
        singleWindowZ();
        zone();
        maxFutureSkew();
        parallelism();
        maxParallelism();
        checkpointInterval();
        maxSilentWindows();
        warmupDays();
        zThreshold();
        minSpikeLift();
        maxDropRatio();
        minAbsDelta();
        minExpectedForDrop();
        attributionFeedsDown();
        clusteringEnabled();
        kafkaBounded();
        coverageSla();
        if (windowSize().toMillis() <= 0 || Duration.ofDays(1).toMillis() % windowSize().toMillis() != 0) {
            throw new IllegalArgumentException(
                    "mrs.window.size must divide one day evenly (e.g. PT15M, PT1H), got " + windowSize());
        }
        if (quietWindows() < 1) {
            throw new IllegalArgumentException("mrs.episode.quiet-windows must be >= 1");
        }
        if (storesIdleness().compareTo(idleness()) >= 0) {
            // A two-input operator whose inputs are all idle does not advance its watermark: if the sales
            // went idle before the store dimension, the detection stages would wait for the next sale.
            throw new IllegalArgumentException("mrs.stores.idleness (" + storesIdleness()
                    + ") must be shorter than mrs.window.idleness (" + idleness()
                    + "): the store dimension has to go idle before a quiet sales partition does");
        }
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing configuration key " + key);
        }
        return v;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** A strict boolean: {@code true} or {@code false} (any case); anything else is a start-up error. */
    private boolean bool(String key) {
        String v = get(key).trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }

    private Duration duration(String key) {
        String v = get(key);
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration like PT1H, got '" + v + "'");
        }
    }

    private int integer(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
    }

    private double number(String key) {
        String v = get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    public Duration windowSize() { return duration("mrs.window.size"); }
    public Duration outOfOrderness() { return duration("mrs.window.out-of-orderness"); }
    public Duration idleness() { return duration("mrs.window.idleness"); }
    /** The store dimension counts as loaded once quiet for this long (see Watermarks.dimension). */
    public Duration storesIdleness() { return duration("mrs.stores.idleness"); }
    public Duration allowedLateness() { return duration("mrs.window.allowed-lateness"); }
    public int quietWindows() { return integer("mrs.episode.quiet-windows"); }
    public int minEpisodeWindows() { return integer("mrs.episode.min-windows"); }
    public double singleWindowZ() { return number("mrs.episode.single-window-z"); }
    public ZoneId zone() {
        String v = get("mrs.detector.zone");
        try {
            return ZoneId.of(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mrs.detector.zone is not a time zone: '" + v + "'");
        }
    }
    public int warmupDays() { return integer("mrs.detector.warmup-days"); }
    public double zThreshold() { return number("mrs.detector.z-threshold"); }
    public double minSpikeLift() { return number("mrs.detector.min-spike-lift"); }
    public double maxDropRatio() { return number("mrs.detector.max-drop-ratio"); }
    public double minAbsDelta() { return number("mrs.detector.min-abs-delta"); }
    public double minExpectedForDrop() { return number("mrs.detector.min-expected-for-drop"); }
    public int maxSilentWindows() { return integer("mrs.detector.max-silent-windows"); }
    public Duration maxFutureSkew() { return duration("mrs.validation.max-future-skew"); }
    public int parallelism() { return integer("mrs.job.parallelism"); }
    public int maxParallelism() { return integer("mrs.job.max-parallelism"); }
    public Duration checkpointInterval() { return duration("mrs.job.checkpoint-interval"); }
    public String bootstrapServers() { return get("mrs.kafka.bootstrap-servers"); }
    public String salesTopic() { return get("mrs.kafka.topic.sales"); }
    public String storesTopic() { return get("mrs.kafka.topic.stores"); }
    public String signalsTopic() { return get("mrs.kafka.topic.signals"); }
    /** Reports keep being re-attributed (new evidence) this long after their last window. */
    public Duration refreshHorizon() { return duration("mrs.attribution.refresh-horizon"); }
    /** Operators mark the attribution feeds down: every proposal is degraded (unknown, NULL confidence). */
    public boolean attributionFeedsDown() { return bool("mrs.attribution.feeds-down"); }
    /**
     * The clustering stage runs (default). Switched off, reports go on to attribution unclustered and
     * the clustered log gets no rows: hydrated reports carry NULL cluster columns.
     */
    /** Coverage SLI: a report is covered when attributed (clustered) within this long of its first detection. */
    public Duration coverageSla() { return duration("mrs.sli.coverage-sla"); }
    public boolean clusteringEnabled() { return bool("mrs.cluster.enabled"); }
    /** A report joins an open event when it starts within this long of the event's end. */
    public Duration cohortJoinGap() { return duration("mrs.cohort.join-gap"); }
    /** An ended event reopens (same id) when a compatible report arrives within this long. */
    public Duration cohortReopenHorizon() { return duration("mrs.cohort.reopen-horizon"); }
    /** Analyst roster file; empty = the bundled demo roster (public keys: never in production). */
    public String analystRoster() { return get("mrs.analyst.roster"); }
    public String actionsTopic() { return get("mrs.kafka.topic.analyst-actions"); }
    public String protectionTopic() { return get("mrs.kafka.topic.model-protection"); }
    public Duration signalsOutOfOrderness() { return duration("mrs.signals.out-of-orderness"); }
    public String groupId() { return get("mrs.kafka.group-id"); }
    /** Read the topics to their current end and stop (demo, replay) instead of running forever. */
    public boolean kafkaBounded() { return bool("mrs.kafka.bounded"); }
    public String catalogName() { return get("mrs.catalog-name"); }
    public String namespace() { return get("mrs.namespace"); }
    /** Local data directory for the embedded catalog, broker and warehouse. */
    public Path dataDir() { return Path.of(get("mrs.data-dir")); }
    /** Port (range) of the Prometheus endpoint of local runs; empty = no endpoint. */
    public String localMetricsPort() { return get("mrs.local.metrics-port").trim(); }

    /** Iceberg catalog properties ({@code mrs.catalog.*} with the prefix removed); empty = embedded. */
    public Map<String, String> catalogProperties() {
        return prefixed(CATALOG_PREFIX);
    }

    /** Extra Kafka client properties ({@code mrs.kafka.properties.*}). */
    public Map<String, String> kafkaProperties() {
        return prefixed(KAFKA_PROPS_PREFIX);
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }
}
