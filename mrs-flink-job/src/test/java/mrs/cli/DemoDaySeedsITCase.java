package mrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import mrs.config.MrsConfig;
import mrs.demo.DemoDay;
import mrs.demo.EstateGenerator;
import mrs.demo.ScenarioPlan;
import mrs.demo.Scenario;
import mrs.it.MiniClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SLOW (about 30-60 s per seed on 2 cores: a full scenario run of two jobs each). The demo day's case
 * trajectories do not hang on one draw of the background noise: under other seeds of the estate
 * (everything else as the demo day: 28 days of history, same stores, same cases) every case study and
 * validation still passes, because the confidences come from the attribution model reading the evidence
 * and an event's confidence is the consensus of its reports, not whichever report refreshed last.
 *
 * <p>The seeds are the ones that found real faults: under 1 the replay differed by one proposal (an
 * episode's end timer deleted a buffered window's timer), a third window with one noisy SKU erased the
 * feed-gap pattern (Feed Corruption 1.00 fell to 0.63) and the till fault split in two events at the
 * Low/Medium boundary; under 99 the Waterloo station split by primary SKU. 424242 is a plain other draw.
 * {@code mrs validate --seed N} checks any other (measured 11/11 for 0, 1, 2, 3, 5, 7, 11, 13, 42, 99, 2024
 * and 424242; 13 needed the TV feature at 5x, see DemoDay#tvFeature).
 */
class DemoDaySeedsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {1L, 99L, 424242L})
    void theDayHoldsUnderAnotherBackgroundSeed(long seed) throws Exception {
        Scenario s = DemoDay.scenario();
        assertThat(seed).isNotEqualTo(s.estate().seed());
        Scenario other = s.withEstate(s.estate().withSeed(seed));
        // The background really is another draw: the same hour of the demo day sells differently.
        Instant hour = Instant.ofEpochMilli(ScenarioPlan.millis(LocalDateTime.of(2025, 8, 12, 10, 0)));
        assertThat(new EstateGenerator(ScenarioPlan.resolve(other).estate()).salesInHour(hour))
                .isNotEmpty()
                .isNotEqualTo(new EstateGenerator(ScenarioPlan.resolve(s).estate()).salesInHour(hour));
        s = other;
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
