package mrs.sql;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mrs.ddl.CatalogSettings;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs Flink SQL (batch mode) against the MRS Iceberg catalog: what {@code mrs sql} and the tests use
 * to read the logs back. The catalog is registered as {@code <name>} and made current, with the MRS
 * namespace as the current database, so {@code SELECT * FROM minority_reports_detected_log} works. The
 * session time zone is UTC.
 */
public final class SqlRunner {
    private final TableEnvironment tEnv;

    public SqlRunner(CatalogSettings catalog) {
        this(catalog, TableEnvironment.create(EnvironmentSettings.inBatchMode()));
    }

    /** On a given (batch) table environment, e.g. one on a test's shared MiniCluster. */
    public SqlRunner(CatalogSettings catalog, TableEnvironment tEnv) {
        this.tEnv = tEnv;
        // MRS times are UTC: TIMESTAMP_LTZ values print, cast to DATE and format in UTC, as in Trino
        tEnv.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        tEnv.executeSql(createCatalogDdl(catalog));
        tEnv.executeSql("USE CATALOG `" + catalog.name() + "`");
        tEnv.executeSql("USE `" + catalog.namespace() + "`");
        for (Map.Entry<String, String> v : Views.all().entrySet()) {
            tEnv.executeSql("CREATE TEMPORARY VIEW `" + v.getKey() + "` AS " + v.getValue());
        }
    }

    /** The Flink DDL registering an Iceberg catalog with the same properties the job writes with. */
    public static String createCatalogDdl(CatalogSettings catalog) {
        Map<String, String> props = new java.util.TreeMap<>(catalog.properties());
        props.remove("type"); // Iceberg's catalog type is given as catalog-impl for Flink
        props.put("type", "iceberg");
        props.put("catalog-impl", catalog.catalogImpl());
        props.put("default-database", catalog.namespace());
        String with = props.entrySet().stream()
                .map(e -> "'" + esc(e.getKey()) + "'='" + esc(e.getValue()) + "'")
                .collect(Collectors.joining(", "));
        return "CREATE CATALOG `" + catalog.name() + "` WITH (" + with + ")";
    }

    private static String esc(String s) {
        return s.replace("'", "''");
    }

    /** The result of a query: column names and rows, in the order the query returned them. */
    public record Result(List<String> columns, List<Row> rows) {}

    public Result query(String sql) throws Exception {
        TableResult r = tEnv.executeSql(sql);
        List<String> cols = r.getResolvedSchema().getColumnNames();
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = r.collect()) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return new Result(cols, rows);
    }

    /** Renders a result as an aligned text table. */
    public static String format(Result result) {
        List<String> cols = result.columns();
        int[] width = new int[cols.size()];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            width[i] = cols.get(i).length();
        }
        for (Row row : result.rows()) {
            String[] c = new String[cols.size()];
            for (int i = 0; i < c.length; i++) {
                Object v = row.getField(i);
                c[i] = v == null ? "NULL" : v instanceof Double d ? String.format("%.2f", d) : v.toString();
                width[i] = Math.max(width[i], c[i].length());
            }
            cells.add(c);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, cols.toArray(new String[0]), width);
        StringBuilder sep = new StringBuilder();
        for (int w : width) {
            sep.append("-".repeat(w)).append("-+-");
        }
        sb.append(sep, 0, Math.max(0, sep.length() - 3)).append('\n');
        for (String[] c : cells) {
            line(sb, c, width);
        }
        sb.append('(').append(result.rows().size()).append(result.rows().size() == 1 ? " row)" : " rows)");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] c, int[] width) {
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(c[i]).append(" ".repeat(width[i] - c[i].length()));
        }
        sb.append('\n');
    }
}
