package mrs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttributionAccuracyTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return AttributionAccuracy.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpExplainsTheOptions() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--cases N", "--seed S", "--fit-temperature", "--taxonomy FILE");
    }

    @Test
    void printsAccuracyCalibrationAndConfusion() throws Exception {
        assertThat(run("--cases", "1500", "--seed", "9")).isZero();
        assertThat(out()).contains("top-1 detection-type accuracy", "top-1 cause accuracy",
                "calibration per tier", "Low", "Medium", "High", "per true cause", "confusion by detection type",
                "seed 9");
    }

    @Test
    void theSameSeedPrintsTheSameReport() throws Exception {
        run("--cases", "800", "--seed", "4");
        String first = out();
        out.reset();
        run("--cases", "800", "--seed", "4");
        assertThat(out()).isEqualTo(first);
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        assertThat(run("--cases", "many")).isEqualTo(2);
        assertThat(run("--cases", "0")).isEqualTo(2);
        assertThat(run("--seed")).isEqualTo(2);
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --frobnicate", "usage:");
    }
}
