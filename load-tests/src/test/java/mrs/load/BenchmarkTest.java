package mrs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline benchmark end to end on a tiny estate (20 stores × 10 SKUs, ~10,000 events): embedded
 * broker, both jobs on a MiniCluster, real Iceberg sinks, and a results file with every figure measured
 * (a number, not "n/a"). About 12 s.
 */
class BenchmarkTest {
    private static final List<String> FIGURES = List.of(
            "events/s, full MRS pipeline",
            "events/s, bare ceiling (Kafka → parse → keyBy → discard)",
            "ratio full / ceiling",
            "latency window close → report emitted, p50",
            "latency window close → report emitted, p99",
            "state bytes per key",
            "checkpoint duration (complete state)");

    @Test
    void runsEndToEndOnATinyEstateAndWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.md");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Benchmark.run(new String[] {
                    "--stores", "20", "--skus", "10", "--checkpoint-interval", "PT2S",
                    "--out", out.toString(), "--work-dir", dir.resolve("work").toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        String console = stdout.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr:%n%s%nstdout:%n%s", stderr, console).isZero();
        assertThat(console).containsPattern("published [1-9][0-9,]* sales events")
                .contains("full pipeline caught up", "results written to");
        String md = Files.readString(out);
        for (String figure : FIGURES) {
            assertThat(md).as(figure).containsPattern(
                    "\\| " + Pattern.quote(figure) + " \\| [0-9][0-9,.]*( ms)? \\|");
        }
        assertThat(md).containsPattern("\\| cores \\| \\d+ ")
                .containsPattern("\\| memory \\| [0-9.]+ GiB \\|")
                .contains("| JVM | ", "| OS | ", "| estate | 20 stores × 10 SKUs = 200 keys, 63 h")
                .contains("## How each figure is measured");
        // The planted spikes were detected and reported: the latency has samples.
        assertThat(md).containsPattern("latency: [1-9][0-9]* report revisions measured");
    }

    @Test
    void helpAndBadArguments() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        assertThat(Benchmark.run(new String[] {"--help"}, out, err)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("--stores", "--rate", "--out");
        assertThat(Benchmark.run(new String[] {"--stores", "0"}, out, err)).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--sinks", "kafka"}, out, err)).isEqualTo(2);
        assertThat(Benchmark.run(new String[] {"--bogus", "1"}, out, err)).isEqualTo(2);
    }
}
