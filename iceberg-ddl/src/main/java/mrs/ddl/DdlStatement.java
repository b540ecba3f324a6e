package mrs.ddl;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.types.Type;

/** One parsed DDL statement. Names are already validated as lower-case identifiers. */
sealed interface DdlStatement {

    SourcePosition position();

    String table();

    /** A column as declared in {@code CREATE TABLE} or {@code ALTER TABLE ... ADD COLUMN}. */
    record Column(SourcePosition position, String name, Type type, boolean required, String comment) {}

    /**
     * One partition field: {@code transform} is one of identity, years, months, days, hours,
     * bucket, truncate; {@code argument} is the bucket count or truncate width (0 otherwise).
     */
    record PartitionField(SourcePosition position, String transform, int argument, String column) {
        String describe() {
            return argument > 0
                    ? transform + "(" + argument + ", " + column + ")"
                    : transform + "(" + column + ")";
        }
    }

    /** {@code CREATE TABLE [IF NOT EXISTS] t (...) [USING iceberg] [PARTITIONED BY (...)] ...}. */
    record CreateTable(
            SourcePosition position,
            String table,
            List<Column> columns,
            List<PartitionField> partitioning,
            String comment,
            Map<String, String> properties)
            implements DdlStatement {}

    /** {@code ALTER TABLE t ADD COLUMN[S] [IF NOT EXISTS] ...}: new columns are always nullable. */
    record AddColumns(SourcePosition position, String table, boolean ifNotExists, List<Column> columns)
            implements DdlStatement {}

    /** {@code ALTER TABLE t SET TBLPROPERTIES ('k' = 'v', ...)}. */
    record SetProperties(SourcePosition position, String table, Map<String, String> properties)
            implements DdlStatement {}
}
