package mrs.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import mrs.cli.DdlCommand;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.ddl.DdlFile;
import mrs.ddl.MrsTables;
import mrs.ddl.TableDefinition;
import mrs.ddl.TrinoTableDdl;
import mrs.ddl.TrinoViews;
import mrs.ddl.ViewSet;
import mrs.it.MiniClusters;
import mrs.it.TestData;
import mrs.sql.SqlRunner;
import mrs.udfs.attribution.AttributionModel;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analyst path for real (slow end-to-end case, ~1–2 min): an Iceberg REST catalog server, the MRS
 * pipeline on a MiniCluster writing every log through it, and a real Trino 476 server reading the same
 * catalog; Trino must return the same rows as the embedded Flink SQL query on the same tables and views.
 *
 * <p>Trino 476 needs Java 24.0.1 or newer: the test looks for one ({@code $MRS_TRINO_JAVA_HOME}, this
 * JVM, or {@code /usr/lib/jvm/*}) and is skipped, saying so, where there is none.
 */
class TrinoITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    static final List<String> STORES = TestData.LONDON_DAY_STORES;
    static final List<TestData.Shock> SHOCKS = TestData.LONDON_DAY_SHOCKS;
    static final List<String> SIGNALS = List.of(TestData.LONDON_CAMPAIGN, TestData.londonTikTok(""),
            "{\"signal_id\":\"SIG-BAD\",\"kind\":\"horoscope\"}");
    /** Only refusals: a malformed line and an unsigned action. */
    static final List<String> ACTIONS = List.of("{not an action",
            "{\"action_id\":\"A-UNSIGNED\",\"analyst\":\"alice\",\"issued_at\":\"2025-08-02T10:00:00Z\","
                    + "\"report_group_id\":\"ME-000000000000\",\"action\":\"confirm\",\"reason\":\"no signature\"}");
    static final MrsConfig CFG = MrsConfig.defaults().with("mrs.job.checkpoint-interval", "PT1S");

    static Path work;
    static RestCatalogProcess rest;
    static TrinoServer trino;
    static Connection conn;
    static CatalogSettings catalog;
    static SqlRunner flink;
    /** Why the cases are skipped (no Java for Trino), else null. */
    static String skipReason;

    @BeforeEach
    void skipWithoutJavaForTrino() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @BeforeAll
    static void startEverything() throws Exception {
        Optional<Path> jdk = TrinoServer.findJavaHome();
        if (jdk.isEmpty()) {
            String reason = "TrinoITCase skipped: Trino 476 needs Java " + TrinoServer.MIN_JAVA
                    + " or newer and none was found (this JVM is " + Runtime.version() + "; nothing suitable under "
                    + TrinoServer.JVM_DIR + "; set MRS_TRINO_JAVA_HOME to a JDK >= " + TrinoServer.MIN_JAVA + ")";
            System.out.println(reason);
            skipReason = reason;
            return;
        }
        work = Path.of("target", "trino-it-work").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        rest = RestCatalogProcess.start(work.resolve("rest"));
        long tRest = System.nanoTime();
        // Trino takes ~20 s to start: start it while the pipeline runs
        CompletableFuture<TrinoServer> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return TrinoServer.start(jdk.get(), Path.of(System.getProperty("mrs.trino.home")),
                        Path.of(System.getProperty("mrs.trino.plugins")), work.resolve("trino"), rest.uri(),
                        Duration.ofSeconds(150));
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        catalog = CatalogSettings.fromProperties("mrs", "mrs", Map.of("type", "rest", "uri", rest.uri()));
        runPipeline(catalog);
        long tPipeline = System.nanoTime();
        trino = starting.join();
        long tTrino = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("user", "mrs-it");
        conn = DriverManager.getConnection(trino.jdbcUrl(catalog.namespace()), props);
        // Flink SQL on the test's MiniCluster: one cluster for every read-back query instead of one each
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        flink = new SqlRunner(catalog, StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode()));
        System.out.printf("TrinoITCase: REST catalog up in %.1f s, pipeline %.1f s, Trino ready %.1f s later (%s, Java %s)%n",
                secs(tRest - t0), secs(tPipeline - tRest), secs(tTrino - tPipeline), jdk.get(),
                TrinoServer.javaVersion(jdk.get()).map(Object::toString).orElse("?"));
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    static void runPipeline(CatalogSettings catalog) throws Exception {
        MiniClusters.runBounded("trino-it", catalog, CFG, TestData.withBadLines(TestData.salesLines(STORES, SHOCKS)),
                TestData.storeLines(STORES), SIGNALS, ACTIONS, new AttributionModel()::propose);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Exception failure = null;
        for (AutoCloseable c : new AutoCloseable[] {conn, trino, rest}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    void trinoReadsEveryLogWithTheSameRowsAsFlinkSql() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String table : MrsTables.all()) {
            List<String> viaFlink = Rows.flink(flink, "SELECT * FROM `" + table + "`");
            List<String> viaTrino = Rows.trino(conn, "SELECT * FROM " + table);
            assertThat(viaTrino).as("rows of %s through Trino vs Flink SQL", table).isEqualTo(viaFlink);
            assertThat(Rows.trinoColumns(conn, "SELECT * FROM " + table)).as("columns of " + table)
                    .isEqualTo(MrsTables.columnNames(table));
            checked.add(table + "=" + viaTrino.size());
        }
        System.out.println("TrinoITCase: rows per log " + checked);
        // the comparison means something only if the logs are not empty
        for (String table : List.of(MrsTables.MINORITY_REPORTS_DETECTED_LOG, MrsTables.MINORITY_REPORTS_CLUSTERED_LOG,
                MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG, MrsTables.MINORITY_REPORTS_COHORT_LOG,
                MrsTables.MINORITY_REPORTS, MrsTables.MINORITY_EVENTS_LOG, MrsTables.SALES_ERRORS,
                MrsTables.SIGNALS_ERRORS, MrsTables.ANALYST_ACTIONS_REFUSED)) {
            assertThat(Rows.trino(conn, "SELECT count(*) FROM " + table)).as(table).doesNotContain("0");
        }
    }

    @Test
    void trinoViewsAreCreatedOnceInTheCatalogAndReturnTheSameRowsAsTheFlinkViews() throws Exception {
        ViewSet views = ViewSet.trino();
        // the tool a platform engineer runs: mrs ddl on the job's catalog, views through Trino
        String[] ddl = {"ddl", "--set", "mrs.catalog.type=rest", "--set", "mrs.catalog.uri=" + rest.uri(),
                "--trino-url", "jdbc:trino://127.0.0.1:" + trino.port(), "--trino-user", "mrs-it"};
        long t0 = System.nanoTime();
        String first = mrs(ddl);
        long t1 = System.nanoTime();
        String again = mrs(ddl);
        System.out.printf("TrinoITCase: mrs ddl %.1f s, again %.1f s:%n%s%s", secs(t1 - t0), secs(System.nanoTime() - t1),
                first, again);
        assertThat(first).contains("created 0, migrated 0, up to date 14") // the job created the tables
                .contains("trino mrs.mrs views: created " + views.names().size() + ", replaced 0, up to date 0");
        for (String v : views.names()) {
            assertThat(first).contains("  created    " + v + "\n");
        }
        assertThat(again).contains("created 0, migrated 0, up to date 14")
                .contains("trino mrs.mrs views: created 0, replaced 0, up to date " + views.names().size());
        // a new version of one view's SQL replaces that view only, and the bundled one puts it back
        ViewSet edited = ViewSet.of("edited", List.of(new DdlFile("V101__current_rows.sql",
                "CREATE VIEW ended_current AS SELECT report_id, window_end FROM minority_event_ended_log;")));
        assertThat(TrinoViews.apply(conn, "mrs", catalog.namespace(), edited).replaced()).containsExactly("ended_current");
        TrinoViews.Result back = TrinoViews.apply(conn, "mrs", catalog.namespace(), views);
        assertThat(back.replaced()).containsExactly("ended_current");
        assertThat(back.upToDate()).hasSize(views.names().size() - 1);

        // stored as Iceberg views in the shared REST catalog, not in Trino
        Catalog iceberg = catalog.load();
        try {
            assertThat(((ViewCatalog) iceberg).listViews(catalog.icebergNamespace()))
                    .extracting(TableIdentifier::name).containsExactlyInAnyOrderElementsOf(views.names());
        } finally {
            ((AutoCloseable) iceberg).close();
        }

        List<String> checked = new ArrayList<>();
        for (String view : views.names()) {
            // freshness and lag run on the wall clock: compare the rest
            String select = view.equals("sli_freshness")
                    ? "SELECT log_name, row_count, latest_written_at, latest_processed_at FROM sli_freshness"
                    : "SELECT * FROM " + view;
            List<String> viaFlink = Rows.flink(flink, select.replace(" FROM " + view, " FROM `" + view + "`"));
            List<String> viaTrino = Rows.trino(conn, select);
            assertThat(viaTrino).as("rows of view %s through Trino vs Flink SQL", view).isEqualTo(viaFlink);
            checked.add(view + "=" + viaTrino.size());
        }
        System.out.println("TrinoITCase: rows per view " + checked);
        for (String view : List.of("minority_reports_current", "minority_events_current", "attribution_current",
                "report_audit_trail", "event_audit_trail", "override_register", "sli_coverage", "sli_error_rate",
                "status_distribution")) {
            assertThat(Rows.trino(conn, "SELECT count(*) FROM " + view)).as(view).doesNotContain("0");
        }
        // freshness and lag run on the wall clock (an error row may carry a future event time)
        assertThat(Rows.trino(conn, "SELECT count(*) FROM sli_freshness WHERE row_count > 0 AND NOT processing_lag_seconds >= 0"))
                .containsExactly("0");
        assertThat(Rows.trino(conn, "SELECT freshness_seconds > 0 FROM sli_freshness WHERE log_name = 'minority_reports_detected_log'"))
                .containsExactly("true");
    }

    @Test
    void theTrinoTableDdlFilesCreateTheTablesTheDdlDefines() throws Exception {
        String schema = "trino_ddl_check";
        Properties props = new Properties();
        props.setProperty("user", "mrs-it");
        try (Connection own = DriverManager.getConnection(trino.jdbcUrl(schema), props)) {
            try (Statement s = own.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS mrs." + schema);
            }
            for (int round = 0; round < 2; round++) { // CREATE TABLE IF NOT EXISTS: the second round changes nothing
                for (DdlFile file : MrsTables.ddl().files()) {
                    for (String statement : TrinoTableDdl.statements(file)) {
                        if (statement.startsWith("--")) {
                            continue; // a comment only
                        }
                        try (Statement s = own.createStatement()) {
                            s.execute(statement.substring(0, statement.lastIndexOf(';')));
                        }
                    }
                }
            }
        }
        Catalog iceberg = catalog.load();
        try {
            for (String table : MrsTables.all()) {
                Table created = iceberg.loadTable(TableIdentifier.of(schema, table));
                TableDefinition expected = MrsTables.definition(table);
                assertThat(describe(created.schema())).as(table).isEqualTo(describe(expected.schema()));
                assertThat(describe(created.spec())).as(table).isEqualTo(describe(expected.spec()));
                assertThat(((HasTableOperations) created).operations().current().formatVersion()).as(table).isEqualTo(2);
            }
        } finally {
            ((AutoCloseable) iceberg).close();
        }
    }

    /** Column name, type, NOT NULL and comment per column, in order (field ids aside). */
    static List<String> describe(Schema schema) {
        return schema.columns().stream()
                .map(f -> f.name() + " " + f.type() + (f.isRequired() ? " NOT NULL" : "") + " '" + f.doc() + "'").toList();
    }

    static List<String> describe(PartitionSpec spec) {
        return spec.fields().stream().map(f -> f.transform() + "(" + spec.schema().findColumnName(f.sourceId()) + ")").toList();
    }

    /** Runs the mrs command line in this JVM; fails on a non-zero status with what it printed. */
    static String mrs(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DdlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("mrs %s: %s%s", String.join(" ", args), out, err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
