package mrs.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.ddl.DdlApplier;
import mrs.ddl.DdlFile;
import mrs.ddl.MrsTables;
import mrs.ddl.TrinoViews;
import mrs.ddl.ViewSet;
import mrs.job.MrsJob;
import org.apache.iceberg.catalog.Catalog;

/**
 * {@code mrs ddl}: brings any Iceberg catalog up to the bundled DDL (tables; idempotent) and, given a
 * Trino JDBC URL, creates the MRS views in it through Trino (also idempotent). Public so that the Trino
 * end-to-end test runs the same tool a platform engineer does.
 */
public final class DdlCommand {
    private DdlCommand() {}

    static final String USAGE = """
            usage: mrs ddl [--trino-url jdbc:trino://HOST:PORT] [--trino-user USER] [--trino-catalog NAME]
                           [--config FILE] [--set KEY=VALUE] [--data-dir DIR]
                   mrs ddl --print flink|trino

            Creates the MRS Iceberg tables in the catalog the config names (mrs.catalog.* properties, e.g.
            --set mrs.catalog.type=rest --set mrs.catalog.uri=http://catalog:8181; without them the embedded
            catalog in --data-dir), or adds the columns a newer DDL version declares. Idempotent: a second
            run changes nothing.

            With --trino-url it then creates the MRS views (current rows, audit trails, override register,
            SLIs, status distribution, stale cohorts; Trino SQL files in iceberg-ddl) in that Trino's catalog
            --trino-catalog (default mrs: the Trino catalog on the same Iceberg catalog, see k8s/README.md),
            schema = the MRS namespace. Views already up to date are left alone. The Flink SQL views need no
            step: mrs sql registers them in every session.

            --print flink|trino prints the view files of that dialect and exits.
            """;

    /** Runs {@code mrs ddl ...} ({@code args[0]} is {@code ddl}); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("config", "data-dir", "trino-url", "trino-user", "trino-catalog", "print"),
                List.of());
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        if (!a.positional.isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        if (a.get("print") != null) {
            ViewSet views = switch (a.get("print")) {
                case "flink" -> ViewSet.flink();
                case "trino" -> ViewSet.trino();
                default -> throw new Args.UsageException("--print takes flink or trino, not '" + a.get("print") + "'");
            };
            for (DdlFile f : views.files()) {
                out.println("-- " + views.directory() + "/" + f.name());
                out.println(f.text().strip());
                out.println();
            }
            return 0;
        }
        MrsConfig cfg = a.config();
        CatalogSettings catalog = MrsJob.catalog(cfg);
        DdlApplier ddl = MrsTables.ddl();
        Catalog c = catalog.load();
        try {
            DdlApplier.Result r = ddl.apply(c, catalog.icebergNamespace());
            out.println("tables: DDL v" + ddl.latestVersion() + " on catalog " + catalog.name() + ", " + r.summary());
            r.created().forEach(t -> out.println("  created    " + t));
            r.migrated().forEach(t -> out.println("  migrated   " + t));
        } finally {
            if (c instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        String url = a.get("trino-url");
        if (url == null) {
            out.println("views: Flink SQL views are registered by mrs sql in every session (" + ViewSet.flink().names().size()
                    + "); give --trino-url to create the Trino views");
            return 0;
        }
        Properties props = new Properties();
        props.setProperty("user", a.get("trino-user") != null ? a.get("trino-user") : System.getProperty("user.name", "mrs"));
        String trinoCatalog = a.get("trino-catalog") != null ? a.get("trino-catalog") : "mrs";
        try (Connection trino = DriverManager.getConnection(url, props)) {
            TrinoViews.Result r = TrinoViews.apply(trino, trinoCatalog, catalog.namespace(), ViewSet.trino());
            out.println("trino " + trinoCatalog + "." + catalog.namespace() + " " + r.summary());
            r.created().forEach(v -> out.println("  created    " + v));
            r.replaced().forEach(v -> out.println("  replaced   " + v));
        }
        return 0;
    }
}
