package mrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mrs.config.MrsConfig;
import mrs.demo.DemoDay;
import mrs.demo.Scenario;
import mrs.it.MiniClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SLOW (~100 s per seed on 2 cores: a full scenario run of two jobs each). The demo day's case
 * trajectories should not hang on one draw of the background noise: with two other seeds of the estate
 * (and three weeks of history instead of four) every case study and validation should still pass, because
 * the confidences come from the attribution model reading the evidence, not from the scenario. Disabled
 * while they do not (the reason lists what fails under which seed).
 */
class DemoDaySeedsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.Disabled("case 3 now holds under seeds 7 and 424242 (21 and 28 days), but other cases do"
            + " not: with 28 days seed 7 fails 8-norwich (latest proposal 0.42 < 0.48: the event's latest report is a"
            + " convenience store at 10.2x over 2 windows) and seed 424242 fails 1-tiktok (latest 0.53 < 0.62); with 21"
            + " days also 2-till-fault (seed 7: 4 of 10 stores in the event; seed 424242: Till Fault 0.44 > 0.30) and"
            + " V3-replay (seed 424242: case 3's event has 55 proposals in the first run, 49 in the second). The"
            + " confidence failures share a cause: an event's confidence is its latest proposal (ties: lowest report"
            + " id), so a single store's report decides it, and under these seeds that store's measured lift falls in"
            + " another magnitude bin")
    @ParameterizedTest
    @ValueSource(longs = {7L, 424242L})
    void theDayHoldsUnderAnotherBackgroundSeed(long seed) throws Exception {
        Scenario s = DemoDay.scenario();
        s = s.withEstate(s.estate().withSeed(seed).withDays(21));
        MrsConfig cfg = MrsConfig.defaults().with(Map.of("mrs.data-dir", tmp.resolve("data").toString(),
                "mrs.job.checkpoint-interval", "PT5S"));
        ScenarioRun.Outcome run = ScenarioRun.run(s, cfg, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        List<DemoDayReport.Verdict> verdicts = DemoDayReport.validate(run);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int failed = DemoDayReport.print(verdicts, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(failed).as("seed " + seed + "\n" + out.toString(StandardCharsets.UTF_8)).isZero();
    }
}
