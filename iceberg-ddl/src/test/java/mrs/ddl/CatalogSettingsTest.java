package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSettingsTest {

    @TempDir Path dir;

    @Test
    void embeddedIsAJdbcCatalogOnSqliteWithALocalWarehouse() throws Exception {
        Path data = dir.resolve("data");
        CatalogSettings settings = CatalogSettings.embedded(data);

        assertThat(settings.name()).isEqualTo("mrs");
        assertThat(settings.namespace()).isEqualTo("mrs");
        assertThat(settings.icebergNamespace()).isEqualTo(Namespace.of("mrs"));
        assertThat(settings.properties())
                .containsEntry("catalog-impl", SqliteJdbcCatalog.class.getName())
                .containsEntry("uri", "jdbc:sqlite:" + data.toAbsolutePath().resolve("catalog.db"))
                .containsEntry("warehouse", "file://" + data.toAbsolutePath().resolve("warehouse"))
                .containsEntry("jdbc.schema-version", "V1");
        assertThat(settings.catalogImpl()).isEqualTo(SqliteJdbcCatalog.class.getName());
        assertThat(data.resolve("warehouse")).isDirectory();

        Catalog catalog = settings.load();
        try (var closeable = (AutoCloseable) catalog) {
            assertThat(catalog).isInstanceOf(SqliteJdbcCatalog.class).isInstanceOf(JdbcCatalog.class);
            assertThat(catalog.name()).isEqualTo("mrs");
            ((SupportsNamespaces) catalog).createNamespace(Namespace.of("mrs"));
        }
        assertThat(data.resolve("catalog.db")).isRegularFile();
    }

    @Test
    void catalogLoaderBuildsTheSameCatalog() throws Exception {
        CatalogSettings settings = CatalogSettings.embedded(dir);
        CatalogLoader loader = roundTrip(settings.catalogLoader());
        Catalog catalog = loader.loadCatalog();
        try (var closeable = (AutoCloseable) catalog) {
            assertThat(catalog).isInstanceOf(JdbcCatalog.class);
            assertThat(catalog.name()).isEqualTo("mrs");
        }
    }

    @Test
    void isSerializableAndImmutable() throws Exception {
        CatalogSettings settings = CatalogSettings.embedded(dir).withNamespace("prod.mrs").withName("lake");
        CatalogSettings copy = roundTrip(settings);
        assertThat(copy).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(copy.icebergNamespace()).isEqualTo(Namespace.of("prod", "mrs"));
        assertThat(copy.name()).isEqualTo("lake");
        assertThatThrownBy(() -> copy.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void propertiesNameTheCatalogType() {
        assertThat(CatalogSettings.fromProperties("c", "ns", Map.of("type", "REST", "uri", "http://x")).catalogImpl())
                .isEqualTo("org.apache.iceberg.rest.RESTCatalog");
        assertThat(CatalogSettings.fromProperties("c", "ns", Map.of("type", "hive")).catalogImpl())
                .isEqualTo("org.apache.iceberg.hive.HiveCatalog");
        assertThat(CatalogSettings.fromProperties("c", "ns", Map.of("catalog-impl", "com.example.MyCatalog"))
                .catalogImpl()).isEqualTo("com.example.MyCatalog");

        assertThatThrownBy(() -> CatalogSettings.fromProperties("c", "ns", Map.of("uri", "http://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("catalog 'c' names no catalog type: set 'type' to one of bigquery, glue, "
                        + "hadoop, hive, jdbc, nessie, rest or 'catalog-impl'");
        assertThatThrownBy(() -> CatalogSettings.fromProperties("c", "ns", Map.of("type", "postgres")))
                .hasMessageStartingWith("catalog 'c' has unknown type 'postgres'");
        assertThatThrownBy(() -> CatalogSettings.fromProperties("c", "ns",
                Map.of("type", "jdbc", "catalog-impl", "x.Y")))
                .hasMessageContaining("sets both 'type' (jdbc) and 'catalog-impl' (x.Y)");
        assertThatThrownBy(() -> CatalogSettings.fromProperties(" ", "ns", Map.of("type", "rest")))
                .hasMessage("catalog name must not be blank");
    }

    @Test
    void overridesMergeOverTheEmbeddedProperties() {
        CatalogSettings settings = CatalogSettings.embedded(dir).withProperties(Map.of("clients", "4"));
        assertThat(settings.properties()).containsEntry("clients", "4").containsKey("catalog-impl");
    }

    @Test
    void toStringMasksSecrets() {
        CatalogSettings settings = CatalogSettings.fromProperties("c", "ns",
                Map.of("type", "rest", "credential", "id:secret", "s3.secret-access-key", "abc", "uri", "http://x"));
        assertThat(settings.toString()).contains("uri=http://x").doesNotContain("id:secret").doesNotContain("abc");
    }

    @Test
    void writesNoFilesOutsideTheDataDirectory() throws Exception {
        Path data = dir.resolve("only-here");
        Catalog catalog = CatalogSettings.embedded(data).load();
        ((AutoCloseable) catalog).close();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(data);
        }
        try (var files = Files.list(data)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("catalog.db", "catalog.db.lock", "warehouse");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
