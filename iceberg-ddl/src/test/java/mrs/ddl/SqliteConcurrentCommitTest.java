package mrs.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded catalog under the load of a Flink job in one JVM: every Iceberg committer loads its
 * own JdbcCatalog (its own connection pool) on the one SQLite file, and they commit at the same
 * checkpoint.
 */
class SqliteConcurrentCommitTest {

    private static final Namespace NS = Namespace.of("mrs");
    private static final List<String> TABLES =
            List.of(MrsTables.SALES_ERRORS, MrsTables.STORES_ERRORS, MrsTables.MINORITY_EVENT_ENDED_LOG);
    private static final int COMMITS_PER_TABLE = 10;
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 8, 12, 0, 0, 0, 0, ZoneOffset.UTC);

    @TempDir Path dir;
    private final List<Catalog> opened = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(TABLES.size());

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        for (Catalog c : opened) {
            ((AutoCloseable) c).close();
        }
    }

    @Test
    void threeCommittersWithTheirOwnCatalogsCommitConcurrently() throws Exception {
        CatalogSettings settings = CatalogSettings.embedded(dir);
        MrsTables.ddl().apply(open(settings), NS);

        // like IcebergSink: each committer builds its catalog from the serializable loader
        runConcurrently(table -> open(settings.catalogLoader().loadCatalog()));

        assertCommitted(open(settings));
    }

    @Test
    void threeThreadsCommitThroughOneSharedCatalog() throws Exception {
        CatalogSettings settings = CatalogSettings.embedded(dir);
        Catalog shared = open(settings);
        MrsTables.ddl().apply(shared, NS);

        runConcurrently(table -> shared);

        assertCommitted(shared);
    }

    @Test
    void catalogsInitialiseAndApplyDdlConcurrentlyOnAFreshDatabase() throws Exception {
        CatalogSettings settings = CatalogSettings.embedded(dir);
        CyclicBarrier start = new CyclicBarrier(TABLES.size());
        List<Future<DdlApplier.Result>> results = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            results.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return MrsTables.ddl().apply(open(settings), NS);
            }));
        }
        List<String> created = new ArrayList<>();
        for (Future<DdlApplier.Result> r : results) {
            DdlApplier.Result result = r.get(2, TimeUnit.MINUTES);
            created.addAll(result.created());
            assertThat(result.created().size() + result.upToDate().size()).isEqualTo(MrsTables.all().size());
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(MrsTables.all());
    }

    /** One thread per table, started together, each committing {@link #COMMITS_PER_TABLE} appends. */
    private void runConcurrently(Function<String, Catalog> catalogFor) throws Exception {
        CyclicBarrier start = new CyclicBarrier(TABLES.size());
        List<Future<?>> done = new ArrayList<>();
        for (String name : TABLES) {
            done.add(pool.submit(() -> {
                Catalog catalog = catalogFor.apply(name);
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < COMMITS_PER_TABLE; i++) {
                    Table table = catalog.loadTable(TableIdentifier.of(NS, name));
                    TestTables.append(table, List.of(row(table, name, i)));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES); // rethrows the first failed commit
        }
    }

    private void assertCommitted(Catalog catalog) {
        for (String name : TABLES) {
            Table table = catalog.loadTable(TableIdentifier.of(NS, name));
            List<Snapshot> snapshots = new ArrayList<>();
            table.snapshots().forEach(snapshots::add);
            assertThat(snapshots).as(name).hasSize(COMMITS_PER_TABLE);
            assertThat(TestTables.readAll(table)).as(name).hasSize(COMMITS_PER_TABLE);
        }
    }

    private static Record row(Table table, String name, int i) {
        if (name.equals(MrsTables.MINORITY_EVENT_ENDED_LOG)) {
            return TestTables.record(table, Map.of("report_id", "r" + i, "store_id", "S-1", "window_start", T0,
                    "window_end", T0.plusHours(i), "written_at", T0, "processed_at", T0));
        }
        return TestTables.record(table, Map.of("error_id", name + i, "stage", "parse", "error", "bad",
                "processed_at", T0.plusHours(i)));
    }

    private Catalog open(CatalogSettings settings) {
        return open(settings.load());
    }

    private synchronized Catalog open(Catalog catalog) {
        opened.add(catalog);
        return catalog;
    }
}
