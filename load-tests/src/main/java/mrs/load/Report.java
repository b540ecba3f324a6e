package mrs.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import mrs.udfs.detect.BaselineState;
import mrs.udfs.detect.SeasonalDetector;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Renders a {@link Benchmark.Results} as the results file, and the machine description. */
final class Report {
    private Report() {}

    static String markdown(Benchmark.Results r) {
        Benchmark.Options o = r.options();
        StringBuilder b = new StringBuilder();
        b.append("# MRS pipeline benchmark\n\n");
        b.append("Run ").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(String.format(Locale.ROOT, "%.0f s", r.wallTime().toMillis() / 1000.0))
                .append(" wall time: `mrs.load.Benchmark ").append(String.join(" ", o.args)).append("`\n\n");

        b.append("## Machine\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| cores | ").append(Runtime.getRuntime().availableProcessors()).append(" (").append(cpuModel()).append(") |\n");
        b.append("| memory | ").append(gib(totalMemory())).append(" |\n");
        b.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", max heap ")
                .append(gib(Runtime.getRuntime().maxMemory())).append(", GC ").append(gcNames()).append(" |\n");
        b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(" |\n");
        b.append("| load average (1/5/15 min) | ").append(r.loadBefore()).append(" at the start, ").append(r.loadAfter())
                .append(" at the end (other processes on the machine compete for its cores) |\n");
        b.append("| Flink / Kafka | Flink ").append(flinkVersion()).append(" MiniCluster and a Kafka ")
                .append(kafkaVersion()).append(" KRaft broker, both inside the benchmark JVM |\n\n");

        SalesPublisher.Result p = r.published();
        b.append("## Workload\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| estate | ").append(String.format(Locale.ROOT, "%,d stores × %,d SKUs = %,d keys, %d h of hourly sales",
                o.stores, o.skus, r.estate().keys(), r.estate().hours()))
                .append(", seed ").append(o.seed).append(" |\n");
        b.append("| sales events | ").append(String.format(Locale.ROOT, "%,d (%,.0f MB of JSON, %.0f bytes each), %,d distinct keys",
                p.events(), p.bytes() / 1e6, p.events() > 0 ? p.bytes() / (double) p.events() : 0, p.keys())).append(" |\n");
        b.append("| published | ").append(o.rate > 0
                ? String.format(Locale.ROOT, "at %,.0f events/s while the full pipeline ran (live)", o.rate)
                : String.format(Locale.ROOT, "before the jobs, as fast as possible: %,.0f events/s (%.1f s); the jobs then catch up on the backlog",
                        p.eventsPerSecond(), p.seconds())).append(" |\n");
        b.append("| job | parallelism ").append(o.parallelism).append(", ").append(o.parallelism)
                .append(" partitions, ").append(o.stateBackend.equals("rocksdb")
                        ? "RocksDB state backend with incremental checkpoints" : "heap (hashmap) state backend")
                .append(", checkpoints to local files every ").append(o.checkpointInterval)
                .append(", exactly once |\n");
        b.append("| full pipeline sinks | ").append(o.icebergSinks
                ? "the real Iceberg sinks (`IcebergSinks`) on a temporary embedded catalog (JDBC on SQLite, local warehouse)"
                : "discarded (`--sinks discard`)").append(" |\n");
        b.append("| detector | `mrs.detector.warmup-days=").append(o.warmupDays)
                .append("` (job default 7); every other option at its default |\n\n");

        b.append("## Results\n\n");
        b.append("| figure | value |\n|---|---|\n");
        row(b, "events/s, full MRS pipeline", fmt(r.full().eventsPerSecond()));
        row(b, "events/s, bare ceiling (Kafka → parse → keyBy → discard)", fmt(r.ceiling().eventsPerSecond()));
        row(b, "ratio full / ceiling", String.format(Locale.ROOT, "%.2f", r.ratio()));
        row(b, "latency window close → report emitted, p50", ms(r.p50()));
        row(b, "latency window close → report emitted, p99", ms(r.p99()));
        row(b, "state bytes per key", String.format(Locale.ROOT, "%,.0f", r.bytesPerKey()));
        row(b, "checkpoint duration (complete state)", ms(r.finalCheckpointMillis()));
        b.append('\n');

