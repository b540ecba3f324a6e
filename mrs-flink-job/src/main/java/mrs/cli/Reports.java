package mrs.cli;

import java.io.PrintStream;
import mrs.ddl.CatalogSettings;
import mrs.sql.SqlRunner;
import org.apache.flink.types.Row;

/** Prints the current revision of every detected report, read back from the Iceberg log. */
final class Reports {
    /** Latest revision per report; ties cannot occur (revision is unique per report). */
    static final String CURRENT_REPORTS = """
            SELECT report_id, store_id, retailer, city, skus, direction,
                   window_start, window_end, actual_units, baseline_units, lift, z_score, revision
            FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY revision DESC) AS rn
              FROM minority_reports_detected_log)
            WHERE rn = 1
            ORDER BY window_start, store_id""";

    private Reports() {}

    static SqlRunner.Result current(CatalogSettings catalog) throws Exception {
        return new SqlRunner(catalog).query(CURRENT_REPORTS);
    }

    static void print(CatalogSettings catalog, PrintStream out) throws Exception {
        SqlRunner.Result r = current(catalog);
        out.println();
        out.println("Detected Minority Reports (latest revision of each, from minority_reports_detected_log):");
        out.println(SqlRunner.format(r));
        SqlRunner.Result counts = new SqlRunner(catalog).query(
                "SELECT count(*), count(DISTINCT report_id) FROM minority_reports_detected_log");
        Row c = counts.rows().get(0);
        out.printf("%s reports in %s revision rows of minority_reports_detected_log%n", c.getField(1), c.getField(0));
        SqlRunner.Result errors = new SqlRunner(catalog).query(
                "SELECT stage, count(*) AS refused FROM sales_errors GROUP BY stage ORDER BY stage");
        out.println();
        out.println("Refused sales records (sales_errors):");
        out.println(SqlRunner.format(errors));
    }
}
