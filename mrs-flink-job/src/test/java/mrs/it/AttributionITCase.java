package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.functions.AttributionFunction;
import mrs.sql.SqlRunner;
import mrs.udfs.attribution.AttributionModel;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals, clustering and attribution on the real topology over bounded input, Iceberg read back: a
 * four-store London spike of one SKU with a campaign live from the start and a TikTok mention that is
 * only observed two hours later; a Birmingham spike with no evidence at all.
 */
class AttributionITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static final List<String> STORES = TestData.LONDON_DAY_STORES;
    static final List<TestData.Shock> SHOCKS = TestData.LONDON_DAY_SHOCKS;
    static final List<String> SIGNALS = List.of(TestData.LONDON_CAMPAIGN,
            TestData.londonTikTok(",\"url\":\"https://tiktok.example/v/1\""));

    static CatalogSettings run(Path dir, MrsConfig cfg, AttributionFunction.Attributor model) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dir);
        MiniClusters.runBounded("attribution-it", catalog, cfg, TestData.salesLines(STORES, SHOCKS),
                TestData.storeLines(STORES), SIGNALS, null, model);
        return catalog;
    }

    static final MrsConfig CFG = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");
    static CatalogSettings first;

    @BeforeAll
    static void runOnce() throws Exception {
        first = run(tmp.resolve("first"), CFG, new AttributionModel()::propose);
    }

    static List<Row> q(CatalogSettings c, String sql) throws Exception {
        return new SqlRunner(c).query(sql).rows();
    }

    @Test
    void campaignFirstThenTheLaterTikTokMentionRefreshesToSocialViralWithHigherConfidence() throws Exception {
        List<Row> rows = q(first, "SELECT report_id, proposal_seq, cause, detection_type, confidence, confidence_tier, a_written_at, evidence"
                + " FROM minority_reports_proposed_attribution_log WHERE report_id IN (SELECT report_id FROM"
                + " minority_reports_detected_log WHERE store_id = 'LON-001') ORDER BY proposal_seq");
        assertThat(rows).isNotEmpty();
        int firstViral = 0;
        while (firstViral < rows.size() && !"Social/Viral Event".equals(rows.get(firstViral).getField(3))) {
            firstViral++;
        }
        assertThat(firstViral).as(rows.toString()).isBetween(1, rows.size() - 1);
        List<Row> before = rows.subList(0, firstViral);
        // Before the TikTok mention is observed, the campaign is the best explanation on offer, at Medium.
        assertThat(before.get(before.size() - 1).getField(2)).as(rows.toString()).isEqualTo("Campaign Spend");
        assertThat(before).as(rows.toString())
                .anyMatch(r -> "Campaign Spend".equals(r.getField(2)) && "Medium".equals(r.getField(5)));
        Row firstProposal = before.get(before.size() - 1);
        Row last = rows.get(rows.size() - 1);
        assertThat(last.getField(3)).isEqualTo("Social/Viral Event");
        assertThat((Double) last.getField(4)).isGreaterThan((Double) firstProposal.getField(4));
        assertThat((String) last.getField(7)).contains("SIG-TIKTOK");
    }

    @Test
    void everyLondonStoreOfTheSpikeEndsSocialViralAndSharesACluster() throws Exception {
        List<Row> clusters = q(first, "SELECT DISTINCT cluster_id FROM minority_reports_clustered_log WHERE city = 'London'");
        assertThat(clusters).hasSize(1);
        List<Row> latest = q(first, "SELECT store_id, detection_type FROM (SELECT a.*, d.store_id, ROW_NUMBER() OVER"
                + " (PARTITION BY a.report_id ORDER BY a.proposal_seq DESC) AS rn FROM minority_reports_proposed_attribution_log a"
                + " JOIN (SELECT DISTINCT report_id, store_id FROM minority_reports_detected_log) d ON a.report_id = d.report_id)"
                + " WHERE rn = 1 AND store_id LIKE 'LON%'");
        assertThat(latest).extracting(r -> r.getField(0)).containsExactlyInAnyOrder("LON-001", "LON-002", "LON-003", "LON-004");
        assertThat(latest).extracting(r -> r.getField(1)).containsOnly("Social/Viral Event");
    }

    @Test
    void aReportWithoutEvidenceGetsALowConfidenceWithCandidatesListed() throws Exception {
        List<Row> rows = q(first, "SELECT a.confidence, a.cause_2, a.confidence_2 FROM minority_reports_proposed_attribution_log a"
                + " JOIN (SELECT DISTINCT report_id, store_id FROM minority_reports_detected_log) d ON a.report_id = d.report_id"
                + " WHERE d.store_id = 'BHM-001'");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat((Double) r.getField(0)).isLessThan(0.3);
            assertThat(r.getField(1)).isNotNull();
            assertThat(r.getField(2)).isNotNull();
        });
    }

    @Test
    void aFailingModelGivesDegradedRowsAndDetectionCarriesOn() throws Exception {
        AttributionFunction.Attributor broken = (report, signals) -> {
            throw new IllegalStateException("model store unreachable");
        };
        CatalogSettings c = run(tmp.resolve("broken"), CFG, broken);
        List<Row> rows = q(c, "SELECT cause, confidence, is_degraded, narrative FROM minority_reports_proposed_attribution_log");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getField(0)).isEqualTo("unknown");
            assertThat(r.getField(1)).isNull();
            assertThat(r.getField(2)).isEqualTo(true);
        });
        assertThat(q(c, "SELECT DISTINCT store_id FROM minority_reports_detected_log")).hasSize(5);
        assertThat(q(c, "SELECT DISTINCT cluster_id FROM minority_reports_clustered_log")).isNotEmpty();
        assertThat(q(c, "SELECT DISTINCT report_group_id FROM minority_reports_cohort_log")).isNotEmpty();
    }

    @Test
    void aReplayGivesIdenticalClusterAndAttributionRows() throws Exception {
        CatalogSettings second = run(tmp.resolve("second"), CFG, new AttributionModel()::propose);
        for (String sql : List.of(
                "SELECT report_id, revision, cluster_id, cluster_size, cluster_stores, similarity, written_at FROM minority_reports_clustered_log",
                "SELECT attribution_id, report_id, revision, proposal_seq, cause, confidence, cause_2, confidence_2, narrative, evidence, a_written_at"
                        + " FROM minority_reports_proposed_attribution_log")) {
            assertThat(sorted(q(second, sql))).isNotEmpty().isEqualTo(sorted(q(first, sql)));
        }
    }

    private static List<String> sorted(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        out.sort(String::compareTo);
        return out;
    }
}
