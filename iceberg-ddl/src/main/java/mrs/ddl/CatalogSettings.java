package mrs.ddl;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Where the MRS tables live: an Iceberg catalog name, the namespace of the tables and the Iceberg
 * catalog properties. Everything Iceberg can reach by properties works — REST
 * ({@code type=rest, uri=...}), JDBC ({@code type=jdbc}), Hive, Glue, Nessie, or any
 * {@code catalog-impl}. {@link #embedded(Path)} is the zero-install default: a JdbcCatalog on a
 * SQLite file next to a local warehouse.
 *
 * <p>Immutable and {@link Serializable}, so a Flink job can ship it to its operators; the Hadoop
 * {@link Configuration} (not serializable) is made on demand by {@link #hadoopConf()}.
 */
public final class CatalogSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_NAME = "mrs";
    public static final String DEFAULT_NAMESPACE = "mrs";

    /** File name of the embedded catalog's SQLite database inside the data directory. */
    public static final String EMBEDDED_CATALOG_FILE = "catalog.db";
    /** Directory name of the embedded catalog's warehouse inside the data directory. */
    public static final String EMBEDDED_WAREHOUSE_DIR = "warehouse";

    /**
     * How long an embedded-catalog connection waits for SQLite's write lock before failing with
     * SQLITE_BUSY. Every Flink committer (and the DDL applier) opens its own JdbcCatalog, so commits
     * from several threads or tasks contend for the one database file.
     */
    public static final int EMBEDDED_BUSY_TIMEOUT_MS = 60_000;

    /** Iceberg's built-in catalog types ({@code type=...}) and the classes they stand for. */
    private static final Map<String, String> CATALOG_TYPES = Map.of(
            CatalogUtil.ICEBERG_CATALOG_TYPE_REST, CatalogUtil.ICEBERG_CATALOG_REST,
            CatalogUtil.ICEBERG_CATALOG_TYPE_JDBC, CatalogUtil.ICEBERG_CATALOG_JDBC,
            CatalogUtil.ICEBERG_CATALOG_TYPE_HIVE, CatalogUtil.ICEBERG_CATALOG_HIVE,
            CatalogUtil.ICEBERG_CATALOG_TYPE_GLUE, CatalogUtil.ICEBERG_CATALOG_GLUE,
            CatalogUtil.ICEBERG_CATALOG_TYPE_NESSIE, CatalogUtil.ICEBERG_CATALOG_NESSIE,
            CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP, CatalogUtil.ICEBERG_CATALOG_HADOOP,
            CatalogUtil.ICEBERG_CATALOG_TYPE_BIGQUERY, CatalogUtil.ICEBERG_CATALOG_BIGQUERY);

    /** Property keys whose values are masked in {@link #toString()}. */
    private static final Set<String> SECRET_HINTS =
            Set.of("password", "secret", "token", "credential", "key-id", "access-key", "sas");

    private final String name;
    private final String namespace;
    private final TreeMap<String, String> properties;

    private CatalogSettings(String name, String namespace, Map<String, String> properties) {
        this.name = requireText(name, "catalog name");
        this.namespace = requireText(namespace, "namespace");
        this.properties = new TreeMap<>(Objects.requireNonNull(properties, "properties"));
        this.properties.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("catalog properties cannot hold null keys or values");
            }
        });
        resolveCatalogImpl(this.name, this.properties); // fail early, with a clear message
    }

    /**
     * The embedded catalog: Iceberg's JdbcCatalog ({@link SqliteJdbcCatalog}) on SQLite at {@code <dataDir>/catalog.db} with the
     * warehouse at {@code <dataDir>/warehouse} (a {@code file://} location). Creates both
     * directories. Catalog name and namespace are {@code mrs}.
     */
    public static CatalogSettings embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path warehouse = dir.resolve(EMBEDDED_WAREHOUSE_DIR);
        try {
            Files.createDirectories(warehouse);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded catalog directory " + warehouse, e);
        }
        Map<String, String> props = new TreeMap<>();
        // Iceberg's JdbcCatalog, initialised under a lock (concurrent first initialisations race)
        props.put(CatalogProperties.CATALOG_IMPL, SqliteJdbcCatalog.class.getName());
        props.put(CatalogProperties.URI, "jdbc:sqlite:" + dir.resolve(EMBEDDED_CATALOG_FILE));
        // a raw file:// URI, not Path.toUri(): Hadoop's Path would re-escape %-encoded characters
        props.put(CatalogProperties.WAREHOUSE_LOCATION, "file://" + warehouse);
        // V1 adds view support; SQLite handles its schema (STACK.md)
        props.put("jdbc.schema-version", "V1");
        // "jdbc."-prefixed properties reach the SQLite driver as connection properties (see
        // JdbcClientPool): wait for the write lock instead of failing at once when several
        // committers write the one file, and use WAL so readers do not block the writer.
        props.put("jdbc.busy_timeout", String.valueOf(EMBEDDED_BUSY_TIMEOUT_MS));
        props.put("jdbc.journal_mode", "WAL");
        return new CatalogSettings(DEFAULT_NAME, DEFAULT_NAMESPACE, props);
    }

    /**
     * Any catalog, by Iceberg catalog properties: {@code type} (rest, jdbc, hive, glue, nessie,
     * hadoop, bigquery) or {@code catalog-impl}, plus {@code uri}, {@code warehouse}, ...
     *
     * @throws IllegalArgumentException when the properties name no catalog type, an unknown one, or both
     *     {@code type} and {@code catalog-impl}
     */
    public static CatalogSettings fromProperties(String name, String namespace, Map<String, String> properties) {
        return new CatalogSettings(name, namespace, properties);
    }

    /** The same settings under another catalog name. */
    public CatalogSettings withName(String newName) {
        return new CatalogSettings(newName, namespace, properties);
    }

    /** The same settings with the tables in another namespace. */
    public CatalogSettings withNamespace(String newNamespace) {
        return new CatalogSettings(name, newNamespace, properties);
    }

    /** The same settings with these properties added or replacing existing ones. */
    public CatalogSettings withProperties(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(properties);
        merged.putAll(overrides);
        return new CatalogSettings(name, namespace, merged);
    }

    /** The Iceberg catalog name (also what Trino's JDBC catalog must call it). */
    public String name() {
        return name;
    }

    /** The namespace of the MRS tables, dot-separated when nested (e.g. {@code mrs} or {@code prod.mrs}). */
    public String namespace() {
        return namespace;
    }

    /** {@link #namespace()} as an Iceberg {@link Namespace}. */
    public Namespace icebergNamespace() {
        return Namespace.of(namespace.split("\\."));
    }

    /** The Iceberg catalog properties, sorted by key; unmodifiable. */
    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /**
     * The catalog class: {@code catalog-impl} when given, else the class Iceberg uses for
     * {@code type} (e.g. {@code org.apache.iceberg.jdbc.JdbcCatalog} for {@code type=jdbc}). This is
     * the {@code impl} argument of Iceberg's {@code CatalogLoader.custom}.
     */
    public String catalogImpl() {
        return resolveCatalogImpl(name, properties);
    }

    /** A fresh Hadoop configuration (defaults from the classpath) for catalogs and file IO. */
    public Configuration hadoopConf() {
        return new Configuration();
    }

    /**
     * Builds and initializes the catalog with {@link CatalogUtil#buildIcebergCatalog}. The caller
     * owns it: close it when it is {@link AutoCloseable} (JDBC, REST, Hive catalogs hold pools).
     */
    public Catalog load() {
        return CatalogUtil.buildIcebergCatalog(name, properties(), hadoopConf());
    }

    /**
     * The serializable loader Iceberg's Flink sink and source take: {@code CatalogLoader.custom(name(),
     * properties(), hadoopConf(), catalogImpl())}. Each {@code loadCatalog()} builds a new catalog.
     */
    public CatalogLoader catalogLoader() {
        return CatalogLoader.custom(name, properties(), hadoopConf(), catalogImpl());
    }

    private static String resolveCatalogImpl(String name, Map<String, String> props) {
        String type = props.get(CatalogUtil.ICEBERG_CATALOG_TYPE);
        String impl = props.get(CatalogProperties.CATALOG_IMPL);
        if (type != null && impl != null) {
            throw new IllegalArgumentException("catalog '" + name + "' sets both '" + CatalogUtil.ICEBERG_CATALOG_TYPE
                    + "' (" + type + ") and '" + CatalogProperties.CATALOG_IMPL + "' (" + impl + "); set only one");
        }
        if (impl != null) {
            if (impl.isBlank()) {
                throw new IllegalArgumentException("catalog '" + name + "': '" + CatalogProperties.CATALOG_IMPL
                        + "' is empty");
            }
            return impl.strip();
        }
        if (type == null) {
            throw new IllegalArgumentException("catalog '" + name + "' names no catalog type: set '"
                    + CatalogUtil.ICEBERG_CATALOG_TYPE + "' to one of " + knownTypes() + " or '"
                    + CatalogProperties.CATALOG_IMPL + "' to a Catalog class name (properties given: "
                    + props.keySet() + ")");
        }
        String known = CATALOG_TYPES.get(type.strip().toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new IllegalArgumentException("catalog '" + name + "' has unknown type '" + type
                    + "': use one of " + knownTypes() + " or set '" + CatalogProperties.CATALOG_IMPL + "' instead");
        }
        return known;
    }

    private static String knownTypes() {
        return CATALOG_TYPES.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogSettings other
                && name.equals(other.name)
                && namespace.equals(other.namespace)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, properties);
    }

    /** Secrets (passwords, tokens, credentials, keys) are masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            shown.put(k, SECRET_HINTS.stream().anyMatch(lower::contains) ? "****" : v);
        });
        return "CatalogSettings{name=" + name + ", namespace=" + namespace + ", properties=" + shown + "}";
    }
}
