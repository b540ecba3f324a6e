package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.ddl.MrsTables;
import mrs.embedded.EmbeddedKafka;
import mrs.embedded.Publisher;
import mrs.job.MrsJob;
import mrs.sinks.IcebergSinks;
import mrs.topology.Sources;
import mrs.topology.Topology;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's own metrics as a Prometheus server scrapes them (slow end-to-end case, ~30 s): the
 * unbounded Kafka job (as deployed, {@code mrs.kafka.bounded=false}) on a MiniCluster of its own with
 * Flink's Prometheus reporter, scraped over HTTP while it runs. Per-log row counts, error counts,
 * freshness lag and coverage must be there with the values the input implies.
 */
class MetricsITCase {
    @TempDir
    Path tmp;

    static final long ROWS_BAD = TestData.BAD_SALES.stream().filter(l -> !l.isBlank()).count();

    @Test
    void perLogRowsErrorsFreshnessAndCoverageAreScrapedFromThePrometheusReporter() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            MrsConfig cfg = MrsConfig.defaults().with(Map.of(
                    "mrs.data-dir", tmp.resolve("data").toString(),
                    "mrs.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "mrs.kafka.bounded", "false",
                    // Empty topics must not hold event time back for the default minute. Short enough that the
                    // sales readers go idle whenever they wait: the store dimension must not then run ahead.
                    "mrs.window.idleness", "PT10S",
                    // As in production (10 s against the sales' minute), the store dimension goes idle well
                    // before the sales readers can: a two-input operator whose inputs are all idle does not
                    // advance its watermark, so if the sales went idle first (both at 10 s: a race, seen once
                    // in CI) the episode stage stayed at the start of time with every sale already read.
                    "mrs.stores.idleness", "PT2S",
                    "mrs.job.checkpoint-interval", "PT1S"));
            kafka.createTopics(2, List.of(cfg.salesTopic(), cfg.storesTopic(), cfg.signalsTopic(), cfg.actionsTopic()),
                    List.of(cfg.storesTopic()));
            try (Publisher pub = new Publisher(kafka.bootstrapServers())) {
                for (String line : TestData.storeLines()) {
                    pub.send(cfg.storesTopic(), line, "store_id", null, 0L);
                }
                pub.send(cfg.signalsTopic(), TestData.NO_SIGNAL, "signal_id", "observed_at", 0L);
                for (String line : TestData.withBadLines(TestData.salesLines(true))) {
                    if (!line.isBlank()) {
                        pub.send(cfg.salesTopic(), line, "store_id", "event_time", TestData.START.toEpochMilli());
                    }
                }
                pub.flush();
            }