        b.append("Details:\n\n");
        b.append(String.format(Locale.ROOT, "- full pipeline: %,d events in %.1f s (%.1f s from job submission, start-up included); "
                        + "about %,d (store, SKU) windows assessed, %,.0f windows/s%n",
                r.full().events(), r.full().seconds(), r.full().jobSeconds(), p.keyWindows(),
                r.full().seconds() > 0 ? p.keyWindows() / r.full().seconds() : 0));
        b.append(String.format(Locale.ROOT, "- ceiling: %,d events in %.1f s (%.1f s from job submission to finished)%n",
                r.ceiling().events(), r.ceiling().seconds(), r.ceiling().jobSeconds()));
        b.append(String.format(Locale.ROOT, "- latency: %,d report revisions measured (%d without a matching window close); "
                        + "max %s; measured from the last detector subtask's window close instead: p50 %s, p99 %s; "
                        + "of which window close → episode operator's watermark past the window: p50 %s, p99 %s%n",
                r.latenciesFirst().size(), r.reportsUnmatched(),
                ms(r.latenciesFirst().isEmpty() ? -1 : r.latenciesFirst().get(r.latenciesFirst().size() - 1)),
                ms(Benchmark.percentile(r.latenciesLast(), 0.5)), ms(Benchmark.percentile(r.latenciesLast(), 0.99)),
                ms(Benchmark.percentile(r.closeToEpisode(), 0.5)), ms(Benchmark.percentile(r.closeToEpisode(), 0.99))));
        b.append(String.format(Locale.ROOT, "- state: detector operator %,d bytes for %,d keys; whole job %,d bytes "
                        + "(%,.0f per key); one warm `BaselineState` serializes to %d bytes%n",
                r.detectorStateBytes(), r.keys(), r.jobStateBytes(),
                r.keys() > 0 ? r.jobStateBytes() / (double) r.keys() : 0, r.serializedBaselineBytes()));
        b.append(String.format(Locale.ROOT, "- complete-state checkpoint: %s end to end; detector sync %s, async %s%n",
                ms(r.finalCheckpointMillis()), ms(r.finalCheckpointSyncMillis()), ms(r.finalCheckpointAsyncMillis())));
        List<Long> periodic = r.periodicCheckpointMillis().stream().sorted().toList();
        if (periodic.isEmpty()) {
            b.append("- periodic checkpoints during the run: none completed");
        } else {
            b.append(String.format(Locale.ROOT, "- periodic checkpoints during the run: %d completed, duration median %s, max %s; "
                            + "largest %,d bytes",
                    periodic.size(), ms(Benchmark.percentile(periodic, 0.5)), ms(periodic.get(periodic.size() - 1)),
                    r.periodicCheckpointBytes().stream().mapToLong(Long::longValue).max().orElse(0)));
        }
        b.append(String.format(Locale.ROOT, "%s%n%n", r.failedCheckpoints() > 0 ? "; " + r.failedCheckpoints() + " failed" : ""));

