package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class DdlParserTest {

    private static DdlApplier ddl(String... nameAndText) {
        List<DdlFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.add(new DdlFile(nameAndText[i], nameAndText[i + 1]));
        }
        return DdlApplier.of(files);
    }

    @Test
    void parsesEveryTypeClauseAndComment() {
        List<DdlStatement> statements = DdlParser.parse("V001__t.sql", """
                -- leading comment
                create table if not exists t (
                    a STRING NOT NULL COMMENT 'it''s a',  /* inline */
                    b int, c Integer, d BIGINT, e long, f FLOAT, g DOUBLE, h BOOLEAN, i DATE,
                    j BINARY, k DECIMAL(12, 3), l TIMESTAMP, m TIMESTAMP_LTZ, n TIMESTAMP_NTZ,
                    `o` STRING COMMENT 'quoted name' NOT NULL
                ) USING ICEBERG
                  PARTITIONED BY (a, identity(b), YEARS(l), months(m), days(l), hours(n),
                                  bucket(16, d), truncate(4, a))
                  COMMENT 'table comment'
                  TBLPROPERTIES ('k1' = 'v1', 'k2'='v2');
                ;
                """);
        assertThat(statements).hasSize(1);
        var create = (DdlStatement.CreateTable) statements.get(0);
        assertThat(create.table()).isEqualTo("t");
        assertThat(create.columns()).extracting(DdlStatement.Column::type).containsExactly(
                Types.StringType.get(), Types.IntegerType.get(), Types.IntegerType.get(), Types.LongType.get(),
                Types.LongType.get(), Types.FloatType.get(), Types.DoubleType.get(), Types.BooleanType.get(),
                Types.DateType.get(), Types.BinaryType.get(), Types.DecimalType.of(12, 3),
                Types.TimestampType.withZone(), Types.TimestampType.withZone(), Types.TimestampType.withoutZone(),
                Types.StringType.get());
        assertThat(create.columns().get(0).comment()).isEqualTo("it's a");
        assertThat(create.columns().get(0).required()).isTrue();
        assertThat(create.columns().get(1).required()).isFalse();
        assertThat(create.columns().get(14).required()).isTrue();
        assertThat(create.partitioning()).extracting(DdlStatement.PartitionField::describe).containsExactly(
                "identity(a)", "identity(b)", "years(l)", "months(m)", "days(l)", "hours(n)",
                "bucket(16, d)", "truncate(4, a)");
        assertThat(create.comment()).isEqualTo("table comment");
        assertThat(create.properties()).containsExactly(
                java.util.Map.entry("k1", "v1"), java.util.Map.entry("k2", "v2"));
    }

    @Test
    void parsesAlterStatements() {
        List<DdlStatement> statements = DdlParser.parse("V002__t.sql", """
                ALTER TABLE t ADD COLUMN x STRING COMMENT 'x';
                ALTER TABLE t ADD COLUMN IF NOT EXISTS y INT;
                ALTER TABLE t ADD COLUMNS (z DOUBLE, w DATE COMMENT 'w');
                ALTER TABLE t SET TBLPROPERTIES ('a' = 'b');
                """);
        assertThat(statements).hasSize(4);
        assertThat(((DdlStatement.AddColumns) statements.get(0)).ifNotExists()).isFalse();
        assertThat(((DdlStatement.AddColumns) statements.get(1)).ifNotExists()).isTrue();
        assertThat(((DdlStatement.AddColumns) statements.get(2)).columns())
                .extracting(DdlStatement.Column::name).containsExactly("z", "w");
        assertThat(((DdlStatement.SetProperties) statements.get(3)).properties()).containsEntry("a", "b");
    }

    @Test
    void errorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (\n  a STRNG\n);"))
                .isInstanceOf(DdlException.class)
                .hasMessageStartingWith("V001__t.sql:2:5: unsupported column type 'STRNG'");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a STRING)"))
                .hasMessage("V001__t.sql:1:26: expected ';' to end the statement but found the end of the file");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a STRING,);"))
                .hasMessage("V001__t.sql:1:26: expected column name but found ')'");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "\n\nDROP TABLE t;"))
                .hasMessage("V001__t.sql:3:1: expected CREATE TABLE or ALTER TABLE but found 'DROP'");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE Sales (a STRING);"))
                .hasMessageContaining("V001__t.sql:1:14: table name 'Sales' must be lower-case");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a STRING COMMENT 'oops);"))
                .hasMessage("V001__t.sql:1:34: unterminated string (missing closing ')");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a STRING) PARTITIONED BY (weeks(a));"))
                .hasMessageStartingWith("V001__t.sql:1:43: unknown partition transform 'weeks'");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a DECIMAL(40, 2));"))
                .hasMessageStartingWith("V001__t.sql:1:27: DECIMAL(40, 2) is invalid");
        assertThatThrownBy(() -> DdlParser.parse("V002__t.sql", "ALTER TABLE t ADD COLUMN b INT NOT NULL;"))
                .hasMessageStartingWith("V002__t.sql:1:32: an added column cannot be NOT NULL");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a INT) USING parquet;"))
                .hasMessage("V001__t.sql:1:30: only USING iceberg is supported, found 'parquet'");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "-- nothing\n"))
                .hasMessage("V001__t.sql:1:1: the file holds no statement");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a INT) TBLPROPERTIES ('k'='1', 'k'='2');"))
                .hasMessage("V001__t.sql:1:48: property 'k' is set twice");
        assertThatThrownBy(() -> DdlParser.parse("V001__t.sql", "CREATE TABLE t (a INT) # x;"))
                .hasMessage("V001__t.sql:1:24: unexpected character '#'");
    }

    @Test
    void validatesTheSetAsAWhole() {
        assertThatThrownBy(() -> ddl("V001__t.sql", "ALTER TABLE t ADD COLUMN b INT;"))
                .hasMessageStartingWith("V001__t.sql:1:1: ALTER TABLE of unknown table 't'");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a INT);", "V002__t.sql", "CREATE TABLE t (a INT);"))
                .hasMessage("V002__t.sql:1:1: table 't' is already created at V001__t.sql:1:1; change it with ALTER TABLE");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a INT, b INT,\n a STRING);"))
                .hasMessage("V001__t.sql:2:2: column 'a' of table 't' is declared twice (first at V001__t.sql:1:17)");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a INT);", "V002__t.sql", "ALTER TABLE t ADD COLUMN a INT;"))
                .hasMessage("V002__t.sql:1:26: column 'a' of table 't' already exists (declared at V001__t.sql:1:17)");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a INT);",
                "V002__t.sql", "ALTER TABLE t ADD COLUMN IF NOT EXISTS a STRING;"))
                .hasMessageStartingWith("V002__t.sql:1:40: column 'a' of table 't' is int");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a INT) PARTITIONED BY (days(b));"))
                .hasMessage("V001__t.sql:1:40: partition days(b) names no column of table 't'");
        assertThatThrownBy(() -> ddl("V001__t.sql", "CREATE TABLE t (a STRING) PARTITIONED BY (days(a));"))
                .hasMessageStartingWith("V001__t.sql:1:43: partition days(a) of table 't' is invalid");
        assertThatThrownBy(() -> ddl("V002__t.sql", "CREATE TABLE t (a INT);", "V001__u.sql", "CREATE TABLE u (a INT);"))
                .hasMessageContaining("V001__u.sql comes after V002__t.sql but its version is not higher");
        assertThatThrownBy(() -> new DdlFile("001_t.sql", ""))
                .hasMessageContaining("must look like V<number>__<lower_snake_description>.sql");
    }

    @Test
    void ifNotExistsOfAnIdenticalColumnIsANoOp() {
        DdlApplier applier = ddl("V001__t.sql", "CREATE TABLE t (a INT);",
                "V002__t.sql", "ALTER TABLE t ADD COLUMN IF NOT EXISTS a INT; ALTER TABLE t ADD COLUMN b STRING;");
        assertThat(applier.table("t").columnNames()).containsExactly("a", "b");
        assertThat(applier.table("t").schema().findField("b").fieldId()).isEqualTo(2);
        assertThat(applier.upTo(1).table("t").columnNames()).containsExactly("a");
        assertThat(applier.latestVersion()).isEqualTo(2);
    }

    @Test
    void missingIndexEntryIsReported() {
        assertThatThrownBy(() -> DdlApplier.fromClasspath("testddl/nowhere"))
                .hasMessage("no DDL index on the classpath at testddl/nowhere/index.txt");
    }
}
