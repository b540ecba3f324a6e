package mrs.restcatalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An Iceberg REST catalog server: Iceberg's {@link RESTCatalogAdapter} and {@link RESTCatalogServlet}
 * on Jetty, backed by a {@link JdbcCatalog} on a SQLite file (schema V1, so views are supported).
 *
 * <pre>
 * java -cp ... mrs.restcatalog.RestCatalogServer --db /path/catalog.db --warehouse file:///path/warehouse
 *     [--host 127.0.0.1] [--port 0] [--name mrs]
 * </pre>
 *
 * Prints {@value #READY} followed by the port once it serves (port 0 picks a free one), and exits
 * when its standard input closes, so a test that dies cannot leave it running.
 */
public final class RestCatalogServer {
    /** The line prefix announcing the port. */
    public static final String READY = "MRS-REST-CATALOG-LISTENING ";

    private RestCatalogServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("host", "127.0.0.1", "port", "0", "name", "mrs"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: RestCatalogServer --db FILE --warehouse URI [--host H] [--port P] [--name N]");
                System.exit(2);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        if (!opts.containsKey("db") || !opts.containsKey("warehouse")) {
            System.err.println("RestCatalogServer: --db and --warehouse are required");
            System.exit(2);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CatalogProperties.URI, "jdbc:sqlite:" + opts.get("db"));
        props.put(CatalogProperties.WAREHOUSE_LOCATION, opts.get("warehouse"));
        props.put("jdbc.schema-version", "V1");
        props.put("jdbc.busy_timeout", "60000");
        props.put("jdbc.journal_mode", "WAL");
        JdbcCatalog backend = new JdbcCatalog();
        backend.setConf(new Configuration());
        backend.initialize(opts.get("name"), props);

        Server server = new Server(new InetSocketAddress(opts.get("host"), Integer.parseInt(opts.get("port"))));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        System.out.println(READY + port);
        System.out.flush();

        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent keeps the pipe open while it wants the server
                }
            } catch (IOException e) {
                // closed
            }
            try {
                server.stop();
                backend.close();
            } catch (Exception e) {
                // exiting anyway
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        server.join();
    }
}