        b.append("## How each figure is measured\n\n");
        b.append("- **events/s**: sales events ÷ seconds from the first event parsed (the `parse-sales-accepted` counter "
                + "leaving 0, sampled every 2 ms through an in-process metric reporter) to the end. For the ceiling the end is "
                + "the counter reaching the number published; for the full pipeline it is the moment the last detector "
                + "subtask's input watermark reaches the final sales watermark (every event parsed, keyed, windowed and every "
                + "window that can close assessed). Both jobs read the same topic from the beginning, each with its own "
                + "consumer group, one after the other (the ceiling first; after the full pipeline with `--rate`), with "
                + "the job's checkpointing on.\n");
        b.append("- **latency window close → report emitted**: for each report revision, the wall-clock time it leaves the "
                + "episode operator (a map chained in front of the report sink) minus the wall-clock time the window it "
                + "reports on closed, i.e. the first `sku-window-detector` subtask's input watermark reached the window's "
                + "end − 1 ms (the moment its event-time timers fire). The window is the newest one in the revision "
                + "(`written_at`). This includes the detector's sweep over every key's timers for that hour, the shuffle "
                + "to the episode operator, its buffering until its own watermark passes the window, and network buffer "
                + "timeouts (100 ms). Watermarks are sampled every 2 ms. Revisions come from the planted spikes "
                + "(the two best sellers ×6 for two hours in the busiest 5% of the stores on day 3) and the detector's own "
                + "false positives. The episode operator only emits once its own watermark has passed the window, and the "
                + "detector forwards the watermark only after firing that hour's timers for every key it holds, so the "
                + "latency grows with the number of keys per detector subtask.\n");
        b.append("- **state bytes per key**: state size of the `sku-window-detector` vertex in a full checkpoint taken once "
                + "the pipeline has caught up (from Flink's checkpoint statistics) ÷ distinct (store, SKU) keys published. It holds "
                + "per key the baseline (with its TTL timestamp), the last-sale marker, the open window and its two timers, "
                + "and the key itself, in the heap backend's snapshot format.\n");
        b.append("- **checkpoint duration**: end-to-end duration (trigger to last acknowledgement, from Flink's checkpoint "
                + "statistics) of that complete-state checkpoint, plus the periodic checkpoints taken during the run, "
                + "which also wait for barrier alignment under backpressure.\n");
        return b.toString();
    }

    /** The headline figures for the console. */
    static String summary(Benchmark.Results r) {
        return String.format(Locale.ROOT,
                "events/s full MRS pipeline   %s (%,.0f (store, SKU) windows/s)%n"
                        + "events/s bare ceiling        %s%n"
                        + "ratio full / ceiling         %.2f%n"
                        + "latency p50 / p99            %s / %s (%d report revisions)%n"
                        + "state bytes per key          %,.0f (%,d keys)%n"
                        + "checkpoint duration          %s (complete state)%n"
                        + "load average                 %s at the start, %s at the end%n",
                fmt(r.full().eventsPerSecond()),
                r.full().seconds() > 0 ? r.published().keyWindows() / r.full().seconds() : 0,
                fmt(r.ceiling().eventsPerSecond()), r.ratio(), ms(r.p50()), ms(r.p99()),
                r.latenciesFirst().size(), r.bytesPerKey(), r.keys(), ms(r.finalCheckpointMillis()), r.loadBefore(),
                r.loadAfter());
    }

    /** The 1, 5 and 15 minute load averages, or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    static String machineLine() {
        return String.format(Locale.ROOT, "%d cores, %s RAM, %s %s, %s %s",
                Runtime.getRuntime().availableProcessors(), gib(totalMemory()), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** Bytes of one warm baseline (three days of hourly windows) under Flink's POJO serializer. */
    static int serializedBaselineBytes(int warmupDays) {
        try {
            SeasonalDetector detector = SeasonalDetector.calendar(Duration.ofHours(1));
            BaselineState s = detector.newState();
            long t = Instant.parse("2025-08-10T00:00:00Z").toEpochMilli();
            for (int h = 0; h < 24 * Math.max(3, warmupDays); h++) {
                detector.update(s, t + h * 3_600_000L, 3 + (h % 24) / 4.0);
            }
            TypeSerializer<BaselineState> ser =
                    TypeInformation.of(BaselineState.class).createSerializer(new SerializerConfigImpl());
            DataOutputSerializer out = new DataOutputSerializer(1024);
            ser.serialize(s, out);
            return out.length();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(double eventsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }

    private static String ms(long millis) {
        return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%,d ms", millis);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String gcNames() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse(System.getProperty("os.arch"));
            } catch (IOException | RuntimeException e) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }

    private static String flinkVersion() {
        String v = org.apache.flink.runtime.util.EnvironmentInformation.getVersion();
        return v == null ? "?" : v;
    }

    private static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }
}
