package mrs.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The table DDL in Trino SQL: each versioned table file ({@code mrs/ddl/V<n>__*.sql}, the dialect of
 * {@link DdlParser}) has a Trino twin of the same name in {@value #DIRECTORY}, rendered from it by
 * {@link #render} ({@code TrinoTableDdlTest} keeps the committed files equal to the rendering, and the
 * Trino end-to-end test runs them through Trino and compares the tables with {@link MrsTables}). The
 * job and {@code mrs ddl} create tables through Iceberg's API ({@link DdlApplier}); these files are for
 * whoever manages the catalog with Trino.
 *
 * <p>Trino's Iceberg connector writes ZSTD-compressed Parquet by default, so the files do not repeat
 * {@code write.parquet.compression-codec}; other {@code SET TBLPROPERTIES} changes stay comments (only
 * {@code mrs ddl} applies them).
 */
public final class TrinoTableDdl {
    /** Classpath directory of the Trino SQL table files. */
    public static final String DIRECTORY = "mrs/ddl/trino";

    private TrinoTableDdl() {}

    /** The Trino SQL twin of one table DDL file. */
    public static String render(DdlFile file) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- Trino SQL of ../").append(file.name()).append(" (rendered by mrs.ddl.TrinoTableDdl; do not edit:\n")
                .append("-- change the original and re-render). Run with the MRS schema as the session schema.\n\n");
        sb.append(String.join("\n\n", statements(file))).append('\n');
        return sb.toString();
    }

    /** The Trino statements of one table DDL file, each ending with {@code ;}. */
    public static List<String> statements(DdlFile file) {
        List<String> out = new ArrayList<>();
        for (DdlStatement s : DdlParser.parse(file.name(), file.text())) {
            if (s instanceof DdlStatement.CreateTable create) {
                out.add(createTable(create));
            } else if (s instanceof DdlStatement.AddColumns add) {
                for (DdlStatement.Column c : add.columns()) {
                    out.add("ALTER TABLE " + add.table() + " ADD COLUMN IF NOT EXISTS " + c.name() + " " + trinoType(c.type())
                            + (c.comment() == null ? "" : " COMMENT " + literal(c.comment())) + ";");
                }
            } else if (s instanceof DdlStatement.SetProperties set) {
                StringBuilder sb = new StringBuilder("-- applied by mrs ddl only (Iceberg table properties of " + set.table() + "):");
                set.properties().forEach((k, v) -> sb.append("\n--   ").append(k).append(" = ").append(v));
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static String createTable(DdlStatement.CreateTable create) {
        int width = create.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int typeWidth = create.columns().stream().mapToInt(c -> trinoType(c.type()).length()).max().orElse(0);
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(create.table()).append(" (\n");
        for (int i = 0; i < create.columns().size(); i++) {
            DdlStatement.Column c = create.columns().get(i);
            String line = "    " + pad(c.name(), width) + " " + pad(trinoType(c.type()), typeWidth)
                    + (c.required() ? " NOT NULL" : "         ")
                    + (c.comment() == null ? "" : " COMMENT " + literal(c.comment()));
            sb.append(line.stripTrailing());
            sb.append(i + 1 < create.columns().size() ? ",\n" : "\n");
        }
        sb.append(")");
        if (create.comment() != null) {
            sb.append("\nCOMMENT ").append(literal(create.comment()));
        }
        List<String> with = new ArrayList<>();
        with.add("format = 'PARQUET'");
        with.add("format_version = " + create.properties().getOrDefault("format-version",
                DdlApplier.DEFAULT_TABLE_PROPERTIES.get("format-version")));
        if (!create.partitioning().isEmpty()) {
            with.add("partitioning = ARRAY[" + String.join(", ",
                    create.partitioning().stream().map(f -> literal(partition(f))).toList()) + "]");
        }
        sb.append("\nWITH (\n    ").append(String.join(",\n    ", with)).append("\n);");
        Map<String, String> others = new java.util.TreeMap<>(create.properties());
        others.remove("format-version");
        others.remove("write.parquet.compression-codec"); // Trino's default is ZSTD
        if (!others.isEmpty()) {
            StringBuilder c = new StringBuilder("\n-- applied by mrs ddl only (Iceberg table properties):");
            others.forEach((k, v) -> c.append("\n--   ").append(k).append(" = ").append(v));
            sb.append(c);
        }
        return sb.toString();
    }

    /** Trino's name for an Iceberg type. */
    static String trinoType(Type type) {
        return switch (type.typeId()) {
            case STRING -> "varchar";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case FLOAT -> "real";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case BINARY -> "varbinary";
            case DECIMAL -> "decimal(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale() + ")";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "timestamp(6) with time zone" : "timestamp(6)";
            default -> throw new IllegalArgumentException("no Trino type for Iceberg type " + type);
        };
    }

    /** Trino's partitioning expression of one partition field. */
    static String partition(DdlStatement.PartitionField f) {
        return switch (f.transform()) {
            case "identity" -> f.column();
            case "years" -> "year(" + f.column() + ")";
            case "months" -> "month(" + f.column() + ")";
            case "days" -> "day(" + f.column() + ")";
            case "hours" -> "hour(" + f.column() + ")";
            case "bucket" -> "bucket(" + f.column() + ", " + f.argument() + ")";
            case "truncate" -> "truncate(" + f.column() + ", " + f.argument() + ")";
            default -> throw new IllegalArgumentException("unknown transform " + f.transform());
        };
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