            CatalogSettings catalog = MrsJob.catalog(cfg);
            MrsJob.createTables(catalog);
            Configuration conf = new Configuration();
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, tmp.resolve("checkpoints").toUri().toString());
            conf.setString("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            conf.setString("metrics.reporter.prom.port", Integer.toString(port));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(2);
            MrsJob.configure(env, cfg);
            Topology.build(cfg, Sources.salesFromKafka(env, cfg), Sources.storesFromKafka(env, cfg),
                    Sources.signalsFromKafka(env, cfg), Sources.actionsFromKafka(env, cfg),
                    new IcebergSinks(catalog), new mrs.udfs.attribution.AttributionModel()::propose);
            JobClient job = env.executeAsync("metrics-it");
            long t0 = System.nanoTime();
            try {
                Scrape scrape = waitFor(port, s -> s.sum("mrs_log_rows", MrsTables.SALES_ERRORS) == ROWS_BAD
                        && s.sum("mrs_sli_reportsDetected", null) == 2
                        && s.sum("mrs_log_rows", MrsTables.MINORITY_EVENT_ENDED_LOG) == 2
                        && s.sum("mrs_sli_reportsAttributedInSla", null) == 2);
                System.out.printf("metrics reached the expected values %.1f s after submission%n", (System.nanoTime() - t0) / 1e9);

                // Row counts per log: the two injected anomalies, each detected (at least once) and ended once.
                assertThat(scrape.sum("mrs_log_rows", MrsTables.MINORITY_REPORTS_DETECTED_LOG)).isGreaterThanOrEqualTo(2);
                assertThat(scrape.sum("mrs_log_rows", MrsTables.MINORITY_REPORTS_CLUSTERED_LOG))
                        .isEqualTo(scrape.sum("mrs_log_rows", MrsTables.MINORITY_REPORTS_DETECTED_LOG));
                assertThat(scrape.sum("mrs_log_rows", MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG)).isGreaterThanOrEqualTo(2);
                // Error counts: every malformed sales line, nothing else.
                assertThat(scrape.sum("mrs_log_rows", MrsTables.SALES_ERRORS)).isEqualTo(ROWS_BAD);
                assertThat(scrape.sum("mrs_log_rows", MrsTables.STORES_ERRORS)).isZero();
                assertThat(scrape.sum("mrs_log_rows", MrsTables.SIGNALS_ERRORS)).isZero();
                assertThat(scrape.sum("parse_sales_accepted", null) + scrape.sum("parse_sales_refused", null))
                        .isEqualTo(TestData.salesLines(true).size() + ROWS_BAD);
                // Freshness: the data is from July 2025, so the detected log is at least that far behind now.
                long atLeast = System.currentTimeMillis() - (TestData.START.toEpochMilli() + TestData.DAYS * TestData.HOUR * 24);
                assertThat(scrape.max("mrs_log_freshnessLagMs", MrsTables.MINORITY_REPORTS_DETECTED_LOG))
                        .isGreaterThanOrEqualTo(atLeast * 0.99);
                // Coverage: both reports were attributed and clustered within the SLA.
                assertThat(scrape.values("mrs_sli_coverageAttribution", null)).contains(1.0);
                assertThat(scrape.sum("mrs_sli_reportsClusteredInSla", null)).isEqualTo(2);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** Scrapes until the condition holds; fails with the last scrape's MRS lines after 2 minutes. */
    static Scrape waitFor(int port, java.util.function.Predicate<Scrape> done) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Scrape last = new Scrape(List.of());
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                last = Scrape.parse(body);
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // the reporter is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("metrics never reached the expected values; last scrape: " + last.summary());
    }

    /** One Prometheus text exposition: samples by metric name suffix and the {@code mrs_log} label. */
    record Scrape(List<String> lines) {
        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})?\\s+(\\S+)$");

        static Scrape parse(String body) {
            List<String> lines = new ArrayList<>();
            for (String l : body.split("\n")) {
                if (!l.startsWith("#") && !l.isBlank()) {
                    lines.add(l);
                }
            }
            return new Scrape(lines);
        }

        List<Double> values(String suffix, String log) {
            List<Double> out = new ArrayList<>();
            for (String l : lines) {
                Matcher m = SAMPLE.matcher(l);
                if (m.matches() && m.group(1).endsWith("_" + suffix)
                        && (log == null || (m.group(2) != null && m.group(2).contains("mrs_log=\"" + log + "\"")))) {
                    out.add(Double.parseDouble(m.group(3)));
                }
            }
            return out;
        }

        /** Every MRS metric summed over subtasks, by name and log. */
        String summary() {
            java.util.TreeMap<String, Double> out = new java.util.TreeMap<>();
            Pattern logLabel = Pattern.compile("mrs_log=\"([a-z_]+)\"");
            for (String l : lines) {
                Matcher m = SAMPLE.matcher(l);
                if (m.matches() && (m.group(1).contains("_mrs_") || m.group(1).contains("parse_sales"))) {
                    Matcher lm = logLabel.matcher(m.group(2) == null ? "" : m.group(2));
                    String key = m.group(1).replace("flink_taskmanager_job_task_operator_", "") + (lm.find() ? "[" + lm.group(1) + "]" : "");
                    out.merge(key, Double.parseDouble(m.group(3)), Double::sum);
                }
            }
            Pattern op = Pattern.compile("operator_name=\"([^\"]+)\".*subtask_index=\"(\\d+)\"");
            for (String l : lines) {
                Matcher m = SAMPLE.matcher(l);
                if (m.matches() && m.group(1).endsWith("currentOutputWatermark") && m.group(2) != null) {
                    Matcher om = op.matcher(m.group(2));
                    if (om.find()) {
                        out.put("watermark[" + om.group(1) + "#" + om.group(2) + "]", Double.parseDouble(m.group(3)));
                    }
                }
            }
            return out.toString();
        }

        long sum(String suffix, String log) {
            return Math.round(values(suffix, log).stream().mapToDouble(Double::doubleValue).sum());
        }

        double max(String suffix, String log) {
            return values(suffix, log).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }
}
