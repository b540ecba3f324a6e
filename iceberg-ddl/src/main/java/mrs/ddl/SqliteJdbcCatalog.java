package mrs.ddl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Iceberg's {@link JdbcCatalog} for the embedded SQLite database, made safe to initialise from
 * many threads and processes at once.
 *
 * <p>{@code JdbcCatalog.initialize} creates its tables and (with {@code jdbc.schema-version=V1})
 * adds the {@code iceberg_type} column with check-then-act statements. When several catalogs
 * initialise together on a fresh database — every Flink committer loads its own — one of them fails
 * with {@code duplicate column name: iceberg_type}. This class runs {@code initialize} under a
 * JVM-wide lock and an OS file lock on {@code <database>.lock}, so exactly one initialisation
 * migrates the database and the others find it ready. Commits need no lock: SQLite's
 * {@code busy_timeout} (set by {@link CatalogSettings#embedded}) serialises them.
 *
 * <p>Used through the catalog property {@code catalog-impl=mrs.ddl.SqliteJdbcCatalog}; it needs a
 * public no-argument constructor for Iceberg's {@code CatalogUtil.loadCatalog}.
 */
public class SqliteJdbcCatalog extends JdbcCatalog {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final Object JVM_LOCK = new Object();

    public SqliteJdbcCatalog() {}

    @Override
    public void initialize(String name, Map<String, String> properties) {
        Path lockFile = lockFileOf(properties.get(CatalogProperties.URI));
        synchronized (JVM_LOCK) {
            if (lockFile == null) {
                super.initialize(name, properties);
                return;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                super.initialize(name, properties);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + " to initialise catalog " + name, e);
            }
        }
    }

    /** {@code <database file>.lock} for a file-backed SQLite URI; null for in-memory or other URIs. */
    static Path lockFileOf(String uri) {
        if (uri == null || !uri.startsWith(SQLITE_PREFIX)) {
            return null;
        }
        String file = uri.substring(SQLITE_PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.contains("mode=memory")) {
            return null;
        }
        return Path.of(file + ".lock").toAbsolutePath();
    }
}
