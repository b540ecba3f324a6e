package mrs.load.jmh;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import mrs.config.MrsConfig;
import mrs.topology.Detection;
import mrs.udfs.detect.Assessment;
import mrs.udfs.detect.BaselineState;
import mrs.udfs.detect.SeasonalDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seasonal detector's cost per observation, as the streaming job pays it for every (store, SKU)
 * window: {@code assess} (the verdict against the baseline) then {@code update} (learning the window),
 * with the job's detector (hourly windows, UK calendar, default thresholds).
 *
 * <p>{@link #assessAndUpdate} cycles over {@value #KEYS} warm baselines (one per key, as in the job,
 * so the state is not always in L1), each getting its next hour, units drawn from a daily profile
 * around 6 an hour. {@link #assessOnly} and {@link #updateOnly} split the two.
 *
 * <pre>
 * java -cp load-tests/target/load-tests-0.1.0-SNAPSHOT-all.jar org.openjdk.jmh.Main Detector -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DetectorBenchmark {
    static final int KEYS = 4096;
    private static final long HOUR = 3_600_000L;
    private static final double[] PROFILE = {
        .01, .005, .005, .005, .005, .01, .12, .35, .55, .55, .62, .78,
        1.0, .92, .68, .64, .74, .92, .95, .75, .52, .34, .17, .04};

    private SeasonalDetector detector;
    private BaselineState[] states;
    private long[] nextHour;
    private double[] units;
    private int key;
    private int draw;

    @Setup(Level.Trial)
    public void setUp() {
        detector = Detection.detector(MrsConfig.defaults());
        states = new BaselineState[KEYS];
        nextHour = new long[KEYS];
        SplittableRandom r = new SplittableRandom(42);
        units = new double[1 << 16];
        for (int i = 0; i < units.length; i++) {
            units[i] = poisson(r, 6.0 * PROFILE[i % 24] * (0.7 + 0.6 * r.nextDouble()));
        }
        long start = Instant.parse("2025-08-01T00:00:00Z").toEpochMilli();
        for (int k = 0; k < KEYS; k++) {
            states[k] = detector.newState();
            long t = start;
            // Three weeks of history: warm, past the 7-day warm-up, as a key is in steady state.
            for (int h = 0; h < 21 * 24; h++, t += HOUR) {
                detector.update(states[k], t, units[(k * 31 + h) & (units.length - 1)]);
            }
            nextHour[k] = t;
        }
    }

    @Benchmark
    public Assessment assessAndUpdate() {
        int k = key = (key + 1) & (KEYS - 1);
        double actual = units[draw = (draw + 1) & (units.length - 1)];
        long t = nextHour[k];
        nextHour[k] = t + HOUR;
        Assessment a = detector.assess(states[k], t, actual);
        detector.update(states[k], t, actual);
        return a;
    }

    @Benchmark
    public Assessment assessOnly() {
        int k = key = (key + 1) & (KEYS - 1);
        return detector.assess(states[k], nextHour[k], units[draw = (draw + 1) & (units.length - 1)]);
    }

    @Benchmark
    public BaselineState updateOnly() {
        int k = key = (key + 1) & (KEYS - 1);
        long t = nextHour[k];
        nextHour[k] = t + HOUR;
        detector.update(states[k], t, units[draw = (draw + 1) & (units.length - 1)]);
        return states[k];
    }

    private static int poisson(SplittableRandom r, double lambda) {
        double limit = Math.exp(-lambda);
        double p = r.nextDouble();
        int n = 0;
        while (p > limit) {
            n++;
            p *= r.nextDouble();
        }
        return n;
    }
}
