package mrs.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.embedded.EmbeddedKafka;
import mrs.embedded.LocalPipeline;
import mrs.functions.ParseFunction;
import mrs.job.MrsJob;
import mrs.records.SaleEvent;
import mrs.serde.SalesDeserializer;
import mrs.sinks.IcebergSinks;
import mrs.sinks.MrsSinks;
import mrs.topology.Sources;
import mrs.topology.Topology;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.SubtaskStateStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The pipeline benchmark: in one run, on this machine, with an embedded Kafka broker and a Flink
 * MiniCluster in this JVM, it publishes a large generated estate ({@link ScaleEstate}) and measures
 *
 * <ol>
 *   <li>the bare ceiling: the job's Kafka source and sales parsing ({@code ParseFunction} with
 *       {@code SalesDeserializer}) → keyBy(store|sku) → discard, over the whole topic;
 *   <li>the full MRS pipeline ({@code Topology.build}, real Iceberg sinks on an embedded catalog unless
 *       {@code --sinks discard}) over the same topic: its throughput, the latency from window close to
 *       report emitted, the state bytes per key and the checkpoint duration.
 * </ol>
 *
 * and writes the figures, with the machine description and how each is measured, to a markdown file.
 * See {@code load-tests/README.md} and {@link #USAGE}.
 */
public final class Benchmark {
    static final String DETECTOR = "sku-window-detector";
    static final String EPISODE = "episode";
    /** The full pipeline is declared stuck when neither its parsed count nor its watermark moved for this long. */
    static final long STALL_MILLIS = 300_000;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: mrs.load.Benchmark [--stores N] [--skus N] [--hours N] [--events N] [--rate R]",
            "                          [--parallelism P] [--out results.md] [--sinks iceberg|discard]",
            "                          [--warmup-days D] [--checkpoint-interval PT30S] [--seed S]",
            "                          [--state-backend hashmap|rocksdb] [--generator-threads T] [--work-dir DIR]",
            "",
            "Publishes a generated estate to an embedded Kafka broker, then runs on a local Flink MiniCluster",
            "(1) the bare ceiling: Kafka source + sales JSON parsing -> keyBy(store|sku) -> discard, and",
            "(2) the full MRS pipeline, over the same topic, and writes events/s of both, their ratio, the",
            "p50/p99 latency from window close to report emitted, state bytes per key and checkpoint",
            "durations, with the machine description, to --out.",
            "",
            "  --stores N               stores in the estate (default 2000)",
            "  --skus N                 SKUs per store (default 100: the 28 demo lines + a long tail; 2000 x 500,",
            "                           1 M keys, takes about half an hour here: see load-tests/README.md)",
            "  --hours N                hours of sales history (default: through the planted spikes on day 3,",
            "                           " + ScaleEstate.hoursThroughSpikes(1) + " h with the default warm-up)",
            "  --events N               publish at most N sales events (default: all of the hours)",
            "  --rate R                 publish at R events/s while the full pipeline runs (live); default 0:",
            "                           publish everything first, then measure catch-up at full speed",
            "  --parallelism P          job parallelism and topic partitions (default 2)",
            "  --out FILE               results file, markdown (default results.md)",
            "  --sinks iceberg|discard  full pipeline writes to Iceberg on a temporary embedded catalog",
            "                           (default) or discards every log",
            "  --warmup-days D          mrs.detector.warmup-days for the run (default 1; the job's default is 7,",
            "                           which needs a week of history per key before any report)",
            "  --checkpoint-interval I  mrs.job.checkpoint-interval, ISO-8601 (default PT30S, the job's default)",
            "  --state-backend B        hashmap (default: heap state, as the demo runs) or rocksdb (as the",
            "                           Kubernetes deployment: RocksDB with incremental checkpoints)",
            "  --seed S                 estate noise seed (default " + 20_250_812L + ")",
            "  --generator-threads T    threads generating sales ahead of the producer (default 2)",
            "  --work-dir DIR           broker, checkpoints and catalog here (default: a temporary",
            "                           directory, deleted at the end)",
            "  --help                   this text");

    private Benchmark() {}

    /** The command line options. */
    static final class Options {
        int stores = 2000;
        int skus = 100;
        int hours = -1;
        long events = 0;
        double rate = 0;
        int parallelism = 2;
        Path out = Path.of("results.md");
        boolean icebergSinks = true;
        int warmupDays = 1;
        Duration checkpointInterval = Duration.ofSeconds(30);
        long seed = 20_250_812L;
        int generatorThreads = 2;
        String stateBackend = "hashmap";
        Path workDir;
        boolean help;
        final List<String> args = new ArrayList<>();

        int hours() {
            return hours > 0 ? hours : ScaleEstate.hoursThroughSpikes(warmupDays);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            o.args.addAll(List.of(args));
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--stores" -> o.stores = positive(a, v);
                    case "--skus" -> o.skus = positive(a, v);
                    case "--hours" -> o.hours = positive(a, v);
                    case "--events" -> o.events = positive(a, v);
                    case "--rate" -> o.rate = number(a, v);
                    case "--parallelism" -> o.parallelism = positive(a, v);
                    case "--out" -> o.out = Path.of(v);
                    case "--sinks" -> {
                        if (!v.equals("iceberg") && !v.equals("discard")) {
                            throw new IllegalArgumentException("--sinks must be iceberg or discard, got " + v);
                        }
                        o.icebergSinks = v.equals("iceberg");
                    }
                    case "--warmup-days" -> o.warmupDays = (int) nonNegative(a, v);
                    case "--checkpoint-interval" -> {
                        try {
                            o.checkpointInterval = Duration.parse(v);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--checkpoint-interval must be ISO-8601 like PT30S, got " + v);
                        }
                        if (o.checkpointInterval.toMillis() < 10) {
                            throw new IllegalArgumentException("--checkpoint-interval must be at least 10 ms");
                        }
                    }
                    case "--seed" -> {
                        try {
                            o.seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed must be an integer, got " + v);
                        }
                    }
                    case "--generator-threads" -> o.generatorThreads = positive(a, v);
                    case "--state-backend" -> {
                        if (!v.equals("hashmap") && !v.equals("rocksdb")) {
                            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb, got " + v);
                        }
                        o.stateBackend = v;
                    }
                    case "--work-dir" -> o.workDir = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if ((long) o.stores * o.skus > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("stores × skus must stay below 2^31");
            }
            return o;
        }

        private static int positive(String name, String v) {
            long n = nonNegative(name, v);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be a positive integer, got " + v);
            }
            return (int) n;
        }

        private static long nonNegative(String name, String v) {
            try {
                long n = Long.parseLong(v.replace("_", "").replace(",", ""));
                if (n < 0) {
                    throw new IllegalArgumentException(name + " must not be negative, got " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be an integer, got " + v);
            }
        }

        private static double number(String name, String v) {
            try {
                double d = Double.parseDouble(v);
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(name + " must be a non-negative number, got " + v);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got " + v);
            }
        }
    }

    /** Throughput of one job over the topic. */
    record Throughput(long events, double seconds, double jobSeconds) {
        double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    /** Everything one benchmark run measured. */
    record Results(
            Options options,
            ScaleEstate estate,
            SalesPublisher.Result published,
            Throughput ceiling,
            Throughput full,
            List<Long> latenciesFirst,
            List<Long> latenciesLast,
            List<Long> closeToEpisode,
            int reports,
            int reportsUnmatched,
            long keys,
            long detectorStateBytes,
            long jobStateBytes,
            long finalCheckpointMillis,
            long finalCheckpointSyncMillis,
            long finalCheckpointAsyncMillis,
            List<Long> periodicCheckpointMillis,
            List<Long> periodicCheckpointBytes,
            int failedCheckpoints,
            int serializedBaselineBytes,
            Duration wallTime,
            Instant startedAt,
            String loadBefore,
            String loadAfter) {
        double ratio() {
            return ceiling.eventsPerSecond() > 0 ? full.eventsPerSecond() / ceiling.eventsPerSecond() : 0;
        }

        double bytesPerKey() {
            return keys > 0 ? detectorStateBytes / (double) keys : 0;
        }

        long p50() {
            return percentile(latenciesFirst, 0.50);
        }

        long p99() {
            return percentile(latenciesFirst, 0.99);
        }
    }

    public static void main(String[] args) {
        // Errors only on the console (the job module's launcher config), so the progress lines stay readable.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "mrs-log4j2.properties");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code (0 ok, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            Results r = execute(o, out);
            String md = Report.markdown(r);
            Path parent = o.out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(o.out, md);
            out.println();
            out.print(Report.summary(r));
            out.printf("results written to %s%n", o.out.toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("benchmark failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static Results execute(Options o, PrintStream log) throws Exception {
        Instant startedAt = Instant.now();
        String loadBefore = Report.loadAverage();
        long t0 = System.nanoTime();
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        boolean tempDir = o.workDir == null;
        Path work = tempDir ? Files.createTempDirectory("mrs-bench-") : o.workDir.toAbsolutePath();
        Files.createDirectories(work);
        log.printf("MRS pipeline benchmark (%s)%n", Report.machineLine());
        ScaleEstate estate = new ScaleEstate(o.stores, o.skus, o.hours(), o.seed, o.warmupDays);
        log.printf("estate: %s (%,d keys), parallelism %d, sinks %s, work dir %s%n", estate, estate.keys(),
                o.parallelism, o.icebergSinks ? "iceberg" : "discard", work);
        // The MiniCluster and the Iceberg tables start while the broker does.
        CompletableFuture<MiniCluster> clusterStart = CompletableFuture.supplyAsync(() -> {
            try {
                return startCluster(o, work);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the Flink MiniCluster", e);
            }
        });
        CompletableFuture<CatalogSettings> tables = CompletableFuture.supplyAsync(() -> {
            if (!o.icebergSinks) {
                return null;
            }
            try {
                CatalogSettings c = CatalogSettings.embedded(work);
                MrsJob.createTables(c);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the Iceberg tables", e);
            }
        });
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
            MrsConfig cfg = MrsConfig.defaults().with(Map.of(
                    "mrs.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "mrs.job.parallelism", Integer.toString(o.parallelism),
                    "mrs.job.checkpoint-interval", o.checkpointInterval.toString(),
                    "mrs.detector.warmup-days", Integer.toString(o.warmupDays),
                    // The stores are published before the jobs start, so the dimension is loaded within a
                    // second: do not let its start-up hold (default 10 s) count as report latency.
                    "mrs.stores.idleness", "PT1S",
                    "mrs.data-dir", work.toString()));
            kafka.createTopics(o.parallelism, List.of(cfg.salesTopic(), cfg.storesTopic(), cfg.signalsTopic()),
                    List.of(cfg.storesTopic()));
            log.printf("embedded Kafka broker at %s (%.1f s)%n", kafka.bootstrapServers(), secs(t0));
            CatalogSettings catalog = tables.join();
            try (SalesPublisher pub = new SalesPublisher(kafka.bootstrapServers());
                    MiniCluster cluster = clusterStart.join()) {
                log.printf("Flink MiniCluster%s ready (%.1f s)%n", catalog != null ? " and Iceberg tables" : "", secs(t0));
                int stores = pub.publishStores(estate, cfg.storesTopic());
                log.printf("published %,d stores to %s%n", stores, cfg.storesTopic());
                SalesPublisher.Result published;
                Throughput full;
                FullRun fullRun;
                MrsSinks sinks = catalog != null
                        ? ProbedSinks.probing(new IcebergSinks(catalog), run)
                        : ProbedSinks.discarding(run);
                MrsConfig fullCfg = cfg.with(Map.of("mrs.kafka.bounded", "false", "mrs.kafka.group-id", run + "-full"));
                Throughput ceiling;
                MrsConfig ceilingCfg = cfg.with(Map.of("mrs.kafka.bounded", "true", "mrs.kafka.group-id", run + "-ceiling"));
                if (o.rate <= 0) {
                    log.printf("publishing sales as fast as the broker takes them ...%n");
                    published = pub.publishSales(estate, cfg.salesTopic(), o.events, 0, o.generatorThreads, log);
                    log.printf("published %,d sales events (%,.0f MB of JSON) in %.1f s: %,.0f events/s%n",
                            published.events(), published.bytes() / 1e6, published.seconds(),
                            published.eventsPerSecond());
                    // Backlog: the ceiling first, then the full pipeline over the same topic.
                    ceiling = runCeiling(cluster, ceilingCfg, run, published.events(), o, log);
                    fullRun = startFull(cluster, fullCfg, sinks, run, o);
                    fullRun.published.complete(published);
                    full = awaitFull(cluster, fullRun, fullCfg, o, log);
                } else {
                    // Live: the full pipeline consumes while the publisher paces; the ceiling reads the backlog after.
                    fullRun = startFull(cluster, fullCfg, sinks, run, o);
                    // Publish only once the job's operators are up, so nothing queues during start-up.
                    long deadline = System.currentTimeMillis() + 120_000;
                    while (!fullRun.sampler.ready() && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    log.printf("publishing sales at %,.0f events/s while the full pipeline runs ...%n", o.rate);
                    FullRun fr = fullRun;
                    CompletableFuture.runAsync(() -> {
                        try {
                            fr.published.complete(pub.publishSales(estate, cfg.salesTopic(), o.events, o.rate,
                                    o.generatorThreads, log));
                        } catch (Throwable e) {
                            fr.published.completeExceptionally(e);
                        }
                    });
                    full = awaitFull(cluster, fullRun, fullCfg, o, log);
                    published = fullRun.published.get();
                    ceiling = runCeiling(cluster, ceilingCfg, run, published.events(), o, log);
                }
                return fullRun.results(o, estate, published, ceiling, full, Duration.ofNanos(System.nanoTime() - t0),
                        startedAt, loadBefore);
            } finally {
                ProbedSinks.forget(run);
                BenchMetrics.forget(run + "-full");
                BenchMetrics.forget(run + "-ceiling");
            }
        } finally {
            // Closed already unless the broker failed first (closing twice is harmless).
            clusterStart.thenAccept(Benchmark::closeQuietly);
            tables.exceptionally(e -> null).join();
            if (tempDir) {
                deleteRecursively(work);
            }
        }
    }

    private static void closeQuietly(MiniCluster cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // shutting down after a failure
        }
    }

    private static MiniCluster startCluster(Options o, Path work) throws Exception {
        Configuration conf = LocalPipeline.jobConfiguration(work, o.stateBackend);
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, o.parallelism);
        conf.setString("metrics.reporter.bench.factory.class", BenchMetrics.Factory.class.getName());
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(o.parallelism)
                .build());
        cluster.start();
        return cluster;
    }

    private static JobID submit(MiniCluster cluster, StreamExecutionEnvironment env, String name,
            Map<String, JobVertexID> vertices) throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        JobGraph job = graph.getJobGraph();
        for (JobVertex v : job.getVertices()) {
            vertices.put(v.getName(), v.getID());
        }
        cluster.submitJob(job).get();
        return job.getJobID();
    }

    /** The bare ceiling, bounded: the same Kafka source and parser, keyBy(store|sku), discard. */
    private static Throughput runCeiling(MiniCluster cluster, MrsConfig cfg, String run, long events, Options o,
            PrintStream log) throws Exception {
        String name = run + "-ceiling";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                LocalPipeline.jobConfiguration(cfg.dataDir(), o.stateBackend));
        env.setParallelism(o.parallelism);
        MrsJob.configure(env, cfg);
        Sources.salesFromKafka(env, cfg)
                .process(new ParseFunction<>("parse-sales", new SalesDeserializer(cfg.maxFutureSkew())::parse))
                .returns(TypeInformation.of(SaleEvent.class))
                .name("parse-sales")
                .uid("parse-sales")
                .keyBy(SaleEvent::storeSkuKey)
                .sinkTo(new DiscardingSink<>())
                .name("discard")
                .uid("discard");
        log.printf("bare ceiling: Kafka -> parse -> keyBy(store|sku) -> discard over %,d events ...%n", events);
        try (JobSampler sampler = new JobSampler(name, null, o.parallelism)) {
            sampler.expect(events);
            long submitted = System.currentTimeMillis();
            JobID id = submit(cluster, env, name, new LinkedHashMap<>());
            CompletableFuture<JobResult> result = cluster.requestJobResult(id);
            long nextLog = System.currentTimeMillis() + 5000;
            while (!result.isDone()) {
                Thread.sleep(20);
                if (System.currentTimeMillis() >= nextLog) {
                    nextLog += 5000;
                    progress(log, "ceiling", submitted, sampler.parsed(), events, null, -1);
                }
            }
            JobResult r = result.get();
            failIfFailed(r, name);
            long ended = System.currentTimeMillis();
            Thread.sleep(3 * JobSampler.PERIOD_MS);
            if (sampler.parsed() != events || sampler.allParsedAt() < 0) {
                throw new IllegalStateException("the ceiling job parsed " + sampler.parsed() + " of " + events + " events");
            }
            Throughput t = new Throughput(events, (sampler.allParsedAt() - sampler.firstParsedAt()) / 1000.0,
                    (ended - submitted) / 1000.0);
            log.printf("bare ceiling: %,d events in %.1f s = %,.0f events/s%n", t.events(), t.seconds(),
                    t.eventsPerSecond());
            awaitFreeSlots(cluster, o.parallelism);
            return t;
        }
    }

    /** The full pipeline job, running unbounded, and what is known about it while it runs. */
    private static final class FullRun {
        final CompletableFuture<SalesPublisher.Result> published = new CompletableFuture<>();
        final String name;
        final String run;
        JobSampler sampler;
        JobSampler episodeSampler;
        JobID id;
        Map<String, JobVertexID> vertices = new LinkedHashMap<>();
        long submittedAt;
        long finalCheckpointId = -1;
        CheckpointStatsSnapshot stats;

        FullRun(String run) {
            this.run = run;
            this.name = run + "-full";
        }

        JobVertexID vertex(String operator) {
            return vertices.entrySet().stream()
                    .filter(e -> e.getKey().contains(operator))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no job vertex " + operator + " in " + vertices.keySet()));
        }

        Results results(Options o, ScaleEstate estate, SalesPublisher.Result published, Throughput ceiling,
                Throughput full, Duration wall, Instant startedAt, String loadBefore) throws Exception {
            List<Long> first = new ArrayList<>();
            List<Long> last = new ArrayList<>();
            List<Long> toEpisode = new ArrayList<>();
            List<ProbedSinks.Arrival> arrivals = ProbedSinks.arrivals(run);
            int unmatched = 0;
            for (ProbedSinks.Arrival a : arrivals) {
                long closedFirst = sampler.reached(a.windowEnd() - 1, false);
                long closedLast = sampler.reached(a.windowEnd() - 1, true);
                if (closedFirst < 0 || closedLast < 0) {
                    unmatched++;
                    continue;
                }
                first.add(a.wallClock() - closedFirst);
                last.add(a.wallClock() - closedLast);
                long atEpisode = episodeSampler.reached(a.windowEnd() - 1, true);
                if (atEpisode >= 0) {
                    toEpisode.add(atEpisode - closedFirst);
                }
            }
            first.sort(Long::compare);
            last.sort(Long::compare);
            toEpisode.sort(Long::compare);

            JobVertexID detector = vertex(DETECTOR);
            long detectorBytes = 0;
            long jobBytes = 0;
            long finalMillis = -1;
            long syncMillis = -1;
            long asyncMillis = -1;
            List<Long> periodic = new ArrayList<>();
            List<Long> periodicBytes = new ArrayList<>();
            int failed = 0;
            for (AbstractCheckpointStats c : stats.getHistory().getCheckpoints()) {
                if (c.getStatus() == CheckpointStatsStatus.FAILED) {
                    failed++;
                }
                if (c.getStatus() != CheckpointStatsStatus.COMPLETED) {
                    continue;
                }
                if (c.getCheckpointId() == finalCheckpointId) {
                    TaskStateStats d = c.getTaskStateStats(detector);
                    detectorBytes = d == null ? 0 : d.getStateSize();
                    jobBytes = c.getStateSize();
                    finalMillis = c.getEndToEndDuration();
                    if (d != null) {
                        for (SubtaskStateStats s : d.getSubtaskStats()) {
                            if (s != null) {
                                syncMillis = Math.max(syncMillis, s.getSyncCheckpointDuration());
                                asyncMillis = Math.max(asyncMillis, s.getAsyncCheckpointDuration());
                            }
                        }
                    }
                } else {
                    periodic.add(c.getEndToEndDuration());
                    periodicBytes.add(c.getStateSize());
                }
            }
            return new Results(o, estate, published, ceiling, full, first, last, toEpisode, arrivals.size(), unmatched,
                    published.keys(), detectorBytes, jobBytes, finalMillis, syncMillis, asyncMillis, periodic,
                    periodicBytes, failed, Report.serializedBaselineBytes(o.warmupDays), wall, startedAt, loadBefore,
                    Report.loadAverage());
        }
    }

    private static FullRun startFull(MiniCluster cluster, MrsConfig cfg, MrsSinks sinks, String run, Options o)
            throws Exception {
        FullRun f = new FullRun(run);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                LocalPipeline.jobConfiguration(cfg.dataDir(), o.stateBackend));
        env.setParallelism(o.parallelism);
        MrsJob.configure(env, cfg);
        Topology.build(cfg, Sources.salesFromKafka(env, cfg), Sources.storesFromKafka(env, cfg),
                Sources.signalsFromKafka(env, cfg), sinks);
        f.sampler = new JobSampler(f.name, DETECTOR, o.parallelism);
        f.episodeSampler = new JobSampler(f.name, EPISODE, BenchMetrics.OUTPUT_WATERMARK, o.parallelism);
        f.submittedAt = System.currentTimeMillis();
        f.id = submit(cluster, env, f.name, f.vertices);
        return f;
    }

    /**
     * Waits until the full pipeline has consumed every published event and its detector and episode
     * operators have seen the final sales watermark (every window that can close has closed and been
     * reported), then checkpoints the complete state, reads the checkpoint statistics and cancels the job.
     */
    private static Throughput awaitFull(MiniCluster cluster, FullRun f, MrsConfig cfg, Options o, PrintStream log)
            throws Exception {
        CompletableFuture<JobResult> result = cluster.requestJobResult(f.id);
        long nextLog = System.currentTimeMillis() + 5000;
        long target = Long.MAX_VALUE;
        long lastParsed = -1;
        long lastWatermark = Long.MIN_VALUE;
        long lastChange = System.currentTimeMillis();
        try {
            while (true) {
                long now = System.currentTimeMillis();
                if (f.sampler.parsed() != lastParsed || f.sampler.watermark() != lastWatermark) {
                    lastParsed = f.sampler.parsed();
                    lastWatermark = f.sampler.watermark();
                    lastChange = now;
                } else if (now - lastChange > STALL_MILLIS) {
                    throw new IllegalStateException("the full pipeline made no progress for " + STALL_MILLIS / 1000
                            + " s (parsed " + lastParsed + ", detector watermark " + lastWatermark + ")");
                }
                if (result.isDone()) {
                    failIfFailed(result.get(), f.name);
                    throw new IllegalStateException("the full pipeline job ended before consuming its input");
                }
                if (f.published.isDone() && target == Long.MAX_VALUE) {
                    SalesPublisher.Result p = f.published.get();
                    f.sampler.expect(p.events());
                    // Bounded out-of-orderness: each reader's watermark ends at its max event time - bound - 1.
                    target = p.lowestPartitionMaxTimestamp() - cfg.outOfOrderness().toMillis() - 1;
                }
                long expected = f.published.isDone() ? f.published.get().events() : -1;
                if (expected >= 0 && f.sampler.parsed() >= expected && f.sampler.watermark() >= target
                        && f.episodeSampler.watermark() >= target) {
                    break;
                }
                Thread.sleep(20);
                if (System.currentTimeMillis() >= nextLog) {
                    nextLog += 5000;
                    progress(log, "full", f.submittedAt, f.sampler.parsed(), expected, f.sampler.watermark(),
                            ProbedSinks.arrivals(f.run).size());
                }
            }
            long caughtUp = f.sampler.reached(target, true);
            // Reports leave the episode operator while it handles the watermark: let the last ones through.
            Thread.sleep(300);
            log.printf("full pipeline caught up; checkpointing its complete state ...%n");
            f.finalCheckpointId = cluster.triggerCheckpoint(f.id, CheckpointType.FULL).get(10, TimeUnit.MINUTES);
            f.stats = cluster.getExecutionGraph(f.id).get().getCheckpointStatsSnapshot();
            long events = f.published.get().events();
            Throughput t = new Throughput(events, (caughtUp - f.sampler.firstParsedAt()) / 1000.0,
                    (caughtUp - f.submittedAt) / 1000.0);
            log.printf("full pipeline: %,d events in %.1f s = %,.0f events/s%n", t.events(), t.seconds(),
                    t.eventsPerSecond());
            return t;
        } finally {
            f.sampler.close();
            f.episodeSampler.close();
            if (!result.isDone()) {
                log.printf("cancelling the full pipeline ...%n");
                cluster.cancelJob(f.id).get(10, TimeUnit.MINUTES);
                try {
                    result.get(10, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException ignored) {
                    // cancelled
                }
            }
            awaitFreeSlots(cluster, o.parallelism);
        }
    }

    /** Waits until a finished or cancelled job has handed its slots back (the next job needs them). */
    private static void awaitFreeSlots(MiniCluster cluster, int slots) throws Exception {
        long deadline = System.currentTimeMillis() + 600_000;
        while (cluster.getResourceOverview().get().getNumberFreeSlots() < slots) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the MiniCluster's slots were not released within 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static void failIfFailed(JobResult r, String name) {
        if (!r.isSuccess()) {
            Throwable cause = r.getSerializedThrowable()
                    .map(t -> t.deserializeError(Benchmark.class.getClassLoader()))
                    .orElse(null);
            throw new IllegalStateException("job " + name + " failed: " + r.getApplicationStatus(), cause);
        }
    }

    private static void progress(PrintStream log, String what, long since, long parsed, long expected, Long watermark,
            int reports) {
        double s = (System.currentTimeMillis() - since) / 1000.0;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  [%-7s %4.0f s] parsed %,d", what, s, parsed));
        if (expected > 0) {
            b.append(String.format(Locale.ROOT, " of %,d", expected));
        }
        if (watermark != null && watermark > Long.MIN_VALUE && watermark < Long.MAX_VALUE) {
            b.append(", detector watermark ").append(Instant.ofEpochMilli(watermark + 1));
        }
        if (reports >= 0) {
            b.append(String.format(Locale.ROOT, ", %,d report revisions", reports));
        }
        log.println(b);
    }

    static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
