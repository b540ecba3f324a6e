package mrs.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a JDK for Trino, and the catalog file the test gives it. */
class TrinoServerTest {

    static Path jdk(Path root, String name, String version) throws Exception {
        Path home = root.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void picksTheNewestJdkThatTrinoAccepts(@TempDir Path root) throws Exception {
        jdk(root, "java-17", "17.0.15");
        jdk(root, "jdk-24.0.0", "24");
        Path ok = jdk(root, "temurin-24", "24.0.2");
        assertThat(TrinoServer.newestJdk(root)).contains(ok);
        Path newer = jdk(root, "temurin-25", "25.0.3");
        assertThat(TrinoServer.newestJdk(root)).contains(newer);
        assertThat(TrinoServer.javaVersion(newer)).hasValueSatisfying(v -> assertThat(v.feature()).isEqualTo(25));
    }

    @Test
    void noSuitableJdkIsEmpty(@TempDir Path root) throws Exception {
        jdk(root, "java-17", "17.0.15");
        jdk(root, "java-22", "22.0.2"); // Trino 476 wants 24.0.1
        Files.createDirectories(root.resolve("not-a-jdk"));
        assertThat(TrinoServer.newestJdk(root)).isEmpty();
        assertThat(TrinoServer.newestJdk(root.resolve("missing"))).isEmpty();
    }

    @Test
    void k8sReadmeDocumentsTheCatalogThisTestRuns() throws Exception {
        String readme = Files.readString(Path.of("../../k8s/README.md"));
        assertThat(readme).contains("```properties\n" + TrinoServer.catalogProperties("http://127.0.0.1:8181") + "```");
    }

    @Test
    void theCatalogIsTheIcebergConnectorOnTheRestCatalogWithLocalFiles() {
        assertThat(TrinoServer.catalogProperties("http://127.0.0.1:1234").lines())
                .contains("connector.name=iceberg", "iceberg.catalog.type=rest",
                        "iceberg.rest-catalog.uri=http://127.0.0.1:1234", "fs.native-local.enabled=true");
    }
}
