package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.sql.SqlRunner;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's three validations and Minority Events on the real topology (slow, ~20 s): a TikTok
 * mention with a ten-store London spike, a competitor out of stock in Birmingham at the same time, a
 * Manchester store whose feed goes dead with a feed-health notice, and an eleventh London store a day
 * later that reopens the London event.
 */
class MinorityEventsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static final long HOUR = TestData.HOUR;
    static final long DAY = 24 * HOUR;
    static final long T = TestData.START.toEpochMilli() + 25 * DAY + 10 * HOUR;
    static final List<String> LONDON = List.of("LON-001", "LON-002", "LON-003", "LON-004", "LON-005", "LON-006",
            "LON-007", "LON-008", "LON-009", "LON-010");
    static final List<String> STORES = new ArrayList<>(LONDON);

    static {
        STORES.addAll(List.of("LON-011", "BHM-001", "MAN-001", "BHM-002"));
    }

    static final List<TestData.Shock> SHOCKS = List.of(
            new TestData.Shock(LONDON, "SKU-A", T, 6, 4.0),
            new TestData.Shock(List.of("BHM-001"), "SKU-A", T, 8, 3.5),
            new TestData.Shock(List.of("LON-011"), "SKU-A", T + DAY + 2 * HOUR, 4, 4.0),
            new TestData.Shock(List.of("MAN-001"), "SKU-A", T - DAY, 4, 0.0),
            new TestData.Shock(List.of("MAN-001"), "SKU-B", T - DAY, 4, 0.0),
            new TestData.Shock(List.of("MAN-001"), "SKU-C", T - DAY, 4, 0.0),
            // the same fault on a Saturday, at a store in another city
            new TestData.Shock(List.of("BHM-002"), "SKU-A", T + DAY, 4, 0.0),
            new TestData.Shock(List.of("BHM-002"), "SKU-B", T + DAY, 4, 0.0),
            new TestData.Shock(List.of("BHM-002"), "SKU-C", T + DAY, 4, 0.0));
    static String feedHealth(String id, String store, long from) {
        return "{\"signal_id\":\"" + id + "\",\"kind\":\"feed_health\",\"source\":\"feed-monitor\",\"observed_at\":\""
                + Instant.ofEpochMilli(from + 30 * 60_000) + "\",\"valid_from\":\"" + Instant.ofEpochMilli(from)
                + "\",\"valid_to\":\"" + Instant.ofEpochMilli(from + 5 * HOUR)
                + "\",\"store_ids\":[\"" + store + "\"],\"strength\":0.9,\"issue\":\"corruption\"}";
    }

    static final List<String> SIGNALS = List.of(
            TestData.signal("SIG-TIKTOK", "social_mention", T - HOUR, T - 2 * HOUR, T + 3 * DAY, "SKU-A", "London", 0.85,
                    "\"platform\":\"tiktok\",\"hashtag\":\"JupyterChallenge\",\"url\":\"https://tiktok.example/v/1\""),
            TestData.signal("SIG-RIVAL", "competitor_stock", T - 2 * HOUR, T - 2 * HOUR, T + 2 * DAY, "SKU-A", "Birmingham",
                    0.8, "\"competitor\":\"RivalMart\",\"status\":\"out_of_stock\""),
            feedHealth("SIG-FEED", "MAN-001", T - DAY),
            feedHealth("SIG-FEED-2", "BHM-002", T + DAY));

    static final MrsConfig CFG = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");
    static CatalogSettings first;

    static CatalogSettings run(Path dir) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dir);
        MiniClusters.runBounded("minority-events-it", catalog, CFG, TestData.salesLines(STORES, SHOCKS),
                TestData.storeLines(STORES), SIGNALS);
        return catalog;
    }

    @BeforeAll
    static void runOnce() throws Exception {
        first = run(tmp.resolve("first"));
    }

    static List<String> sortedRows(CatalogSettings c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        q(c, sql).forEach(r -> out.add(r.toString()));
        out.sort(String::compareTo);
        return out;
    }

    static List<Row> q(CatalogSettings c, String sql) throws Exception {
        return new SqlRunner(c).query(sql).rows();
    }

    /** Latest proposal per store (its first report only). */
    static Map<String, Row> latestByStore() throws Exception {
        List<Row> rows = q(first, "SELECT store_id, detection_type, confidence, cause FROM (SELECT a.*, d.store_id,"
                + " ROW_NUMBER() OVER (PARTITION BY d.store_id ORDER BY d.window_start, a.proposal_seq DESC) AS rn"
                + " FROM minority_reports_proposed_attribution_log a JOIN (SELECT DISTINCT report_id, store_id, window_start"
                + " FROM minority_reports_detected_log) d ON a.report_id = d.report_id) WHERE rn = 1");
        return rows.stream().collect(Collectors.toMap(r -> (String) r.getField(0), r -> r));
    }

    @Test
    void injectedViralSignalWithAMultiStoreSpikeIsSocialViral() throws Exception {
        Map<String, Row> latest = latestByStore();
        for (String s : LONDON) {
            assertThat(latest.get(s)).as(s + " in " + latest).isNotNull();
            assertThat(latest.get(s).getField(1)).as(s).isEqualTo("Social/Viral Event");
        }
    }

    @Test
    void storeFeedCorruptionIsADataErrorAboveSeventyPercent() throws Exception {
        Row man = latestByStore().get("MAN-001");
        assertThat(man).isNotNull();
        assertThat(man.getField(1)).isEqualTo("Data Error");
        assertThat((Double) man.getField(2)).isGreaterThan(0.7);
    }

    @Test
    void competitorStockOutInOneCityIsCompetitorStockout() throws Exception {
        Row bhm = latestByStore().get("BHM-001");
        assertThat(bhm).isNotNull();
        assertThat(bhm.getField(1)).isEqualTo("Competitor Stockout");
    }

    static Map<String, String> groupByStore(CatalogSettings c) throws Exception {
        List<Row> rows = q(c, "SELECT DISTINCT store_id, report_group_id FROM minority_reports_cohort_log");
        return rows.stream().collect(Collectors.toMap(r -> (String) r.getField(0), r -> (String) r.getField(1)));
    }

    @Test
    void tenLondonStoresFormOneEventAndBirminghamItsOwn() throws Exception {
        Map<String, String> groups = groupByStore(first);
        String london = groups.get("LON-001");
        assertThat(london).matches("ME-[0-9a-f]{12}");
        for (String s : LONDON) {
            assertThat(groups.get(s)).as(s + " in " + groups).isEqualTo(london);
        }
        assertThat(groups.get("BHM-001")).isNotNull().isNotEqualTo(london);
    }

    @Test
    void anEndedEventReopensWithTheSameIdWhenANewReportJoinsWithinTheHorizon() throws Exception {
        String london = groupByStore(first).get("LON-001");
        List<Row> statuses = q(first, "SELECT event_status, written_at, store_id FROM minority_reports_cohort_log"
                + " WHERE report_group_id = '" + london + "' ORDER BY written_at, store_id");
        List<String> sequence = statuses.stream().map(r -> (String) r.getField(0)).distinct().toList();
        assertThat(sequence).as(statuses.toString()).containsSubsequence("OPEN", "ENDED", "REOPENED");
        assertThat(statuses).anyMatch(r -> "LON-011".equals(r.getField(2)) && "REOPENED".equals(r.getField(0)));
        List<Row> sizes = q(first, "SELECT max(cohort_size) FROM minority_reports_cohort_log WHERE report_group_id = '" + london + "'");
        assertThat(((Number) sizes.get(0).getField(0)).intValue()).isEqualTo(11);
    }

    @Test
    void aReportWithRowsInEveryLogHydratesToOneCurrentRowWithTheSeedsPrecedence() throws Exception {
        String id = (String) q(first, "SELECT DISTINCT report_id FROM minority_reports_detected_log WHERE store_id = 'LON-001'")
                .get(0).getField(0);
        List<Row> current = q(first, "SELECT window_start, window_end, window_end_final, cluster_id, cause, confidence,"
                + " a_written_at, report_group_id, final_cause, store_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id"
                + " ORDER BY written_at DESC, processed_at DESC) AS rn FROM minority_reports WHERE report_id = '" + id + "') WHERE rn = 1");
        assertThat(current).hasSize(1);
        Row h = current.get(0);
        Row ended = q(first, "SELECT window_start, window_end FROM minority_event_ended_log WHERE report_id = '" + id + "'").get(0);
        assertThat(h.getField(0)).isEqualTo(ended.getField(0));
        assertThat(h.getField(1)).isEqualTo(ended.getField(1));
        assertThat(h.getField(2)).isEqualTo(true);
        Row cluster = q(first, "SELECT cluster_id FROM minority_reports_clustered_log WHERE report_id = '" + id
                + "' ORDER BY revision DESC LIMIT 1").get(0);
        assertThat(h.getField(3)).isEqualTo(cluster.getField(0));
        Row attribution = q(first, "SELECT cause, confidence, a_written_at FROM minority_reports_proposed_attribution_log"
                + " WHERE report_id = '" + id + "' ORDER BY a_written_at DESC, proposal_seq DESC LIMIT 1").get(0);
        assertThat(h.getField(4)).isEqualTo(attribution.getField(0));
        assertThat(h.getField(5)).isEqualTo(attribution.getField(1));
        assertThat(h.getField(8)).isEqualTo(attribution.getField(0)); // no analyst edit: the machine cause
        assertThat(h.getField(7)).isEqualTo(groupByStore(first).get("LON-001"));
        assertThat(h.getField(9)).isEqualTo("LON-001");
    }

    @Test
    void theLondonEventRollsUpItsStoresAlignedWithTheirRetailers() throws Exception {
        String london = groupByStore(first).get("LON-001");
        List<Row> rows = q(first, "SELECT report_count, store_count, store_id_1, retailer_1, store_id_11, retailer_11,"
                + " store_id_12, stores_beyond_14, actual_units, cause FROM minority_events_log WHERE report_group_id = '"
                + london + "' ORDER BY written_at DESC, report_count DESC LIMIT 1");
        Row e = rows.get(0);
        assertThat(e.getField(0)).isEqualTo(11);
        assertThat(e.getField(1)).isEqualTo(11);
        assertThat((String) e.getField(2)).startsWith("LON-");
        assertThat(e.getField(3)).isEqualTo("Tesco");
        assertThat(e.getField(4)).isEqualTo("LON-011"); // the reopening report started last
        assertThat(e.getField(5)).isEqualTo("Tesco");
        assertThat(e.getField(6)).isNull();
        assertThat(e.getField(7)).isEqualTo(0);
        double sum = ((Number) q(first, "SELECT sum(actual_units) FROM (SELECT report_id, actual_units, ROW_NUMBER() OVER"
                + " (PARTITION BY report_id ORDER BY revision DESC) AS rn FROM minority_reports_detected_log) WHERE rn = 1 AND report_id IN"
                + " (SELECT report_id FROM minority_reports_cohort_log WHERE report_group_id = '" + london + "')").get(0).getField(0)).doubleValue();
        assertThat((Double) e.getField(8)).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aWeekendDataErrorIsAutoConfirmedAndExcludedWhileTheWeekdayOneWaitsForReview() throws Exception {
        Map<String, String> groups = groupByStore(first);
        String weekday = groups.get("MAN-001"); // Thursday 31 July 2025
        String weekend = groups.get("BHM-002"); // Saturday 2 August 2025
        assertThat(latestByStore().get("BHM-002").getField(1)).isEqualTo("Data Error");
        assertThat((Double) latestByStore().get("BHM-002").getField(2)).isGreaterThan(0.7);
        assertThat(lastStatus(weekend)).as(q(first, "SELECT written_at, report_count, status, cause, confidence, window_start FROM minority_events_log WHERE report_group_id = '"
                + weekend + "' ORDER BY written_at").toString()).isEqualTo("AUTO_CONFIRMED");
        assertThat(lastStatus(weekday)).isEqualTo("PENDING_REVIEW");
        List<Row> directives = q(first, "SELECT report_group_id, directive_type, event_status, stores, window_start"
                + " FROM model_protection_log WHERE report_group_id IN ('" + weekday + "', '" + weekend + "')");
        assertThat(directives).singleElement().satisfies(d -> {
            assertThat(d.getField(0)).isEqualTo(weekend);
            assertThat(d.getField(1)).isEqualTo("EXCLUDE_WINDOW");
            assertThat(d.getField(2)).isEqualTo("AUTO_CONFIRMED");
            assertThat(d.getField(3)).isEqualTo("BHM-002");
        });
        assertThat((String) q(first, "SELECT directive_id FROM model_protection_log WHERE report_group_id = '" + weekend + "'")
                .get(0).getField(0)).matches("PD-[0-9a-f]{16}");
    }

    static String lastStatus(String group) throws Exception {
        return (String) q(first, "SELECT status FROM minority_events_log WHERE report_group_id = '" + group
                + "' ORDER BY written_at DESC, report_count DESC LIMIT 1").get(0).getField(0);
    }

    @Test
    void aReplayGivesIdenticalCohortRows() throws Exception {
        CatalogSettings second = run(tmp.resolve("second"));
        String sql = "SELECT report_id, report_group_id, cohort_size, cohort_stores, cohort_confidence, cause, event_status,"
                + " event_start, event_end, written_at FROM minority_reports_cohort_log";
        assertThat(sortedRows(second, "SELECT directive_id, directive_type, event_status, weight, written_at FROM model_protection_log"))
                .isEqualTo(sortedRows(first, "SELECT directive_id, directive_type, event_status, weight, written_at FROM model_protection_log"));
        assertThat(sortedRows(second, "SELECT report_group_id, report_count, store_id_1, retailer_1, actual_units, cause, status,"
                + " written_at FROM minority_events_log"))
                .isEqualTo(sortedRows(first, "SELECT report_group_id, report_count, store_id_1, retailer_1, actual_units, cause, status,"
                        + " written_at FROM minority_events_log"));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        q(first, sql).forEach(r -> a.add(r.toString()));
        q(second, sql).forEach(r -> b.add(r.toString()));
        a.sort(String::compareTo);
        b.sort(String::compareTo);
        assertThat(b).isNotEmpty().isEqualTo(a);
    }
}
