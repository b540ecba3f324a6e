package mrs.trino;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import mrs.sql.SqlRunner;
import org.apache.flink.types.Row;

/**
 * Rows of Flink SQL and of Trino's JDBC driver in one comparable text form: instants as ISO-8601 UTC,
 * integers as integers whatever their width, doubles to 12 significant digits (aggregates may sum in
 * another order), NULL as {@code NULL}; each row's cells joined by {@code |}; rows sorted.
 */
final class Rows {
    private Rows() {}

    static final MathContext DIGITS = new MathContext(12);

    static String cell(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString() : v.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.round(DIGITS).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return Long.toString(((Number) v).longValue());
        }
        return v.toString();
    }

    /** A Flink SQL query's rows, normalised and sorted. */
    static List<String> flink(SqlRunner flink, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        for (Row r : flink.query(sql).rows()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.getArity(); i++) {
                sb.append(i == 0 ? "" : "|").append(cell(r.getField(i)));
            }
            out.add(sb.toString());
        }
        out.sort(String::compareTo);
        return out;
    }

    /** A Trino query's rows, normalised and sorted. */
    static List<String> trino(Connection trino, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = switch (md.getColumnType(i)) {
                        case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, ZonedDateTime.class);
                        case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
                        default -> rs.getObject(i);
                    };
                    sb.append(i == 1 ? "" : "|").append(cell(v));
                }
                out.add(sb.toString());
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** Column names of a Trino query, in order. */
    static List<String> trinoColumns(Connection trino, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i));
            }
        }
        return out;
    }
}
