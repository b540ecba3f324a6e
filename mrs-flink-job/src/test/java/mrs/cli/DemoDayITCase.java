package mrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mrs.config.MrsConfig;
import mrs.demo.DemoDay;
import mrs.it.MiniClusters;
import mrs.sql.SqlRunner;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo day end to end, as {@code mrs validate} runs it (slow, ~2 minutes on 2 cores: the full
 * scenario, two runs on the embedded broker): every case study and validation passes, and the demo's
 * event table, the {@code minority_events_log} current view and the protection log agree.
 */
class DemoDayITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static ScenarioRun.Outcome run;
    static String log;

    @BeforeAll
    static void runTheDay() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MrsConfig cfg = MrsConfig.defaults().with(Map.of("mrs.data-dir", tmp.resolve("data").toString(),
                "mrs.job.checkpoint-interval", "PT5S"));
        run = ScenarioRun.run(DemoDay.scenario(), cfg, new PrintStream(out, true, StandardCharsets.UTF_8));
        log = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCaseStudyAndValidationPasses() {
        List<DemoDayReport.Verdict> verdicts = DemoDayReport.validate(run);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int failed = DemoDayReport.print(verdicts, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(verdicts).hasSize(11);
        assertThat(failed).as(report).isZero();
        assertThat(report).contains("11/11 PASS");
    }

    @Test
    void theEventTableAgreesWithTheEventsViewAndTheProtectionLog() throws Exception {
        SqlRunner sql = new SqlRunner(run.catalog());
        Map<String, Row> current = sql.query("SELECT report_group_id, cause, confidence, status, priority, store_count"
                + " FROM minority_events_current").rows().stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> r));
        Map<String, String> lastDirective = new TreeMap<>();
        Map<String, Long> lastAt = new TreeMap<>();
        for (Row r : sql.query("SELECT report_group_id, event_status, written_at FROM model_protection_log").rows()) {
            String g = (String) r.getField(0);
            long at = ScenarioRun.millis(r.getField(2));
            if (!lastAt.containsKey(g) || at >= lastAt.get(g)) {
                lastAt.put(g, at);
                lastDirective.put(g, (String) r.getField(1));
            }
        }
        List<DemoDayReport.EventLine> table = DemoDayReport.table(run);
        assertThat(table).hasSize(run.plan().scenario().cases().size());
        for (DemoDayReport.EventLine l : table) {
            assertThat(l.eventId()).as(l.caseId()).isNotNull();
            Row row = current.get(l.eventId());
            assertThat(row).as(l.caseId()).isNotNull();
            assertThat(l.finalCause()).as(l.caseId()).isEqualTo(row.getField(1));
            assertThat(l.confidence()).as(l.caseId()).isEqualTo(row.getField(2));
            assertThat(l.status()).as(l.caseId()).isEqualTo(row.getField(3));
            assertThat(l.priority()).as(l.caseId()).isEqualTo(row.getField(4));
            assertThat(l.stores()).as(l.caseId()).isEqualTo(((Number) row.getField(5)).intValue());
            String status = l.status().replace("_DEGRADED", "");
            if (List.of("AUTO_CONFIRMED", "CONFIRMED", "FINALISED", "REJECTED_FALSE_POSITIVE").contains(status)) {
                assertThat(lastDirective.get(l.eventId())).as(l.caseId() + " protection").isEqualTo(status);
            } else {
                assertThat(lastDirective).as(l.caseId() + " protection").doesNotContainKey(l.eventId());
            }
        }
    }

    @Test
    void theAnalystsActedOnlyThroughSignedActionsThatWereAccepted() throws Exception {
        SqlRunner sql = new SqlRunner(run.catalog());
        assertThat(sql.query("SELECT action_id, category, reason FROM analyst_actions_refused").rows()).isEmpty();
        long accepted = sql.query("SELECT action_id FROM edit_logs UNION ALL SELECT action_id FROM"
                + " minority_reports_finalisation_log").rows().size();
        long planned = run.plan().scenario().cases().stream().mapToLong(c -> c.actions().size()).sum();
        assertThat(accepted).isEqualTo(planned);
        assertThat(log).contains("analyst actions signed");
    }
}
