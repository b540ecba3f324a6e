package mrs.load.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mrs.demo.EstateJson;
import mrs.demo.SaleLine;
import mrs.load.ScaleEstate;
import mrs.records.SaleEvent;
import mrs.serde.InvalidRecordException;
import mrs.serde.SalesDeserializer;
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
 * {@code SalesDeserializer.parse} per JSON line: Jackson tree parsing plus the contract's validation
 * (ids, ISO-8601 event time with offset, units, decimal revenue, currency), as {@code parse-sales} runs it
 * for every record. The lines are {@value #LINES} real sales records of the load-test estate (the
 * {@code mrs.sales} JSON the benchmark publishes, ~250 bytes each), parsed in turn.
 * {@link #decodeAndParse} adds the UTF-8 decoding of the Kafka record value that precedes it in the job.
 *
 * <pre>
 * java -cp load-tests/target/load-tests-0.1.0-SNAPSHOT-all.jar org.openjdk.jmh.Main SalesParser -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SalesParserBenchmark {
    static final int LINES = 1024;

    private SalesDeserializer parser;
    private String[] lines;
    private byte[][] bytes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ScaleEstate estate = new ScaleEstate(50, 40, 24, 7L, 1);
        List<String> all = new ArrayList<>();
        for (int h = 8; all.size() < LINES && h < 24; h++) {
            for (SaleLine l : estate.generator().salesInHour(estate.hourStart(h))) {
                all.add(EstateJson.sale(l));
                if (all.size() == LINES) {
                    break;
                }
            }
        }
        lines = all.toArray(String[]::new);
        bytes = new byte[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            bytes[i] = lines[i].getBytes(StandardCharsets.UTF_8);
        }
        // A fixed wall clock: the "far in the future" check passes for the 2025 history.
        long now = estate.hourStart(24).toEpochMilli();
        parser = new SalesDeserializer(Duration.ofDays(1), () -> now);
    }

    @Benchmark
    public SaleEvent parse() throws InvalidRecordException {
        next = (next + 1) % lines.length;
        return parser.parse(lines[next]);
    }

    @Benchmark
    public SaleEvent decodeAndParse() throws InvalidRecordException {
        next = (next + 1) % lines.length;
        return parser.parse(new String(bytes[next], StandardCharsets.UTF_8));
    }
}
