package mrs.trino;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Iceberg REST catalog server of module {@code trino-tests/rest-catalog}, run as a child JVM (same
 * Java as the test) on loopback with a free port, backed by a SQLite file and a local warehouse in
 * {@code workDir}. Its output goes to {@code workDir/rest-catalog.log}; it exits when {@link #close()}
 * closes its standard input (or when this JVM dies).
 */
final class RestCatalogProcess implements AutoCloseable {
    static final String READY = "MRS-REST-CATALOG-LISTENING ";

    private final Process process;
    private final OutputStream stdin;
    private final int port;
    private final Path warehouse;
    private final Path log;

    private RestCatalogProcess(Process process, int port, Path warehouse, Path log) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.port = port;
        this.warehouse = warehouse;
        this.log = log;
    }

    static RestCatalogProcess start(Path workDir) throws Exception {
        Path classpathFile = Path.of(required("mrs.rest-catalog.classpath"));
        Path classes = Path.of(required("mrs.rest-catalog.classes"));
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(classes)) {
            throw new IllegalStateException("the REST catalog server is not built (" + classpathFile + ", " + classes
                    + "): run the tests through Maven (mvn -pl trino-tests/trino-it -am test)");
        }
        Path warehouse = workDir.resolve("warehouse");
        Files.createDirectories(warehouse);
        Path log = workDir.resolve("rest-catalog.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-cp",
                classes + java.io.File.pathSeparator + Files.readString(classpathFile).strip(),
                "mrs.restcatalog.RestCatalogServer",
                "--host", "127.0.0.1", "--port", "0",
                "--db", workDir.resolve("catalog.db").toString(),
                "--warehouse", "file://" + warehouse));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = out.readLine()) != null) {
                    w.println(line);
                    if (line.startsWith(READY)) {
                        ready.complete(Integer.parseInt(line.substring(READY.length()).strip()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the REST catalog server exited before serving"));
        }, "rest-catalog-log");
        pump.setDaemon(true);
        pump.start();
        try {
            return new RestCatalogProcess(p, ready.get(60, TimeUnit.SECONDS), warehouse, log);
        } catch (Exception e) {
            p.destroyForcibly();
            String tail = Files.exists(log) ? String.join("\n", Files.readAllLines(log)) : "(no output)";
            throw new IllegalStateException("the REST catalog server did not start"
                    + (e instanceof TimeoutException ? " within 60 s" : "") + "; its output:\n" + tail, e);
        }
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the tests through Maven (mvn -pl trino-tests/trino-it -am test)");
        }
        return v;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String uri() {
        return "http://127.0.0.1:" + port;
    }

    Path warehouse() {
        return warehouse;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.close(); // the server stops when its stdin closes
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
