package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.serde.ActionJson;
import mrs.sql.SqlRunner;
import mrs.udfs.attribution.AttributionModel;
import mrs.udfs.hitl.AnalystAction;
import mrs.udfs.hitl.Roster;
import mrs.udfs.hitl.Signer;
import mrs.udfs.hitl.TargetKind;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed analyst actions on the real topology (slow, ~40 s): the scenario of {@link AttributionITCase}
 * runs once without human input (ids are deterministic, so they can be read off), then again with a
 * feed of actions: a valid edit with a cause outside the taxonomy, the same action replayed, an
 * unsigned, a wrongly signed and a non-roster action, a confirmation and a rejection.
 */
class AnalystActionsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static final MrsConfig CFG = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");
    static final Roster ROSTER = Roster.load();
    static final long LATER = TestData.LONDON_SPIKE + 30 * TestData.HOUR;

    static String reportLon;
    static String eventLon;
    static String eventBhm;
    static CatalogSettings withActions;

    static CatalogSettings run(Path dir, List<String> actions) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dir);
        MiniClusters.runBounded("analyst-actions-it", catalog, CFG,
                TestData.salesLines(TestData.LONDON_DAY_STORES, TestData.LONDON_DAY_SHOCKS),
                TestData.storeLines(TestData.LONDON_DAY_STORES), AttributionITCase.SIGNALS, actions,
                new AttributionModel()::propose);
        return catalog;
    }

    static List<Row> q(CatalogSettings c, String sql) throws Exception {
        return new SqlRunner(c).query(sql).rows();
    }

    static AnalystAction action(String id, String analyst, long at, TargetKind kind, String target, String what,
            String cause, String reason) {
        return new AnalystAction(id, analyst, at, kind, target, what, cause, null, null, null, reason, null);
    }

    static String signed(AnalystAction a) {
        return ActionJson.toJson(Signer.signed(a, ROSTER.lookup(a.analyst()).orElseThrow().key()));
    }

    @BeforeAll
    static void runTwice() throws Exception {
        CatalogSettings plain = run(tmp.resolve("plain"), null);
        Map<String, String> groups = q(plain, "SELECT DISTINCT store_id, report_group_id FROM minority_reports_cohort_log").stream()
                .collect(Collectors.toMap(r -> (String) r.getField(0), r -> (String) r.getField(1)));
        eventLon = groups.get("LON-001");
        eventBhm = groups.get("BHM-001");
        reportLon = (String) q(plain, "SELECT DISTINCT report_id FROM minority_reports_detected_log WHERE store_id = 'LON-001'")
                .get(0).getField(0);

        AnalystAction edit = action("A-EDIT", "alice", LATER, TargetKind.REPORT, reportLon, "edit_attribution",
                "Podcast Mention", "transcript of Tuesday's episode names the bar");
        AnalystAction confirm = action("A-CONFIRM", "bob", LATER + 60_000, TargetKind.EVENT, eventBhm, "confirm",
                null, "store manager confirms the queue");
        AnalystAction reject = action("A-REJECT", "alice", LATER + 120_000, TargetKind.EVENT, eventLon,
                "reject_false_positive", null, "ops email: till test in the London stores");
        AnalystAction unsigned = action("A-UNSIGNED", "alice", LATER, TargetKind.EVENT, eventLon, "confirm", null, "no signature");
        AnalystAction forged = Signer.signed(action("A-FORGED", "bob", LATER, TargetKind.EVENT, eventLon, "confirm", null, "x"),
                ROSTER.lookup("alice").orElseThrow().key()); // signed with someone else's key
        AnalystAction stranger = Signer.signed(action("A-STRANGER", "mallory", LATER, TargetKind.EVENT, eventLon, "confirm",
                null, "not on the roster"), ROSTER.lookup("alice").orElseThrow().key());
        withActions = run(tmp.resolve("actions"), List.of(
                signed(edit), signed(edit), ActionJson.toJson(unsigned), ActionJson.toJson(forged),
                ActionJson.toJson(stranger), signed(confirm), signed(reject), "{not an action"));
    }

    @Test
    void unsignedWronglySignedReplayedAndNonRosterActionsAreRefusedAndLogged() throws Exception {
        Map<String, String> refused = q(withActions, "SELECT action_id, category FROM analyst_actions_refused").stream()
                .collect(Collectors.toMap(r -> String.valueOf(r.getField(0)), r -> (String) r.getField(1)));
        assertThat(refused).containsEntry("A-UNSIGNED", "UNSIGNED")
                .containsEntry("A-FORGED", "BAD_SIGNATURE")
                .containsEntry("A-STRANGER", "UNKNOWN_ANALYST")
                .containsEntry("A-EDIT", "REPLAYED")
                .containsEntry("null", "MALFORMED")
                .hasSize(5);
    }

    @Test
    void aValidEditSupersedesTheMachineCauseWhileTheMachineRowStays() throws Exception {
        Row h = q(withActions, "SELECT analyst_cause, final_cause, cause FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id"
                + " ORDER BY written_at DESC, processed_at DESC) AS rn FROM minority_reports WHERE report_id = '" + reportLon + "') WHERE rn = 1")
                .get(0);
        assertThat(h.getField(0)).isEqualTo("Podcast Mention");
        assertThat(h.getField(1)).isEqualTo("Podcast Mention");
        assertThat(h.getField(2)).isNotEqualTo("Podcast Mention"); // the machine's cause, kept
        assertThat(q(withActions, "SELECT cause FROM minority_reports_proposed_attribution_log WHERE report_id = '" + reportLon + "'"))
                .isNotEmpty().noneMatch(r -> "Podcast Mention".equals(r.getField(0)));
        Row edit = q(withActions, "SELECT analyst, cause, novel_cause, reason FROM edit_logs WHERE action_id = 'A-EDIT'").get(0);
        assertThat(edit.getField(0)).isEqualTo("alice");
        assertThat(edit.getField(2)).isEqualTo(true); // outside the taxonomy: kept and flagged
        assertThat((String) edit.getField(3)).contains("transcript");
    }

    @Test
    void aConfirmationChangesTheEventStatusAndARejectionReleasesTheProtection() throws Exception {
        assertThat(lastStatus(eventBhm)).startsWith("CONFIRMED");
        assertThat(lastStatus(eventLon)).startsWith("REJECTED_FALSE_POSITIVE");
        List<Row> release = q(withActions, "SELECT directive_type, event_status FROM model_protection_log WHERE report_group_id = '"
                + eventLon + "' AND directive_type = 'RELEASE'");
        assertThat(release).singleElement().satisfies(r -> assertThat(r.getField(1)).isEqualTo("REJECTED_FALSE_POSITIVE"));
        List<Row> decisions = q(withActions, "SELECT action_id, analyst, reason FROM minority_reports_finalisation_log ORDER BY action_id");
        assertThat(decisions).extracting(r -> r.getField(0)).containsExactly("A-CONFIRM", "A-REJECT");
    }

    @Test
    void theAuditTrailOfAReportListsEveryStageInOrder() throws Exception {
        List<Row> trail = q(withActions, "SELECT stage, event_at, actor FROM report_audit_trail WHERE report_id = '" + reportLon
                + "' ORDER BY event_at, stage_order");
        List<String> stages = trail.stream().map(r -> (String) r.getField(0)).toList();
        assertThat(stages).startsWith("detected", "clustered", "attribution")
                .contains("ended", "cohort", "edit")
                .containsSubsequence("detected", "attribution", "ended", "edit");
        assertThat(stages.stream().filter("attribution"::equals).count())
                .isEqualTo(q(withActions, "SELECT count(*) FROM minority_reports_proposed_attribution_log WHERE report_id = '"
                        + reportLon + "'").get(0).<Long>getFieldAs(0));
        assertThat(trail).anyMatch(r -> "edit".equals(r.getField(0)) && "alice".equals(r.getField(2)));
        List<Row> event = q(withActions, "SELECT stage FROM event_audit_trail WHERE report_group_id = '" + eventLon
                + "' ORDER BY event_at, stage_order");
        assertThat(event).extracting(r -> r.getField(0)).contains("detected", "event", "finalisation", "directive");
        List<Row> register = q(withActions, "SELECT period_day, cause, reports, overrides, override_rate FROM override_register WHERE overrides > 0");
        assertThat(register).singleElement().satisfies(r -> {
            assertThat(((Number) r.getField(3)).longValue()).isEqualTo(1L);
            assertThat((Double) r.getField(4)).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        });
    }

    static String lastStatus(String group) throws Exception {
        return (String) q(withActions, "SELECT status FROM minority_events_log WHERE report_group_id = '" + group
                + "' ORDER BY written_at DESC LIMIT 1").get(0).getField(0);
    }
}
