package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.job.MrsJob;
import mrs.records.RawRecord;
import mrs.sinks.IcebergSinks;
import mrs.sql.SqlRunner;
import mrs.topology.Topology;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real topology on a MiniCluster over bounded input, writing real Iceberg tables (JDBC catalog on
 * SQLite), read back with Flink SQL.
 */
class PipelineITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    static Path tmp;

    static final MrsConfig CFG = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");
    static List<String> input;
    static Run first;

    record Run(CatalogSettings catalog, JobExecutionResult result) {}

    static Run run(Path dataDir, List<String> sales) throws Exception {
        return run(dataDir, sales, List.of(TestData.NO_SIGNAL));
    }

    static Run run(Path dataDir, List<String> sales, List<String> signals) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dataDir);
        MrsJob.createTables(catalog);
        StreamExecutionEnvironment env = MiniClusters.env();
        env.setParallelism(2);
        MrsJob.configure(env, CFG);
        List<RawRecord> salesRaw = TestData.raw("sales.jsonl", sales);
        List<RawRecord> storesRaw = TestData.raw("stores.jsonl", TestData.storeLines());
        Topology.build(CFG,
                env.fromData(salesRaw, TypeInformation.of(RawRecord.class)).name("sales"),
                env.fromData(storesRaw, TypeInformation.of(RawRecord.class)).name("stores"),
                env.fromData(TestData.raw("signals.jsonl", signals), TypeInformation.of(RawRecord.class)).name("signals"),
                new IcebergSinks(catalog));
        return new Run(catalog, env.execute("pipeline-it"));
    }

    @BeforeAll
    static void runOnce() throws Exception {
        input = TestData.withBadLines(TestData.salesLines(true));
        first = run(tmp.resolve("first"), input);
    }

    static List<Row> query(CatalogSettings catalog, String sql) throws Exception {
        return new SqlRunner(catalog).query(sql).rows();
    }

    @Test
    void injectedAnomaliesAreReportedAndCleanSeriesAreNot() throws Exception {
        List<Row> reports = query(first.catalog(),
                "SELECT report_id, store_id, skus, direction, window_start FROM minority_reports_detected_log");
        Map<String, List<Row>> byStore = reports.stream().collect(Collectors.groupingBy(r -> (String) r.getField(1)));
        assertThat(byStore).containsOnlyKeys(TestData.SPIKE_STORE, TestData.DROP_STORE);

        assertThat(byStore.get(TestData.SPIKE_STORE)).allSatisfy(r -> {
            assertThat(r.getField(0)).isEqualTo(Ids.reportId(TestData.SPIKE_STORE, TestData.SPIKE_START));
            assertThat(r.getField(2)).isEqualTo(TestData.SPIKE_SKU);
            assertThat(r.getField(3)).isEqualTo("SPIKE");
        });
        assertThat(byStore.get(TestData.DROP_STORE)).allSatisfy(r -> {
            assertThat(r.getField(0)).isEqualTo(Ids.reportId(TestData.DROP_STORE, TestData.DROP_START));
            assertThat(r.getField(3)).isEqualTo("DROP");
        });
        List<Row> ended = query(first.catalog(), "SELECT report_id FROM minority_event_ended_log");
        assertThat(ended).extracting(r -> r.getField(0)).containsExactlyInAnyOrder(
                Ids.reportId(TestData.SPIKE_STORE, TestData.SPIKE_START),
                Ids.reportId(TestData.DROP_STORE, TestData.DROP_START));
    }

    @Test
    void malformedRecordsLandInSalesErrorsWithTheirPayloadAndNothingIsLost() throws Exception {
        List<Row> errors = query(first.catalog(), "SELECT stage, error, raw_payload FROM sales_errors");
        assertThat(errors).hasSize(TestData.BAD_SALES.size());
        assertThat(errors).extracting(r -> (String) r.getField(2))
                .containsExactlyInAnyOrderElementsOf(TestData.BAD_SALES);
        assertThat(errors).allSatisfy(r -> assertThat((String) r.getField(1)).isNotBlank());

        long accepted = first.result().<Long>getAccumulatorResult("parse-sales-accepted");
        long refused = first.result().<Long>getAccumulatorResult("parse-sales-refused");
        assertThat(accepted + refused).isEqualTo(input.size());
        assertThat(refused).isEqualTo(errors.size());
    }

    @Test
    void replayingTheSameInputGivesIdenticalReportRows() throws Exception {
        Run second = run(tmp.resolve("second"), input);
        assertThat(rows(second.catalog(), "sales_errors", "error_id, stage, error, raw_payload"))
                .containsExactlyElementsOf(rows(first.catalog(), "sales_errors", "error_id, stage, error, raw_payload"));
        String cols = "report_id, revision, store_id, retailer, city, window_start, window_end, skus, direction,"
                + " actual_units, baseline_units, delta_units, z_score, lift, written_at";
        assertThat(rows(second.catalog(), "minority_reports_detected_log", cols))
                .isNotEmpty()
                .containsExactlyElementsOf(rows(first.catalog(), "minority_reports_detected_log", cols));
        String endedCols = "report_id, store_id, window_start, window_end, final_revision, written_at";
        assertThat(rows(second.catalog(), "minority_event_ended_log", endedCols))
                .containsExactlyElementsOf(rows(first.catalog(), "minority_event_ended_log", endedCols));
    }

    private static List<String> rows(CatalogSettings catalog, String table, String cols) throws Exception {
        List<String> out = new ArrayList<>();
        for (Row r : query(catalog, "SELECT " + cols + " FROM " + table)) {
            out.add(r.toString());
        }
        out.sort(String::compareTo);
        return out;
    }
}
