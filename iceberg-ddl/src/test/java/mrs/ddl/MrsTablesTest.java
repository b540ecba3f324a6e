package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class MrsTablesTest {

    private static final List<String> ERROR_COLUMNS = List.of("error_id", "stage", "source", "source_partition",
            "source_offset", "error", "raw_payload", "event_time", "written_at", "processed_at");

    @Test
    void bundledDdlDeclaresEveryTableInOrder() {
        assertThat(MrsTables.all()).containsExactly(MrsTables.SALES_ERRORS, MrsTables.MINORITY_REPORTS_DETECTED_LOG,
                MrsTables.MINORITY_EVENT_ENDED_LOG, MrsTables.STORES_ERRORS, MrsTables.SIGNALS_ERRORS,
                MrsTables.MINORITY_REPORTS_CLUSTERED_LOG, MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG,
                MrsTables.MINORITY_REPORTS_COHORT_LOG, MrsTables.MINORITY_REPORTS, MrsTables.MINORITY_EVENTS_LOG,
                MrsTables.MODEL_PROTECTION_LOG, MrsTables.EDIT_LOGS, MrsTables.MINORITY_REPORTS_FINALISATION_LOG,
                MrsTables.ANALYST_ACTIONS_REFUSED);
        assertThat(MrsTables.ddl().files()).extracting(DdlFile::name).containsExactly(
                "V001__sales_errors.sql", "V002__minority_reports_detected_log.sql",
                "V003__minority_event_ended_log.sql", "V004__stores_errors.sql", "V005__signals_errors.sql",
                "V006__minority_reports_clustered_log.sql", "V007__minority_reports_proposed_attribution_log.sql",
                "V008__minority_reports_cohort_log.sql",
                "V009__minority_reports.sql", "V010__minority_events_log.sql", "V011__model_protection_log.sql",
                "V012__edit_logs.sql", "V013__minority_reports_finalisation_log.sql", "V014__analyst_actions_refused.sql");
    }

    @Test
    void errorTablesShareOneLayout() {
        assertThat(MrsTables.columnNames(MrsTables.SALES_ERRORS)).isEqualTo(ERROR_COLUMNS);
        assertThat(MrsTables.columnNames(MrsTables.STORES_ERRORS)).isEqualTo(ERROR_COLUMNS);
        assertThat(MrsTables.columnNames(MrsTables.SIGNALS_ERRORS)).isEqualTo(ERROR_COLUMNS);
        Schema sales = MrsTables.schema(MrsTables.SALES_ERRORS);
        Schema stores = MrsTables.schema(MrsTables.STORES_ERRORS);
        assertThat(sales.asStruct().fields()).extracting(Types.NestedField::type, Types.NestedField::isRequired)
                .isEqualTo(stores.asStruct().fields().stream().map(f -> org.assertj.core.groups.Tuple.tuple(
                        f.type(), f.isRequired())).toList());
        assertThat(requiredColumns(sales)).containsExactly("error_id", "stage", "error", "processed_at");
        assertThat(sales.findType("source_partition")).isEqualTo(Types.IntegerType.get());
        assertThat(sales.findType("source_offset")).isEqualTo(Types.LongType.get());
        assertThat(sales.findType("event_time")).isEqualTo(Types.TimestampType.withZone());
        assertThat(partitioning(MrsTables.SALES_ERRORS)).containsExactly("identity(stage)", "day(processed_at)");
        assertThat(partitioning(MrsTables.STORES_ERRORS)).containsExactly("identity(stage)", "day(processed_at)");
    }

    @Test
    void detectedLogLayout() {
        String t = MrsTables.MINORITY_REPORTS_DETECTED_LOG;
        assertThat(MrsTables.columnNames(t)).containsExactly("report_id", "revision", "store_id", "retailer",
                "city", "region", "window_start", "window_end", "anomalous_windows", "sku_count", "skus",
                "direction", "actual_units", "baseline_units", "delta_units", "actual_revenue", "baseline_revenue",
                "z_score", "lift", "max_sku_z", "written_at", "processed_at");
        Schema schema = MrsTables.schema(t);
        assertThat(requiredColumns(schema)).containsExactly("report_id", "revision", "store_id", "window_start",
                "written_at", "processed_at");
        assertThat(schema.findType("revision")).isEqualTo(Types.IntegerType.get());
        assertThat(schema.findType("z_score")).isEqualTo(Types.DoubleType.get());
        assertThat(schema.findType("window_end")).isEqualTo(Types.TimestampType.withZone());
        assertThat(partitioning(t)).containsExactly("day(window_start)");
    }

    @Test
    void endedLogLayout() {
        String t = MrsTables.MINORITY_EVENT_ENDED_LOG;
        assertThat(MrsTables.columnNames(t)).containsExactly("report_id", "store_id", "window_start", "window_end",
                "final_revision", "quiet_windows", "written_at", "processed_at");
        assertThat(requiredColumns(MrsTables.schema(t))).containsExactly("report_id", "store_id", "window_start",
                "window_end", "written_at", "processed_at");
        assertThat(partitioning(t)).containsExactly("day(window_end)");
    }

    @Test
    void everyColumnAndTableIsDocumented() {
        for (TableDefinition table : MrsTables.ddl().tables()) {
            assertThat(table.schema().columns())
                    .as("columns of %s", table.name())
                    .allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
            assertThat(table.properties()).containsKey("comment").containsEntry("format-version", "2")
                    .containsEntry("write.parquet.compression-codec", "zstd");
            assertThat(table.schema().columns()).extracting(Types.NestedField::fieldId)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, table.schema().columns().size())
                            .boxed().toList());
        }
    }

    @Test
    void indexListsEveryBundledDdlFile() throws IOException, URISyntaxException {
        Path dir = Path.of(MrsTables.class.getClassLoader()
                .getResource(DdlApplier.DEFAULT_RESOURCE_DIR + "/" + DdlApplier.INDEX_FILE).toURI()).getParent();
        try (Stream<Path> listing = Files.list(dir)) {
            List<String> onDisk = listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql")).sorted().toList();
            assertThat(MrsTables.ddl().files()).extracting(DdlFile::name).containsExactlyElementsOf(onDisk);
        }
        // the directory reader (no index needed) sees the same set
        assertThat(DdlApplier.fromDirectory(dir).tables()).isEqualTo(MrsTables.ddl().tables());
    }

    private static List<String> requiredColumns(Schema schema) {
        return schema.columns().stream().filter(Types.NestedField::isRequired).map(Types.NestedField::name).toList();
    }

    static List<String> partitioning(String table) {
        Schema schema = MrsTables.schema(table);
        return MrsTables.spec(table).fields().stream()
                .map(f -> describe(f, schema))
                .toList();
    }

    static String describe(PartitionField f, Schema schema) {
        return f.transform() + "(" + schema.findColumnName(f.sourceId()) + ")";
    }
}
