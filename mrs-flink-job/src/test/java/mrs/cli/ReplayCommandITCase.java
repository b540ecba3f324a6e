package mrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mrs.ddl.CatalogSettings;
import mrs.it.MiniClusters;
import mrs.sql.SqlRunner;
import mrs.udfs.ids.Ids;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mrs replay} end to end (slow, ~10 s): a small hand-written JSON-lines feed (one store, nine
 * days, a two-hour spike on the last day, two malformed lines) through the embedded broker and job.
 */
class ReplayCommandITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    Path tmp;

    @Test
    void replayReportsTheObviousSpikeAndRefusesTheMalformedLines() throws Exception {
        Path sales = Path.of(getClass().getResource("/replay/sales.jsonl").toURI());
        Path stores = Path.of(getClass().getResource("/replay/stores.jsonl").toURI());
        Path data = tmp.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Mrs.run(new String[] {"replay", "--sales", sales.toString(), "--stores", stores.toString(),
                        "--data-dir", data.toString(), "--set", "mrs.job.checkpoint-interval=PT1S"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();

        String spikeId = Ids.reportId("LON-001", Instant.parse("2025-08-12T12:00:00Z").toEpochMilli());
        assertThat(printed).contains(spikeId).contains("London");
        SqlRunner sql = new SqlRunner(CatalogSettings.embedded(data.toAbsolutePath()));
        List<Row> reports = sql.query("SELECT DISTINCT report_id, direction FROM minority_reports_detected_log").rows();
        assertThat(reports).extracting(r -> r.getField(0)).containsExactly(spikeId);
        assertThat(reports).extracting(r -> r.getField(1)).containsExactly("SPIKE");
        List<Row> errors = sql.query("SELECT raw_payload, error FROM sales_errors").rows();
        assertThat(errors).hasSize(2);
        assertThat(errors).extracting(r -> (String) r.getField(0)).anyMatch(p -> p.contains("bad1")).anyMatch(p -> p.contains("bad2"));
        assertThat(errors).extracting(r -> (String) r.getField(1)).anyMatch(e -> e.contains("event_time")).anyMatch(e -> e.contains("JSON"));
    }
}
