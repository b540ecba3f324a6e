package mrs.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.ddl.MrsTables;
import org.apache.iceberg.catalog.Catalog;
import mrs.sinks.IcebergSinks;
import mrs.topology.Sources;
import mrs.topology.Topology;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The deployable MRS job: Kafka topics in, Iceberg logs out. Run by the Flink Kubernetes operator
 * (application mode) with {@code --config /opt/mrs/mrs.properties [--set key=value ...]}.
 */
public final class MrsJob {
    private MrsJob() {}

    public static void main(String[] args) throws Exception {
        Path file = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("usage: MrsJob [--config mrs.properties] [--set key=value]...");
                    return;
                }
                case "--config" -> file = Path.of(args[++i]);
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set expects key=value, got " + kv);
                    }
                    overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        MrsConfig cfg = MrsConfig.load(file, overrides);
        CatalogSettings catalog = catalog(cfg);
        MrsJob.createTables(catalog);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, cfg);
        Topology.build(cfg, Sources.salesFromKafka(env, cfg), Sources.storesFromKafka(env, cfg),
                Sources.signalsFromKafka(env, cfg), Sources.actionsFromKafka(env, cfg),
                new IcebergSinks(catalog, cfg.bootstrapServers(), cfg.protectionTopic()),
                new mrs.udfs.attribution.AttributionModel()::propose);
        env.execute("mrs");
    }

    /** Applies the versioned DDL (idempotent): every table exists before a sink loads it. */
    public static void createTables(CatalogSettings catalog) throws Exception {
        Catalog c = catalog.load();
        try {
            MrsTables.ddl().apply(c, catalog.icebergNamespace());
        } finally {
            if (c instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** The catalog the config names, or the embedded default (JDBC on SQLite in the data dir). */
    public static CatalogSettings catalog(MrsConfig cfg) {
        if (cfg.catalogProperties().isEmpty()) {
            return CatalogSettings.embedded(cfg.dataDir().toAbsolutePath());
        }
        return CatalogSettings.fromProperties(cfg.catalogName(), cfg.namespace(), cfg.catalogProperties());
    }

    /**
     * Settings the job itself owns: max parallelism (fixed for savepoint compatibility), no generic
     * (Kryo) types, and checkpointing if the deployment did not configure it (Iceberg commits on
     * checkpoints, so without it nothing would ever be written).
     */
    public static void configure(StreamExecutionEnvironment env, MrsConfig cfg) {
        env.setMaxParallelism(cfg.maxParallelism());
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(cfg.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
    }
}
