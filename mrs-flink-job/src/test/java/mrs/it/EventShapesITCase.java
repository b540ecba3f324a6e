package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Event roll-up and hydration shapes on the real topology, Iceberg read back (slow, two pipeline runs
 * of ~10 s each): a 16-store event across three retailers (more stores than the 14 positions of the
 * roll-up), and the same day with the clustering stage switched off, so the clustered log is missing
 * and hydration has to do without it.
 */
class EventShapesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static final long HOUR = TestData.HOUR;
    static final long T = TestData.START.toEpochMilli() + 25 * 24 * HOUR + 10 * HOUR; // Thursday 31 July 2025, 10:00
    static final List<String> STORES = new ArrayList<>();
    static final Map<String, String> RETAILER = new TreeMap<>();

    static {
        List<String> retailers = List.of("Tesco", "Sainsbury's", "Waitrose");
        for (int i = 1; i <= 16; i++) {
            String store = String.format("LON-%03d", i);
            STORES.add(store);
            RETAILER.put(store, retailers.get(i % 3));
        }
    }

    static final List<TestData.Shock> SHOCKS = List.of(new TestData.Shock(STORES, "SKU-A", T, 6, 4.0));

    static CatalogSettings clustered;
    static CatalogSettings unclustered;

    static CatalogSettings run(Path dir, MrsConfig cfg) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dir);
        MiniClusters.runBounded("event-shapes-it", catalog, cfg, TestData.salesLines(STORES, SHOCKS, RETAILER::get),
                TestData.storeLines(STORES, RETAILER::get), List.of(TestData.NO_SIGNAL));
        return catalog;
    }

    @BeforeAll
    static void runBoth() throws Exception {
        MrsConfig cfg = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");
        clustered = run(tmp.resolve("clustered"), cfg);
        unclustered = run(tmp.resolve("unclustered"), cfg.with("mrs.cluster.enabled", "false"));
    }

    static List<Row> q(CatalogSettings c, String sql) throws Exception {
        return new SqlRunner(c).query(sql).rows();
    }

    /** The event the shocked stores formed: the one group of the cohort log. */
    static String theEvent(CatalogSettings c) throws Exception {
        List<Row> groups = q(c, "SELECT DISTINCT report_group_id FROM minority_reports_cohort_log");
        assertThat(groups).as("one event for the 16 stores").hasSize(1);
        return (String) groups.get(0).getField(0);
    }

    @Test
    void sixteenStoresOfThreeRetailersRollUpAlignedByPositionWithTheOverflowCounted() throws Exception {
        String event = theEvent(clustered);
        Map<String, Object> e = firstRow(clustered, "SELECT * FROM minority_events_log WHERE report_group_id = '" + event
                + "' ORDER BY written_at DESC, report_count DESC LIMIT 1");
        assertThat((Integer) e.get("report_count")).isEqualTo(16);
        assertThat((Integer) e.get("store_count")).isEqualTo(16);
        assertThat((Integer) e.get("stores_beyond_14")).isEqualTo(2);

        Set<String> listed = new HashSet<>();
        Set<String> retailersListed = new HashSet<>();
        for (int i = 1; i <= 14; i++) {
            String store = (String) e.get("store_id_" + i);
            assertThat(store).as("store_id_" + i).isIn(STORES);
            // Aligned: the retailer at position i is the retailer of the store at position i.
            assertThat(e.get("retailer_" + i)).as("retailer_" + i + " of " + store).isEqualTo(RETAILER.get(store));
            listed.add(store);
            retailersListed.add((String) e.get("retailer_" + i));
        }
        assertThat(listed).hasSize(14);
        assertThat(retailersListed).containsExactlyInAnyOrder("Tesco", "Sainsbury's", "Waitrose");

        // The report ids follow the same positions: the report at position i is the report of store i.
        String[] reportIds = ((String) e.get("report_ids")).split(",");
        assertThat(reportIds).hasSize(16);
        Map<String, String> storeOfReport = new TreeMap<>();
        for (Row r : q(clustered, "SELECT DISTINCT report_id, store_id FROM minority_reports_detected_log")) {
            storeOfReport.put((String) r.getField(0), (String) r.getField(1));
        }
        for (int i = 1; i <= 14; i++) {
            assertThat(storeOfReport.get(reportIds[i - 1])).as("report at position " + i).isEqualTo(e.get("store_id_" + i));
        }

        // Sums equal the sums over the event's reports (their latest detected revision).
        Row sums = q(clustered, "SELECT sum(actual_units), sum(baseline_units), sum(actual_revenue), sum(baseline_revenue), count(*)"
                + " FROM (SELECT report_id, actual_units, baseline_units, actual_revenue, baseline_revenue, ROW_NUMBER() OVER"
                + " (PARTITION BY report_id ORDER BY revision DESC) AS rn FROM minority_reports_detected_log) WHERE rn = 1 AND report_id IN"
                + " (SELECT report_id FROM minority_reports_cohort_log WHERE report_group_id = '" + event + "')").get(0);
        assertThat(((Number) sums.getField(4)).intValue()).isEqualTo(16);
        double actual = ((Number) sums.getField(0)).doubleValue();
        double baseline = ((Number) sums.getField(1)).doubleValue();
        double actualRevenue = ((Number) sums.getField(2)).doubleValue();
        double baselineRevenue = ((Number) sums.getField(3)).doubleValue();
        assertThat((Double) e.get("actual_units")).isCloseTo(actual, within(1e-6));
        assertThat((Double) e.get("baseline_units")).isCloseTo(baseline, within(1e-6));
        assertThat((Double) e.get("excess_units")).isCloseTo(actual - baseline, within(1e-6));
        assertThat((Double) e.get("actual_revenue")).isCloseTo(actualRevenue, within(1e-6));
        assertThat((Double) e.get("excess_revenue")).isCloseTo(actualRevenue - baselineRevenue, within(1e-6));
        assertThat(actual).isGreaterThan(baseline * 2); // a real spike, not an empty sum
    }

    @Test
    void withTheClusterLogMissingEveryReportStillHydratesWithNullClusterColumns() throws Exception {
        assertThat(q(clustered, "SELECT count(*) FROM minority_reports_clustered_log").get(0).getField(0))
                .as("the clustered run writes the clustered log").isNotEqualTo(0L);
        assertThat(q(unclustered, "SELECT count(*) FROM minority_reports_clustered_log").get(0).getField(0))
                .as("clustering switched off: no clustered rows at all").isEqualTo(0L);

        List<Row> detected = q(unclustered, "SELECT DISTINCT report_id FROM minority_reports_detected_log");
        assertThat(detected).hasSizeGreaterThanOrEqualTo(16);
        List<Row> current = q(unclustered, "SELECT report_id, cluster_id, cluster_size, cluster_stores, cause, window_start,"
                + " window_end, window_end_final, store_id, retailer, report_group_id FROM (SELECT *, ROW_NUMBER() OVER"
                + " (PARTITION BY report_id ORDER BY written_at DESC, processed_at DESC) AS rn FROM minority_reports) WHERE rn = 1");
        assertThat(current).as("one current hydrated row per detected report").hasSize(detected.size());
        Map<String, Row> ended = new TreeMap<>();
        for (Row r : q(unclustered, "SELECT report_id, window_start, window_end FROM minority_event_ended_log")) {
            ended.put((String) r.getField(0), r);
        }
        for (Row h : current) {
            String id = (String) h.getField(0);
            assertThat(h.getField(1)).as(id + " cluster_id").isNull();
            assertThat(h.getField(2)).as(id + " cluster_size").isNull();
            assertThat(h.getField(3)).as(id + " cluster_stores").isNull();
            assertThat(h.getField(4)).as(id + " cause: attribution still ran").isNotNull();
            assertThat(h.getField(5)).as(id + " window_start").isNotNull();
            assertThat(RETAILER.get((String) h.getField(8))).as(id + " retailer from the detected log").isEqualTo(h.getField(9));
            if (ended.containsKey(id)) {
                assertThat(h.getField(6)).as(id + " window_end from the ended log").isEqualTo(ended.get(id).getField(2));
                assertThat(h.getField(7)).isEqualTo(true);
            }
        }
        // The same reports, the same event: clustering is not on the path to detection or cohorts.
        assertThat(sorted(unclustered, "SELECT DISTINCT report_id, store_id FROM minority_reports_detected_log"))
                .isEqualTo(sorted(clustered, "SELECT DISTINCT report_id, store_id FROM minority_reports_detected_log"));
        assertThat(theEvent(unclustered)).isEqualTo(theEvent(clustered));
    }

    /** The first row of a query, by column name. */
    static Map<String, Object> firstRow(CatalogSettings c, String sql) throws Exception {
        SqlRunner.Result result = new SqlRunner(c).query(sql);
        assertThat(result.rows()).as(sql).isNotEmpty();
        Map<String, Object> row = new TreeMap<>();
        for (int i = 0; i < result.columns().size(); i++) {
            row.put(result.columns().get(i), result.rows().get(0).getField(i));
        }
        return row;
    }

    static List<String> sorted(CatalogSettings c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        q(c, sql).forEach(r -> out.add(r.toString()));
        out.sort(String::compareTo);
        return out;
    }
}
