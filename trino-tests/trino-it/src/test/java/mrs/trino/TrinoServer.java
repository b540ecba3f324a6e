package mrs.trino;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Trino server ({@code io.trino:trino-server-core} with the {@code trino-iceberg} plugin, both
 * unpacked from Maven Central by this module's build) as a child process on loopback: one coordinator
 * that also runs tasks, a small heap, and one catalog {@code mrs} on the given Iceberg REST catalog
 * reading local warehouses ({@code fs.native-local.enabled}). Output goes to {@code workDir/trino.log};
 * {@link #close()} stops the process (and a shutdown hook kills it should the test JVM exit first).
 */
final class TrinoServer implements AutoCloseable {
    /** What Trino 476 checks at start ({@code TrinoSystemRequirements}): Java 24.0.1 or newer. */
    static final Runtime.Version MIN_JAVA = Runtime.Version.parse("24.0.1");
    /** Where the machine's JDKs are installed (Debian and Temurin packages); {@code -Dmrs.trino.jvm-dir} overrides. */
    static final Path JVM_DIR = Path.of(System.getProperty("mrs.trino.jvm-dir", "/usr/lib/jvm"));

    private final Process process;
    private final int port;
    private final Path log;

    private TrinoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * A JDK Trino can run on: {@code $MRS_TRINO_JAVA_HOME} when set, else this JVM when new enough, else
     * the newest JDK under {@value} whose {@code release} file says {@code JAVA_VERSION} ≥ {@link #MIN_JAVA}.
     */
    static Optional<Path> findJavaHome() {
        String explicit = System.getenv("MRS_TRINO_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        if (Runtime.version().compareToIgnoreOptional(MIN_JAVA) >= 0) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        return newestJdk(JVM_DIR);
    }

    /** The newest JDK directly under {@code dir} that is at least {@link #MIN_JAVA}. */
    static Optional<Path> newestJdk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> javaVersion(d).map(v -> v.compareToIgnoreOptional(MIN_JAVA) >= 0).orElse(false))
                    .max(Comparator.comparing(d -> javaVersion(d).orElseThrow()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** JAVA_VERSION of a JDK's {@code release} file. */
    static Optional<Runtime.Version> javaVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(release)) {
                p.load(in);
            }
            String v = p.getProperty("JAVA_VERSION");
            return v == null ? Optional.empty() : Optional.of(Runtime.Version.parse(v.replace("\"", "").strip()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts Trino with the installation in {@code home}, the plugins in {@code plugins}, and waits until
     * it serves queries (up to {@code timeout}).
     */
    static TrinoServer start(Path javaHome, Path home, Path plugins, Path workDir, String restCatalogUri, Duration timeout)
            throws Exception {
        if (!Files.isDirectory(home.resolve("lib")) || !Files.isDirectory(plugins)) {
            throw new IllegalStateException("Trino is not unpacked at " + home + " / " + plugins
                    + ": run the tests through Maven (mvn -pl trino-tests/trino-it -am test)");
        }
        int port = freePort();
        Path etc = workDir.resolve("etc");
        Path catalogs = etc.resolve("catalog");
        Files.createDirectories(catalogs);
        Files.writeString(etc.resolve("config.properties"), String.join("\n",
                "node.environment=mrs_it",
                "node.id=mrs-trino-it",
                "node.bind-ip=127.0.0.1",
                "node.internal-address=127.0.0.1",
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                "plugin.dir=" + plugins,
                "catalog.config-dir=" + catalogs,
                "query.max-memory=512MB",
                "query.max-memory-per-node=256MB",
                "task.concurrency=2",
                "") );
        Files.writeString(catalogs.resolve("mrs.properties"), catalogProperties(restCatalogUri));
        Path log = workDir.resolve("trino.log");
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                "-Xmx1G", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
                "-XX:ReservedCodeCacheSize=256M", "-XX:+EnableDynamicAgentLoading",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djdk.attach.allowAttachSelf=true", "-Dfile.encoding=UTF-8",
                "-Dconfig=" + etc.resolve("config.properties"),
                "-cp", home.resolve("lib") + "/*",
                "io.trino.server.TrinoServer"));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        TrinoServer server = new TrinoServer(p, port, log);
        try {
            server.awaitReady(timeout);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The Trino catalog {@code mrs}: the Iceberg connector on the REST catalog, local files readable. */
    static String catalogProperties(String restCatalogUri) {
        return String.join("\n",
                "connector.name=iceberg",
                "iceberg.catalog.type=rest",
                "iceberg.rest-catalog.uri=" + restCatalogUri,
                "fs.native-local.enabled=true",
                "local.location=/",
                "");
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with status " + process.exitValue() + " while starting; "
                        + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"starting\":false")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Trino did not start within " + timeout + "; " + tail());
    }

    /** The last lines of Trino's output. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "no output at " + log;
        }
    }

    /** JDBC URL with catalog {@code mrs} and schema {@code schema} as the session defaults. */
    String jdbcUrl(String schema) {
        return "jdbc:trino://127.0.0.1:" + port + "/mrs/" + schema;
    }

    int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
