package mrs.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MetricOptions;

/**
 * Checks a FlinkDeployment's {@code flinkConfiguration} against Flink's own option definitions, so a
 * misspelt key (which the operator CRD, a plain string map, would accept) fails the build. Known
 * keys are every {@link ConfigOption} of the Flink version on the classpath (the project's, 2.1.x):
 * all {@code org.apache.flink.configuration.*Options} classes of flink-core plus the RocksDB and
 * job-result-store options. Each value is parsed with the option's own type (durations, enums,
 * memory sizes, numbers). Keys Flink 2.x only keeps as deprecated fallbacks are refused with the
 * current key named. Keys outside flink-core's option classes are allowed only from the explicit
 * lists below: metric reporter keys, the operator's keys MRS uses, and the S3 filesystem plugin's.
 */
final class FlinkConfigKeys {

    /** Option classes outside flink-core's configuration package whose keys a deployment may set. */
    private static final List<String> EXTRA_OPTION_CLASSES = List.of(
            "org.apache.flink.state.rocksdb.RocksDBOptions",
            "org.apache.flink.state.rocksdb.RocksDBConfigurableOptions",
            "org.apache.flink.runtime.highavailability.JobResultStoreOptions");

    /**
     * Options of the Flink Kubernetes operator (KubernetesOperatorConfigOptions, not on this
     * classpath) that a FlinkDeployment may set, with their types. Extend when the deployment needs
     * another one — after checking its name in the operator's configuration reference.
     */
    private static final Map<String, ConfigOption<?>> OPERATOR_OPTIONS = operatorOptions();

    /** Keys of the Prometheus reporter itself, beside the generic reporter keys of MetricOptions. */
    private static final Set<String> PROMETHEUS_REPORTER_KEYS = Set.of("port", "filterLabelValueCharacters");

    /** Keys read by Flink's S3 filesystem plugins (flink-s3-fs-presto / -hadoop), not by flink-core. */
    private static final Set<String> S3_PLUGIN_KEYS =
            Set.of("s3.endpoint", "s3.path.style.access", "s3.access-key", "s3.secret-key");

    private static final Map<String, ConfigOption<?>> OPTIONS = new TreeMap<>();
    private static final Map<String, String> DEPRECATED = new TreeMap<>();
    private static final Set<String> REPORTER_KEYS;

    static {
        for (Class<?> c : optionClasses()) {
            for (ConfigOption<?> option : staticOptions(c)) {
                OPTIONS.put(option.key(), option);
                for (FallbackKey fallback : option.fallbackKeys()) {
                    if (fallback.isDeprecated()) {
                        DEPRECATED.put(fallback.getKey(), option.key());
                    }
                }
            }
        }
        // MetricOptions declares the per-reporter keys (factory.class, interval, ...) without their
        // "metrics.reporter.<name>." prefix.
        Set<String> reporterKeys = new java.util.TreeSet<>(PROMETHEUS_REPORTER_KEYS);
        for (ConfigOption<?> option : staticOptions(MetricOptions.class)) {
            if (!option.key().startsWith("metrics.") && !option.key().contains("<")) {
                reporterKeys.add(option.key());
            }
        }
        REPORTER_KEYS = Set.copyOf(reporterKeys);
        if (!OPTIONS.containsKey("execution.checkpointing.interval") || !OPTIONS.containsKey("state.backend.type")) {
            throw new IllegalStateException("Flink's checkpointing/state options were not found on the classpath");
        }
    }

    private FlinkConfigKeys() {}

    /** The problems of a flinkConfiguration map; empty when every key is real and every value parses. */
    static List<String> errors(Map<String, String> flinkConfiguration) {
        List<String> errors = new ArrayList<>();
        Configuration conf = Configuration.fromMap(flinkConfiguration);
        for (Map.Entry<String, String> e : flinkConfiguration.entrySet()) {
            String key = e.getKey();
            ConfigOption<?> option = OPTIONS.containsKey(key) ? OPTIONS.get(key) : OPERATOR_OPTIONS.get(key);
            if (option != null) {
                try {
                    conf.get(option);
                } catch (RuntimeException ex) {
                    errors.add("flinkConfiguration." + key + ": value '" + e.getValue() + "' does not parse: "
                            + ex.getMessage());
                }
            } else if (DEPRECATED.containsKey(key)) {
                errors.add("flinkConfiguration." + key + ": a deprecated key in Flink 2.x; use "
                        + DEPRECATED.get(key));
            } else if (key.startsWith("metrics.reporter.")) {
                String rest = key.substring("metrics.reporter.".length());
                int dot = rest.indexOf('.');
                if (dot < 1 || !REPORTER_KEYS.contains(rest.substring(dot + 1))) {
                    errors.add("flinkConfiguration." + key + ": not a metric reporter option (known: "
                            + new java.util.TreeSet<>(REPORTER_KEYS) + ")");
                }
            } else if (!S3_PLUGIN_KEYS.contains(key)) {
                errors.add("flinkConfiguration." + key + ": unknown Flink " + flinkVersion()
                        + " configuration key (nor a known operator, reporter or S3 plugin key)");
            }
        }
        return errors;
    }

    /** The Flink version whose options are on the classpath, e.g. 2.1.1. */
    static String flinkVersion() {
        return org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
    }

    private static Map<String, ConfigOption<?>> operatorOptions() {
        Map<String, ConfigOption<?>> m = new HashMap<>();
        String p = "kubernetes.operator.";
        m.put(p + "periodic.savepoint.interval", ConfigOptions.key(p + "periodic.savepoint.interval")
                .durationType().noDefaultValue());
        m.put(p + "savepoint.history.max.age", ConfigOptions.key(p + "savepoint.history.max.age")
                .durationType().noDefaultValue());
        m.put(p + "savepoint.history.max.count", ConfigOptions.key(p + "savepoint.history.max.count")
                .intType().noDefaultValue());
        m.put(p + "deployment.rollback.enabled", ConfigOptions.key(p + "deployment.rollback.enabled")
                .booleanType().noDefaultValue());
        m.put(p + "deployment.readiness.timeout", ConfigOptions.key(p + "deployment.readiness.timeout")
                .durationType().noDefaultValue());
        m.put(p + "job.upgrade.last-state-fallback.enabled",
                ConfigOptions.key(p + "job.upgrade.last-state-fallback.enabled").booleanType().noDefaultValue());
        return Map.copyOf(m);
    }

    private static List<Class<?>> optionClasses() {
        List<Class<?>> classes = new ArrayList<>();
        Path jar;
        try {
            jar = Path.of(CoreOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                if (name.matches("org/apache/flink/configuration/[A-Za-z]+Options\\.class")) {
                    classes.add(load(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list flink-core's option classes in " + jar, e);
        }
        for (String name : EXTRA_OPTION_CLASSES) {
            classes.add(load(name));
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Flink option class " + name + " is not on the test classpath", e);
        }
    }

    private static List<ConfigOption<?>> staticOptions(Class<?> c) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType())) {
                try {
                    f.setAccessible(true);
                    options.add((ConfigOption<?>) f.get(null));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + "." + f.getName(), e);
                }
            }
        }
        return options;
    }
}
