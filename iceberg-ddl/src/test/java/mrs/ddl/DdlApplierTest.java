package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdlApplierTest {

    private static final Namespace NS = Namespace.of("mrs");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 8, 12, 9, 30, 0, 0, ZoneOffset.UTC);

    @TempDir Path dir;
    private CatalogSettings settings;
    private Catalog catalog;

    @BeforeEach
    void openCatalog() {
        settings = CatalogSettings.embedded(dir);
        catalog = settings.load();
    }

    @AfterEach
    void closeCatalog() throws Exception {
        ((AutoCloseable) catalog).close();
    }

    @Test
    void embeddedCatalogGetsEveryTableAsDeclared() {
        DdlApplier.Result result = MrsTables.ddl().apply(catalog, NS);

        assertThat(result.created()).containsExactlyElementsOf(MrsTables.all());
        assertThat(result.summary()).isEqualTo("namespace mrs: created 14, migrated 0, up to date 0");
        assertThat(((SupportsNamespaces) catalog).namespaceExists(NS)).isTrue();
        for (String name : MrsTables.all()) {
            Table table = catalog.loadTable(TableIdentifier.of(NS, name));
            assertThat(table.schema().sameSchema(MrsTables.schema(name))).as(name).isTrue();
            assertThat(table.schema().columns()).extracting(Types.NestedField::name)
                    .isEqualTo(MrsTables.columnNames(name));
            assertThat(table.spec().fields()).extracting(f -> MrsTablesTest.describe(f, table.schema()))
                    .as(name).isEqualTo(MrsTablesTest.partitioning(name));
            assertThat(metadata(table).formatVersion()).isEqualTo(2);
            assertThat(table.properties()).containsEntry("write.parquet.compression-codec", "zstd")
                    .containsKey("comment");
            assertThat(table.location()).startsWith("file://" + dir.toAbsolutePath() + "/warehouse/mrs/" + name);
        }
        Table sales = catalog.loadTable(TableIdentifier.of(NS, MrsTables.SALES_ERRORS));
        assertThat(sales.spec().fields()).extracting(f -> f.name())
                .containsExactly("stage", "processed_at_day");
    }

    @Test
    void applyingTwiceChangesNothing() {
        MrsTables.ddl().apply(catalog, NS);
        Table sales = catalog.loadTable(TableIdentifier.of(NS, MrsTables.SALES_ERRORS));
        TestTables.append(sales, List.of(salesError("e1", "parse-sales")));

        Map<String, TableMetadata> before = new java.util.HashMap<>();
        for (String name : MrsTables.all()) {
            before.put(name, metadata(catalog.loadTable(TableIdentifier.of(NS, name))));
        }

        DdlApplier.Result second = MrsTables.ddl().apply(catalog, NS);

        assertThat(second.changed()).isFalse();
        assertThat(second.upToDate()).containsExactlyElementsOf(MrsTables.all());
        for (String name : MrsTables.all()) {
            TableMetadata now = metadata(catalog.loadTable(TableIdentifier.of(NS, name)));
            TableMetadata was = before.get(name);
            assertThat(now.metadataFileLocation()).as(name).isEqualTo(was.metadataFileLocation());
            assertThat(now.currentSchemaId()).as(name).isEqualTo(was.currentSchemaId());
            assertThat(now.currentSnapshot()).as(name).isEqualTo(was.currentSnapshot());
            assertThat(now.lastUpdatedMillis()).as(name).isEqualTo(was.lastUpdatedMillis());
        }
        assertThat(TestTables.readAll(catalog.loadTable(TableIdentifier.of(NS, MrsTables.SALES_ERRORS))))
                .extracting(r -> r.getField("error_id")).containsExactly("e1");
    }

    @Test
    void addColumnMigrationReadsOldRowsAsNull() {
        DdlApplier full = DdlApplier.fromClasspath("testddl/migration");
        DdlApplier firstRelease = full.upTo(1);
        TableIdentifier id = TableIdentifier.of(NS, "widgets");

        assertThat(firstRelease.apply(catalog, NS).created()).containsExactly("widgets");
        Table widgets = catalog.loadTable(id);
        assertThat(widgets.schema().columns()).extracting(Types.NestedField::name)
                .containsExactly("widget_id", "units", "price", "made_at");
        TestTables.append(widgets, List.of(TestTables.record(widgets, Map.of(
                "widget_id", "w-1", "units", 3, "price", new BigDecimal("9.99"), "made_at", T0))));
        long oldSnapshot = widgets.currentSnapshot().snapshotId();

        DdlApplier.Result migrated = full.apply(catalog, NS);

        assertThat(migrated.migrated()).containsExactly("widgets");
        widgets = catalog.loadTable(id);
        assertThat(widgets.schema().columns()).extracting(Types.NestedField::name)
                .containsExactly("widget_id", "units", "price", "made_at", "colour", "weight_kg", "checked_on");
        assertThat(widgets.schema().sameSchema(full.table("widgets").schema())).isTrue();
        assertThat(widgets.schema().findField("colour").doc()).isEqualTo("Paint colour, NULL before V002");
        assertThat(widgets.properties()).containsEntry("commit.retry.num-retries", "12");
        assertThat(widgets.currentSnapshot().snapshotId()).isEqualTo(oldSnapshot);

        TestTables.append(widgets, List.of(TestTables.record(widgets, Map.of(
                "widget_id", "w-2", "made_at", T0.plusDays(1), "colour", "red", "weight_kg", 1.5))));
        List<Record> rows = TestTables.readAll(widgets);
        rows.sort(java.util.Comparator.comparing(r -> (String) r.getField("widget_id")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getField("widget_id")).isEqualTo("w-1");
        assertThat(rows.get(0).getField("units")).isEqualTo(3);
        assertThat(rows.get(0).getField("price")).isEqualTo(new BigDecimal("9.99"));
        assertThat(rows.get(0).getField("colour")).isNull();
        assertThat(rows.get(0).getField("weight_kg")).isNull();
        assertThat(rows.get(0).getField("checked_on")).isNull();
        assertThat(rows.get(1).getField("colour")).isEqualTo("red");
        assertThat(rows.get(1).getField("weight_kg")).isEqualTo(1.5);

        String metadataLocation = metadata(widgets).metadataFileLocation();
        assertThat(full.apply(catalog, NS).upToDate()).containsExactly("widgets");
        assertThat(metadata(catalog.loadTable(id)).metadataFileLocation()).isEqualTo(metadataLocation);
    }

    @Test
    void everyMrsTableTakesARowOfItsDeclaredLayout() {
        MrsTables.ddl().apply(catalog, NS);
        Map<String, Map<String, Object>> rows = Map.of(
                MrsTables.SALES_ERRORS, Map.of("error_id", "e", "stage", "late-sales", "error", "late",
                        "processed_at", T0, "event_time", T0.minusHours(3), "source_offset", 42L),
                MrsTables.STORES_ERRORS, Map.of("error_id", "e", "stage", "parse-stores", "error", "bad json",
                        "processed_at", T0, "raw_payload", "{"),
                MrsTables.MINORITY_REPORTS_DETECTED_LOG, Map.of("report_id", "r", "revision", 1, "store_id", "S-1",
                        "window_start", T0, "skus", "SKU-1,SKU-2", "z_score", 4.2, "written_at", T0,
                        "processed_at", T0),
                MrsTables.MINORITY_EVENT_ENDED_LOG, Map.of("report_id", "r", "store_id", "S-1", "window_start", T0,
                        "window_end", T0.plusHours(2), "final_revision", 3, "written_at", T0.plusHours(6),
                        "processed_at", T0));
        rows.forEach((name, values) -> {
            Table table = catalog.loadTable(TableIdentifier.of(NS, name));
            TestTables.append(table, List.of(TestTables.record(table, values)));
            List<Record> back = TestTables.readAll(catalog.loadTable(TableIdentifier.of(NS, name)));
            assertThat(back).as(name).hasSize(1);
            values.forEach((column, value) -> assertThat(back.get(0).getField(column)).as(name + "." + column)
                    .isEqualTo(value));
        });
        Table sales = catalog.loadTable(TableIdentifier.of(NS, MrsTables.SALES_ERRORS));
        List<String> files = new java.util.ArrayList<>();
        try (var tasks = sales.newScan().planFiles()) {
            tasks.forEach(task -> files.add(task.file().location()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f)
                .contains("/warehouse/mrs/sales_errors/data/stage=late-sales/processed_at_day=2025-08-12/")
                .endsWith(".parquet"));
    }

    @Test
    void anExistingTableThatContradictsTheDdlIsReported() {
        DdlApplier.of(List.of(new DdlFile("V001__t.sql", "CREATE TABLE t (a INT, b STRING);"))).apply(catalog, NS);

        DdlApplier otherType = DdlApplier.of(List.of(new DdlFile("V001__t.sql", "CREATE TABLE t (a INT, b BIGINT);")));
        assertThatThrownBy(() -> otherType.apply(catalog, NS))
                .isInstanceOf(DdlException.class)
                .hasMessage("table mrs.mrs.t column 'b' is string in the catalog but long in the DDL (V001__t.sql:1:24)");

        DdlApplier edited = DdlApplier.of(List.of(new DdlFile("V001__t.sql", "CREATE TABLE t (a INT, b STRING, c INT);")));
        assertThatThrownBy(() -> edited.apply(catalog, NS))
                .isInstanceOf(DdlException.class)
                .hasMessageStartingWith("table mrs.mrs.t exists but lacks column 'c' of its CREATE TABLE "
                        + "(V001__t.sql:1:34): a released DDL file was edited");
    }

    @Test
    void commandLineAppliesToTheEmbeddedCatalog() {
        Path data = dir.resolve("cli");
        Output first = run("--data-dir", data.toString());
        assertThat(first.status).isZero();
        assertThat(first.out).contains("DDL v14 on catalog mrs, namespace mrs: created 14, migrated 0, up to date 0")
                .contains("created    minority_event_ended_log");

        Output second = run("--data-dir", data.toString(), "--catalog-property", "clients=3");
        assertThat(second.status).isZero();
        assertThat(second.out).contains("created 0, migrated 0, up to date 14");

        Output other = run("--data-dir", data.toString(), "--namespace", "staging", "--catalog-name", "mrs");
        assertThat(other.out).contains("namespace staging: created 14");
    }

    @Test
    void commandLineHelpAndErrors() {
        Output help = run("--help");
        assertThat(help.status).isZero();
        assertThat(help.out).contains("Usage: mrs.ddl.DdlApplier").contains("--catalog-property KEY=VALUE");

        Output none = run();
        assertThat(none.status).isEqualTo(2);
        assertThat(none.err).contains("error: give --data-dir or --catalog-property");

        Output unknown = run("--data-dirr", "x");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("error: unknown option '--data-dirr'");

        Output noType = run("--catalog-property", "uri=http://localhost:1");
        assertThat(noType.status).isEqualTo(1);
        assertThat(noType.err).contains("error: catalog 'mrs' names no catalog type");

        Output badProperty = run("--catalog-property", "type");
        assertThat(badProperty.status).isEqualTo(2);
        assertThat(badProperty.err).contains("--catalog-property needs KEY=VALUE, got 'type'");
    }

    @Test
    void findsTheDdlSetInsideAJar() throws Exception {
        Path jar = dir.resolve("ddl.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            for (String name : List.of("index.txt", "V001__widgets.sql", "V002__widgets_colour.sql")) {
                out.putNextEntry(new java.util.jar.JarEntry("sql/" + name));
                try (var in = getClass().getClassLoader().getResourceAsStream("testddl/migration/" + name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            DdlApplier fromJar = DdlApplier.fromClasspath("sql", loader);
            assertThat(fromJar.files()).extracting(DdlFile::name)
                    .containsExactly("V001__widgets.sql", "V002__widgets_colour.sql");
            assertThat(fromJar.table("widgets")).isEqualTo(DdlApplier.fromClasspath("testddl/migration").table("widgets"));
        }
    }

    private static TableMetadata metadata(Table table) {
        return ((HasTableOperations) table).operations().current();
    }

    private static Record salesError(String id, String stage) {
        return TestTables.record(MrsTables.schema(MrsTables.SALES_ERRORS), Map.of("error_id", id, "stage", stage,
                "error", "boom", "processed_at", T0));
    }

    private record Output(int status, String out, String err) {}

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DdlApplier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
