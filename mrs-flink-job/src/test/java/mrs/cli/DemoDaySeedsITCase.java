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
 * SLOW (40-90 s per seed with 21 days on 2 cores, measured: a full scenario run of two jobs each). The
 * demo day's case trajectories should not hang on one draw of the background noise: with two other seeds of the estate
 * (and three weeks of history instead of four) every case study and validation should still pass, because
 * the confidences come from the attribution model reading the evidence, not from the scenario. Disabled
 * while they do not (the reason lists what fails under which seed).
 */
class DemoDaySeedsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.Disabled("measured on 8f63fbf (21 days, 41-42 s per seed): 9/11 under seed 7 and under"
            + " 424242. V3-replay and "
            + "6-waterloo now hold (the replay mismatch went with the store-dimension watermark fix; Waterloo's "
            + "0.23 was validate reading a moved report's proposals into the event, fixed in 8f63fbf). Still "
            + "failing: 8-norwich (seed 7, 0.42 < 0.48) and 1-tiktok (seed 424242, 0.53 < 0.62, also with 28 days):"
            + " at the latest proposal time 4 of the 5 Norwich reports then propose 0.66 and 8 of TikTok's 9 "
            + "propose 0.72, and the tie-break to the lowest report id picks the one outlier (NRW-002, a "
            + "convenience store at 11.3x; LON-012). And 2-till-fault with 21 days (seed 7: 4 of 10 stores in the "
            + "event; seed 424242: Till Fault 0.44 > 0.30; it holds with 28 days under 424242)")
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
