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

    @Test
    void anAnalystConfirmationChangesTheEventStatusInTheNextRollUpRow() throws Exception {
        Path sales = Path.of(getClass().getResource("/replay/sales.jsonl").toURI());
        Path stores = Path.of(getClass().getResource("/replay/stores.jsonl").toURI());
        Path data = tmp.resolve("loop");
        String[] replay = {"replay", "--sales", sales.toString(), "--stores", stores.toString(), "--data-dir", data.toString(),
                "--set", "mrs.job.checkpoint-interval=PT1S"};
        assertThat(Mrs.run(replay, new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        SqlRunner sql = new SqlRunner(CatalogSettings.embedded(data.toAbsolutePath()));
        String event = (String) sql.query("SELECT DISTINCT report_group_id FROM minority_events_log").rows().get(0).getField(0);
        String before = (String) sql.query("SELECT status FROM minority_events_log ORDER BY written_at DESC LIMIT 1").rows().get(0).getField(0);
        assertThat(before).doesNotStartWith("CONFIRMED");

        Path actions = tmp.resolve("actions.jsonl");
        assertThat(Mrs.run(new String[] {"analyst", "confirm", "--event", event, "--analyst", "alice", "--reason", "checked with the store",
                "--issued-at", "2025-08-12T20:00:00Z", "--out", actions.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err))
                .isZero();
        String[] withActions = java.util.Arrays.copyOf(replay, replay.length + 2);
        withActions[replay.length] = "--actions";
        withActions[replay.length + 1] = actions.toString();
        assertThat(Mrs.run(withActions, new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        SqlRunner after = new SqlRunner(CatalogSettings.embedded(data.toAbsolutePath()));
        List<Row> rows = after.query("SELECT status, written_at FROM minority_events_log WHERE report_group_id = '" + event
                + "' ORDER BY written_at DESC LIMIT 1").rows();
        assertThat((String) rows.get(0).getField(0)).startsWith("CONFIRMED");
        assertThat(after.query("SELECT analyst, reason FROM minority_reports_finalisation_log").rows())
                .singleElement().satisfies(r -> assertThat(r.getField(0)).isEqualTo("alice"));
    }
}
