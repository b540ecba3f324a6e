package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The view files: both dialects parse, define the same views in the same files, and name real tables. */
class ViewSetTest {

    @Test
    void flinkAndTrinoDefineTheSameViewsInTheSameFiles() {
        ViewSet flink = ViewSet.flink();
        ViewSet trino = ViewSet.trino();
        assertThat(flink.files()).extracting(DdlFile::name).isEqualTo(trino.files().stream().map(DdlFile::name).toList());
        assertThat(flink.names()).isEqualTo(trino.names());
        assertThat(flink.names()).contains("minority_reports_current", "minority_events_current", "report_audit_trail",
                "event_audit_trail", "override_register", "sli_freshness", "sli_coverage", "sli_error_rate",
                "status_distribution", "stale_cohorts");
        for (ViewSet.View v : flink.views()) {
            assertThat(trino.view(v.name()).file()).as(v.name()).isEqualTo(v.file());
        }
    }

    @Test
    void viewNamesDoNotShadowTablesAndEachDialectKeepsToItsOwnSyntax() {
        List<String> tables = MrsTables.all();
        for (ViewSet.View v : ViewSet.flink().views()) {
            assertThat(tables).doesNotContain(v.name());
            assertThat(v.query()).as(v.name()).doesNotContainIgnoringCase("VARCHAR").doesNotContain("date_diff");
        }
        for (ViewSet.View v : ViewSet.trino().views()) {
            assertThat(v.query()).as(v.name()).doesNotContain("AS STRING").doesNotContain("TIMESTAMPDIFF")
                    .doesNotContain("DATE_FORMAT");
        }
    }

    @Test
    void everyTableOfTheDdlIsCoveredByTheFreshnessView() {
        String freshness = ViewSet.flink().view("sli_freshness").query();
        for (String table : MrsTables.all()) {
            assertThat(freshness).as(table).contains("FROM " + table);
        }
    }

    @Test
    void parsesStatementsCommentsAndQuotes() {
        ViewSet set = ViewSet.of("test", List.of(new DdlFile("V001__a.sql", """
                -- a comment; with a semicolon
                CREATE VIEW a AS SELECT 'x;y' AS s -- trailing; comment
                  FROM t;

                create view b as
                SELECT * FROM a;
                """)));
        assertThat(set.names()).containsExactly("a", "b");
        assertThat(set.view("a").query()).isEqualTo("SELECT 'x;y' AS s \n  FROM t");
        assertThat(set.view("a").line()).isEqualTo(2);
        assertThat(set.view("b").line()).isEqualTo(5);
    }

    @Test
    void rejectsWhatIsNotAViewWithTheFileAndLine() {
        assertThatThrownBy(() -> ViewSet.of("t", List.of(new DdlFile("V001__a.sql", "\nDROP VIEW a;"))))
                .hasMessageContaining("V001__a.sql:2").hasMessageContaining("CREATE VIEW");
        assertThatThrownBy(() -> ViewSet.of("t", List.of(new DdlFile("V001__a.sql", "CREATE VIEW a AS SELECT 1"))))
                .hasMessageContaining("does not end with ';'");
        assertThatThrownBy(() -> ViewSet.of("t", List.of(new DdlFile("V001__a.sql", "CREATE VIEW a AS SELECT 1;"),
                new DdlFile("V002__b.sql", "CREATE VIEW a AS SELECT 2;"))))
                .hasMessageContaining("V002__b.sql:1").hasMessageContaining("already defined at V001__a.sql:1");
        assertThatThrownBy(() -> ViewSet.of("t", List.of(new DdlFile("V001__a.sql", "CREATE VIEW Abc AS SELECT 1;"))))
                .hasMessageContaining("lower-case");
    }

    @Test
    void trinoDefinitionsCompareWithoutWhitespace() {
        assertThat(TrinoViews.normalise("SELECT *\n  FROM  t ;")).isEqualTo("SELECT * FROM t");
        ViewSet.View v = new ViewSet.View("v", "SELECT 1", "V001__a.sql", 1);
        assertThat(TrinoViews.fingerprint(v)).matches("MRS view from V001__a.sql, sql sha256 [0-9a-f]{16}")
                .isEqualTo(TrinoViews.fingerprint(new ViewSet.View("v", " SELECT\n 1 ", "V001__a.sql", 3)))
                .isNotEqualTo(TrinoViews.fingerprint(new ViewSet.View("v", "SELECT 2", "V001__a.sql", 1)));
    }
}
