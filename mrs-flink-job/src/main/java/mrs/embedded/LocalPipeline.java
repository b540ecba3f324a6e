package mrs.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.job.MrsJob;
import mrs.sinks.IcebergSinks;
import mrs.topology.Sources;
import mrs.topology.Topology;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the whole MRS pipeline on this machine exactly as in production, only embedded: a real Kafka
 * broker in this JVM, the Iceberg catalog on local files, and the job on a Flink MiniCluster. Feeds
 * the given JSON-lines files through the broker and runs the job to the end of the data.
 */
public final class LocalPipeline {
    private LocalPipeline() {}

    /** What a run produced: job counters and the catalog it wrote to. */
    public record Outcome(Map<String, Object> accumulators, CatalogSettings catalog, Duration jobTime,
            List<String> protectionFeed) {
        public long counter(String name) {
            Object v = accumulators.get(name);
            return v instanceof Number n ? n.longValue() : 0L;
        }
    }

    /**
     * Resets the MRS data under the config's data dir (catalog, warehouse, broker), publishes the
     * files and runs the job to their end. {@code stores}, {@code signals} and {@code actions} may be null.
     */
    public static Outcome run(MrsConfig baseCfg, Path sales, Path stores, Path signals, Path actions, PrintStream log)
            throws Exception {
        Path dataDir = baseCfg.dataDir().toAbsolutePath();
        if (baseCfg.catalogProperties().isEmpty()) {
            resetEmbeddedData(dataDir, log);
        }
        long t0 = System.nanoTime();
        log.printf("starting embedded Kafka broker ...%n");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            MrsConfig cfg = baseCfg.with(Map.of(
                    "mrs.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "mrs.kafka.bounded", "true"));
            kafka.createTopics(cfg.parallelism(), List.of(cfg.salesTopic(), cfg.storesTopic(), cfg.signalsTopic(), cfg.actionsTopic(),
                    cfg.protectionTopic()),
                    List.of(cfg.storesTopic()));
            log.printf("broker ready at %s (%.1f s)%n", kafka.bootstrapServers(), secs(t0));
            try (Publisher pub = new Publisher(kafka.bootstrapServers())) {
                if (stores != null) {
                    long n = pub.publishFile(stores, cfg.storesTopic(), "store_id", null, null);
                    log.printf("published %,d store records to %s%n", n, cfg.storesTopic());
                }
                if (signals != null) {
                    long n = pub.publishFile(signals, cfg.signalsTopic(), "signal_id", "observed_at", null);
                    log.printf("published %,d signal records to %s%n", n, cfg.signalsTopic());
                }
                if (actions != null) {
                    long n = pub.publishFile(actions, cfg.actionsTopic(), "action_id", "issued_at", null);
                    log.printf("published %,d analyst actions to %s%n", n, cfg.actionsTopic());
                }
                long t1 = System.nanoTime();
                long n = pub.publishFile(sales, cfg.salesTopic(), "store_id", "event_time",
                        k -> log.printf("  published %,d sales records ...%n", k));
                log.printf("published %,d sales records to %s (%.1f s)%n", n, cfg.salesTopic(), secs(t1));
            }
            Outcome outcome = runJob(cfg, log);
            return new Outcome(outcome.accumulators(), outcome.catalog(), outcome.jobTime(),
                    readTopic(kafka.bootstrapServers(), cfg.protectionTopic()));
        }
    }

    /**
     * The Flink configuration of a local run: the given state backend ({@code hashmap}, or {@code rocksdb}
     * with incremental checkpoints as the Kubernetes deployment), checkpoints to local files under
     * {@code dataDir/checkpoints} (detector state outgrows the JobManager's in-memory limit), no restarts.
     */
    public static Configuration jobConfiguration(Path dataDir, String stateBackend) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        if (stateBackend.equals("rocksdb")) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dataDir.resolve("checkpoints").toUri().toString());
        return conf;
    }

    /** Runs the job against the Kafka topics the config names, to their current end. */
    public static Outcome runJob(MrsConfig cfg, PrintStream log) throws Exception {
        CatalogSettings catalog = MrsJob.catalog(cfg);
        MrsJob.createTables(catalog);
        Configuration conf = jobConfiguration(cfg.dataDir().toAbsolutePath(), "hashmap");
        String metricsPort = cfg.localMetricsPort();
        if (!metricsPort.isEmpty()) {
            if (prometheusAvailable()) {
                conf.setString("metrics.reporter.prom.factory.class", PROMETHEUS_FACTORY);
                conf.setString("metrics.reporter.prom.port", metricsPort);
                log.printf("metrics for Prometheus at http://127.0.0.1:<port>/metrics while the job runs, on the first free"
                        + " port of %s (MRS metrics: *_mrs_log_rows, *_mrs_log_freshnessLagMs, *_mrs_sli_coverage*)%n", metricsPort);
            } else {
                log.printf("note: %s is not on the classpath, so no /metrics endpoint (mrs.local.metrics-port=%s)%n",
                        PROMETHEUS_FACTORY, metricsPort);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(cfg.parallelism());
        MrsJob.configure(env, cfg);
        Topology.build(cfg, Sources.salesFromKafka(env, cfg), Sources.storesFromKafka(env, cfg),
                Sources.signalsFromKafka(env, cfg), Sources.actionsFromKafka(env, cfg),
                new IcebergSinks(catalog, cfg.bootstrapServers(), cfg.protectionTopic()),
                new mrs.udfs.attribution.AttributionModel()::propose);
        long t0 = System.nanoTime();
        JobClient client = env.executeAsync("mrs-local");
        log.printf("job %s running on a local Flink MiniCluster (parallelism %d)%n", client.getJobID(), cfg.parallelism());
        CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
        while (!result.isDone()) {
            try {
                result.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                progress(client, log, t0);
            }
        }
        JobExecutionResult done = result.get();
        Map<String, Object> acc = done.getAllAccumulatorResults();
        log.printf("job finished in %.1f s: %,d sales accepted, %,d refused%n", secs(t0),
                num(acc.get("parse-sales-accepted")), num(acc.get("parse-sales-refused")));
        return new Outcome(acc, catalog, Duration.ofNanos(System.nanoTime() - t0), List.of());
    }

    private static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    private static boolean prometheusAvailable() {
        try {
            Class.forName(PROMETHEUS_FACTORY, false, LocalPipeline.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Every committed record of a topic, in partition order (read_committed). */
    static List<String> readTopic(String bootstrap, String topic) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        List<String> out = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> c = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p)) {
            List<org.apache.kafka.common.TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 10_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    private static void progress(JobClient client, PrintStream log, long t0) {
        try {
            Map<String, Object> acc = client.getAccumulators().get(2, TimeUnit.SECONDS);
            log.printf("  [%5.0f s] sales parsed: %,d accepted, %,d refused%n", secs(t0),
                    num(acc.get("parse-sales-accepted")), num(acc.get("parse-sales-refused")));
        } catch (Exception e) {
            log.printf("  [%5.0f s] running ...%n", secs(t0));
        }
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Deletes the embedded catalog, warehouse and broker data so a run starts from empty logs. */
    public static void resetEmbeddedData(Path dataDir, PrintStream log) throws IOException {
        for (String sub : List.of("catalog.db", "catalog.db.lock", "warehouse", "kafka", "checkpoints")) {
            Path p = dataDir.resolve(sub);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
        Files.createDirectories(dataDir);
        log.printf("data directory %s reset (catalog, warehouse, broker)%n", dataDir);
    }
}
