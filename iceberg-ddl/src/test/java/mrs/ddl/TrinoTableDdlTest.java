package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/**
 * The Trino SQL table files are the rendering of the table DDL files. When this fails after a DDL
 * change, the fresh rendering is in iceberg-ddl/target/trino-ddl/: copy it over
 * iceberg-ddl/src/main/resources/mrs/ddl/trino/ (and review the diff).
 */
class TrinoTableDdlTest {

    @Test
    void everyTableFileHasItsTrinoTwinAsRendered() throws Exception {
        Path rendered = Path.of("target", "trino-ddl");
        Files.createDirectories(rendered);
        List<String> names = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (DdlFile file : MrsTables.ddl().files()) {
            String expected = TrinoTableDdl.render(file);
            Files.writeString(rendered.resolve(file.name()), expected, StandardCharsets.UTF_8);
            names.add(file.name());
            String committed = DdlApplier.readResource(getClass().getClassLoader(), TrinoTableDdl.DIRECTORY + "/" + file.name());
            if (!expected.equals(committed)) {
                stale.add(file.name());
            }
        }
        String index = "# The MRS table DDL in Trino SQL, rendered from ../ (same names, same order).\n"
                + String.join("\n", names) + "\n";
        Files.writeString(rendered.resolve(DdlApplier.INDEX_FILE), index, StandardCharsets.UTF_8);
        assertThat(DdlApplier.readResource(getClass().getClassLoader(), TrinoTableDdl.DIRECTORY + "/" + DdlApplier.INDEX_FILE))
                .as("index of " + TrinoTableDdl.DIRECTORY).isEqualTo(index);
        assertThat(stale).as("Trino table files that are not the rendering of their table file: copy "
                + rendered.toAbsolutePath() + "/* to src/main/resources/" + TrinoTableDdl.DIRECTORY).isEmpty();
    }

    @Test
    void rendersTypesPartitionsCommentsAndMigrations() {
        String sql = String.join("\n\n", TrinoTableDdl.statements(new DdlFile("V001__w.sql", """
                CREATE TABLE w (id STRING NOT NULL COMMENT 'it''s the id', n BIGINT, at TIMESTAMP NOT NULL,
                  local_at TIMESTAMP_NTZ, price DECIMAL(10, 2), ok BOOLEAN)
                USING iceberg PARTITIONED BY (days(at), bucket(16, id)) COMMENT 'widgets'
                TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd', 'commit.retry.num-retries' = '10');
                ALTER TABLE w ADD COLUMN colour STRING COMMENT 'new';
                """)));
        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS w (")
                .contains("id       varchar                     NOT NULL COMMENT 'it''s the id',")
                .contains("at       timestamp(6) with time zone NOT NULL,")
                .contains("local_at timestamp(6),").contains("price    decimal(10, 2),")
                .contains("COMMENT 'widgets'")
                .contains("partitioning = ARRAY['day(at)', 'bucket(id, 16)']").contains("format_version = 2")
                .contains("--   commit.retry.num-retries = 10").doesNotContain("compression")
                .contains("ALTER TABLE w ADD COLUMN IF NOT EXISTS colour varchar COMMENT 'new';");
        assertThat(TrinoTableDdl.trinoType(Types.FloatType.get())).isEqualTo("real");
    }
}
