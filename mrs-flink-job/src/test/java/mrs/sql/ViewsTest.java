package mrs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import mrs.ddl.CatalogSettings;
import mrs.ddl.ViewSet;
import mrs.job.MrsJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flink SQL view files are what mrs sql registers, and Flink accepts every one of them. */
class ViewsTest {

    @Test
    void everyFlinkViewFileIsRegisteredAndValidOnTheTables(@TempDir Path dir) throws Exception {
        CatalogSettings catalog = CatalogSettings.embedded(dir);
        MrsJob.createTables(catalog);
        SqlRunner runner = new SqlRunner(catalog); // CREATE TEMPORARY VIEW validates each query against the tables
        assertThat(Views.all().keySet()).containsExactlyElementsOf(ViewSet.flink().names());
        SqlRunner.Result r = runner.query("SELECT * FROM stale_cohorts");
        assertThat(r.columns()).containsExactly("report_group_id", "event_status", "primary_sku", "cause", "cohort_size",
                "last_change_at", "newest_data_at", "hours_without_change");
        assertThat(r.rows()).isEmpty();
        List<String> freshness = runner.query("SELECT log_name FROM sli_freshness WHERE row_count = 0").rows().stream()
                .map(row -> (String) row.getField(0)).toList();
        assertThat(freshness).hasSize(14).contains("minority_reports_detected_log", "sales_errors");
    }
}
