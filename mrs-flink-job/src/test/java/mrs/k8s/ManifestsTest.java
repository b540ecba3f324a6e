package mrs.k8s;

import static mrs.k8s.K8sManifests.DOCKERFILE;
import static mrs.k8s.K8sManifests.DOCKERIGNORE;
import static mrs.k8s.K8sManifests.FLINK_DEPLOYMENT;
import static mrs.k8s.K8sManifests.KAFKA_TOPICS;
import static mrs.k8s.K8sManifests.MRS_CONFIG;
import static mrs.k8s.K8sManifests.README;
import static mrs.k8s.K8sManifests.TRINO_CONFIG_MAP;
import static mrs.k8s.K8sManifests.TRINO_PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.job.MrsJob;
import org.apache.flink.util.TimeUtils;
import org.apache.iceberg.IcebergBuild;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates every file in {@code k8s/} so that a typo fails the build instead of a deployment:
 * the FlinkDeployment against the Flink Kubernetes operator's CRD schema and Flink's own option
 * definitions, the job's config through {@link MrsConfig} (which refuses unknown keys), the Strimzi
 * topics against their schema and Kafka's topic configs, the Trino catalog against the job's
 * catalog, the Dockerfile against the jar the build produces, and the README against the manifests
 * (its {@code kubectl patch} commands are applied to the real FlinkDeployment and re-validated).
 * Cross-file checks keep them consistent (ConfigMap name and mount, max parallelism, checkpoint
 * interval, topics, bootstrap servers, catalog). {@link ValidationBites} breaks copies of the real
 * files on purpose and shows each kind of mistake is caught.
 */
class ManifestsTest {

    /**
     * Every file in {@code k8s/} and the tests that validate it. A file added to {@code k8s/}
     * without an entry here (and a check) fails {@link #everyFileInK8sIsValidated()}.
     */
    static final Map<String, String> VALIDATED = Map.of(
            FLINK_DEPLOYMENT, "flinkDeployment* (operator CRD schema, Flink options, job contract)",
            MRS_CONFIG, "mrsConfig* (ConfigMap schema, MrsConfig.load, catalog)",
            KAFKA_TOPICS, "kafkaTopics*, everyTopicTheJobReads* (schema, Kafka topic configs)",
            TRINO_PROPERTIES, "trinoCatalog* (Trino keys, same catalog as the job)",
            TRINO_CONFIG_MAP, "trinoConfigMap* (ConfigMap schema, same text as the properties file)",
            DOCKERFILE, "dockerfile* (instructions, base image, jar name, plugins)",
            DOCKERIGNORE, "dockerfile* (context holds exactly the job jar)",
            README, "readme* (one kubectl apply per manifest, runbook)");

    /** The topics of shared/DESIGN.md's Kafka contract. */
    static final Set<String> MRS_TOPICS =
            Set.of("mrs.sales", "mrs.stores", "mrs.signals", "mrs.analyst-actions", "mrs.model-protection");

    // ---------------------------------------------------------------------------------------------
    // Coverage

    @Test
    void everyFileInK8sIsValidated() {
        assertThat(unvalidated(k8sFiles())).as("files in k8s/ that ManifestsTest does not validate").isEmpty();
        assertThat(k8sFiles()).as("validated files that no longer exist in k8s/").containsAll(VALIDATED.keySet());
    }

    static Set<String> k8sFiles() {
        Path dir = K8sManifests.dir();
        try (Stream<Path> files = Files.walk(dir)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> unvalidated(Set<String> files) {
        Set<String> missing = new TreeSet<>(files);
        missing.removeAll(VALIDATED.keySet());
        return missing;
    }

    // ---------------------------------------------------------------------------------------------
    // FlinkDeployment

    @Test
    void flinkDeploymentMatchesTheOperatorCrdAndFlinkOptions() {
        assertThat(K8sManifests.operatorApiVersion()).isNotBlank();
        assertThat(K8sManifests.flinkDeploymentErrors(K8sManifests.read(FLINK_DEPLOYMENT))).isEmpty();
    }

    @Test
    void flinkDeploymentTargetsTheProjectsFlinkVersion() {
        String[] v = FlinkConfigKeys.flinkVersion().split("\\.");
        String expected = "v" + v[0] + "_" + v[1];
        assertThat(deployment().path("spec").path("flinkVersion").asText()).isEqualTo(expected);
        assertThat(K8sManifests.operatorFlinkVersions()).contains(expected);
    }

    @Test
    void flinkDeploymentRunsTheJobAsDesigned() {
        assertThat(deploymentContractErrors(deployment())).isEmpty();
    }

    /** What the operations design asks of the deployment (DESIGN.md "Operations", issue 6). */
    static List<String> deploymentContractErrors(JsonNode d) {
        List<String> errors = new ArrayList<>();
        JsonNode spec = d.path("spec");
        JsonNode job = spec.path("job");
        Map<String, String> conf = flinkConfiguration(d);
        expect(errors, job.isObject(), "spec.job: application mode needs a job");
        expect(errors, job.path("jarURI").asText().startsWith("local:///opt/flink/usrlib/"),
                "spec.job.jarURI: the job jar is baked into the image under /opt/flink/usrlib");
        expect(errors, MrsJob.class.getName().equals(job.path("entryClass").asText()),
                "spec.job.entryClass: must be " + MrsJob.class.getName());
        expect(errors, "savepoint".equals(job.path("upgradeMode").asText()), "spec.job.upgradeMode: must be savepoint");
        expect(errors, "running".equals(job.path("state").asText()), "spec.job.state: must be running");
        expect(errors, job.path("parallelism").asInt(0) > 0, "spec.job.parallelism: must be set");
        expect(errors, "rocksdb".equals(conf.get("state.backend.type")), "state.backend.type: must be rocksdb");
        expect(errors, "true".equals(conf.get("execution.checkpointing.incremental")),
                "execution.checkpointing.incremental: must be true");
        expect(errors, "EXACTLY_ONCE".equals(conf.get("execution.checkpointing.mode")),
                "execution.checkpointing.mode: must be EXACTLY_ONCE");
        expect(errors, conf.containsKey("execution.checkpointing.interval"), "execution.checkpointing.interval: missing");
        expect(errors, durable(conf.get("execution.checkpointing.dir")), "execution.checkpointing.dir: s3:// or a PVC path");
        expect(errors, durable(conf.get("execution.checkpointing.savepoint-dir")),
                "execution.checkpointing.savepoint-dir: needed for upgradeMode savepoint");
        expect(errors, "kubernetes".equals(conf.get("high-availability.type")), "high-availability.type: must be kubernetes");
        expect(errors, durable(conf.get("high-availability.storageDir")), "high-availability.storageDir: missing");
        expect(errors, conf.containsKey("restart-strategy.type"), "restart-strategy.type: missing");
        expect(errors, conf.containsKey("pipeline.max-parallelism"), "pipeline.max-parallelism: must be explicit");
        expect(errors, "org.apache.flink.metrics.prometheus.PrometheusReporterFactory"
                        .equals(conf.get("metrics.reporter.prom.factory.class")),
                "metrics.reporter.prom.factory.class: the Prometheus reporter");
        expect(errors, conf.containsKey("metrics.reporter.prom.port"), "metrics.reporter.prom.port: missing");
        for (String role : List.of("jobManager", "taskManager")) {
            JsonNode resource = spec.path(role).path("resource");
            expect(errors, resource.path("cpu").asDouble(0) > 0, "spec." + role + ".resource.cpu: missing");
            try {
                expect(errors, org.apache.flink.configuration.MemorySize.parse(resource.path("memory").asText())
                        .getBytes() > 0, "spec." + role + ".resource.memory: missing");
            } catch (IllegalArgumentException e) {
                errors.add("spec." + role + ".resource.memory: " + e.getMessage());
            }
        }
        return errors;
    }

    private static boolean durable(String dir) {
        return dir != null && (dir.startsWith("s3://") || dir.startsWith("file:///"));
    }

    @Test
    void flinkDeploymentMountsTheMrsConfigMap() {
        assertThat(configMountErrors(deployment(), K8sManifests.yaml(K8sManifests.read(MRS_CONFIG)).get(0))).isEmpty();
    }

    /** The pod template mounts the job's ConfigMap where {@code --config} points. */
    static List<String> configMountErrors(JsonNode d, JsonNode configMap) {
        List<String> errors = new ArrayList<>();
        String cmName = configMap.path("metadata").path("name").asText();
        expect(errors, d.path("metadata").path("namespace").asText().equals(
                configMap.path("metadata").path("namespace").asText()), "the ConfigMap must be in the job's namespace");
        JsonNode podSpec = d.path("spec").path("podTemplate").path("spec");
        JsonNode main = null;
        for (JsonNode c : podSpec.path("containers")) {
            if ("flink-main-container".equals(c.path("name").asText())) {
                main = c;
            }
        }
        if (main == null) {
            errors.add("podTemplate: no container named flink-main-container (the operator merges into that name)");
            return errors;
        }
        Map<String, JsonNode> volumes = new HashMap<>();
        podSpec.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        String configPath = jobArgs(d).configFile;
        boolean mounted = false;
        for (JsonNode mount : main.path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            if (volume == null) {
                errors.add("podTemplate: volumeMount " + mount.path("name").asText() + " names no volume");
                continue;
            }
            if (!volume.path("configMap").path("name").asText().equals(cmName)) {
                continue;
            }
            String dir = mount.path("mountPath").asText();
            expect(errors, "/opt/mrs".equals(dir), "the MRS config is mounted at /opt/mrs, not " + dir);
            for (JsonNode item : volume.path("configMap").path("items")) {
                expect(errors, configMap.path("data").has(item.path("key").asText()),
                        "configMap item " + item.path("key").asText() + " is not in ConfigMap " + cmName);
                if ((dir + "/" + item.path("path").asText()).equals(configPath)) {
                    mounted = true;
                }
            }
        }
        expect(errors, mounted, "--config " + configPath + " is not a file mounted from ConfigMap " + cmName);
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // The job's configuration

    @Test
    void mrsConfigIsAValidConfigMap() {
        assertThat(K8sManifests.configMapErrors(K8sManifests.read(MRS_CONFIG), MRS_CONFIG)).isEmpty();
    }

    @Test
    void mrsConfigLoadsThroughMrsConfigAndNamesARealCatalog() throws Exception {
        MrsConfig cfg = jobConfig(K8sManifests.read(MRS_CONFIG));
        assertThat(cfg.kafkaBounded()).as("mrs.kafka.bounded").isFalse();
        assertThat(cfg.bootstrapServers()).doesNotContain("localhost").doesNotContain("127.0.0.1");
        assertThat(catalogErrors(cfg)).isEmpty();
    }

    /** The ConfigMap's mrs.properties as the job loads it: MrsConfig.load(file, --set overrides). */
    static MrsConfig jobConfig(String configMapText) throws IOException {
        JobArgs args = jobArgs(deployment());
        String key = Path.of(args.configFile).getFileName().toString();
        Path file = Files.createTempFile("mrs-k8s-", ".properties");
        try {
            Files.writeString(file, K8sManifests.configMapData(configMapText, key));
            return MrsConfig.load(file, args.overrides);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The catalog is a real, non-embedded Iceberg catalog whose property names Iceberg knows. */
    static List<String> catalogErrors(MrsConfig cfg) {
        List<String> errors = new ArrayList<>();
        if (cfg.catalogProperties().isEmpty()) {
            errors.add("mrs.catalog.*: unset, so the job would use the embedded SQLite catalog inside the pod");
            return errors;
        }
        CatalogSettings catalog = MrsJob.catalog(cfg);
        expect(errors, !catalog.catalogImpl().isBlank(), "mrs.catalog: no catalog implementation");
        Set<String> known = icebergPropertyNames();
        for (String key : cfg.catalogProperties().keySet()) {
            expect(errors, known.contains(key) || key.startsWith("jdbc.") || key.startsWith("header."),
                    "mrs.catalog." + key + ": not an Iceberg catalog property");
        }
        String io = cfg.catalogProperties().get("io-impl");
        if (io != null) {
            try {
                Class.forName(io, false, ManifestsTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                errors.add("mrs.catalog.io-impl: " + io + " is not in the job's dependencies");
            }
        }
        return errors;
    }

    /** String constants of Iceberg's catalog property classes: the property names Iceberg reads. */
    static Set<String> icebergPropertyNames() {
        Set<String> names = new TreeSet<>();
        for (String cn : List.of("org.apache.iceberg.CatalogProperties", "org.apache.iceberg.CatalogUtil",
                "org.apache.iceberg.aws.AwsClientProperties", "org.apache.iceberg.aws.AwsProperties",
                "org.apache.iceberg.aws.s3.S3FileIOProperties", "org.apache.iceberg.rest.auth.OAuth2Properties")) {
            names.addAll(ClassConstants.publicStringConstants(cn));
        }
        return names;
    }

    @Test
    void mrsConfigAgreesWithTheDeployment() throws Exception {
        assertThat(jobDeploymentAgreementErrors(jobConfig(K8sManifests.read(MRS_CONFIG)), deployment())).isEmpty();
    }

    static List<String> jobDeploymentAgreementErrors(MrsConfig cfg, JsonNode d) {
        List<String> errors = new ArrayList<>();
        Map<String, String> conf = flinkConfiguration(d);
        expect(errors, String.valueOf(cfg.maxParallelism()).equals(conf.get("pipeline.max-parallelism")),
                "pipeline.max-parallelism (" + conf.get("pipeline.max-parallelism")
                        + ") must equal mrs.job.max-parallelism (" + cfg.maxParallelism() + ")");
        expect(errors, cfg.parallelism() == d.path("spec").path("job").path("parallelism").asInt(),
                "spec.job.parallelism must equal mrs.job.parallelism (" + cfg.parallelism() + ")");
        String interval = conf.get("execution.checkpointing.interval");
        expect(errors, interval != null && TimeUtils.parseDuration(interval).equals(cfg.checkpointInterval()),
                "execution.checkpointing.interval (" + interval + ") must equal mrs.job.checkpoint-interval ("
                        + cfg.checkpointInterval() + ")");
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // Kafka topics

    @Test
    void kafkaTopicsAreValidStrimziTopics() {
        assertThat(K8sManifests.kafkaTopicErrors(K8sManifests.read(KAFKA_TOPICS))).isEmpty();
    }

    @Test
    void everyTopicTheJobReadsIsDeclaredOnTheClusterItConnectsTo() throws Exception {
        assertThat(topicContractErrors(K8sManifests.yaml(K8sManifests.read(KAFKA_TOPICS)),
                jobConfig(K8sManifests.read(MRS_CONFIG)))).isEmpty();
    }

    static List<String> topicContractErrors(List<JsonNode> topics, MrsConfig cfg) {
        List<String> errors = new ArrayList<>();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Set<String> clusters = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (JsonNode t : topics) {
            byName.put(t.path("spec").path("topicName").asText(), t);
            clusters.add(t.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            namespaces.add(t.path("metadata").path("namespace").asText());
        }
        expect(errors, byName.keySet().containsAll(MRS_TOPICS), "topics missing: " + missing(MRS_TOPICS, byName.keySet()));
        for (String topic : List.of(cfg.salesTopic(), cfg.storesTopic(), cfg.signalsTopic())) {
            expect(errors, byName.containsKey(topic), "the job reads " + topic + " but no KafkaTopic declares it");
        }
        JsonNode stores = byName.get(cfg.storesTopic());
        expect(errors, stores != null && stores.path("spec").path("config").path("cleanup.policy").asText()
                .contains("compact"), cfg.storesTopic() + " must be compacted");
        if (clusters.size() != 1 || namespaces.size() != 1) {
            errors.add("all topics belong to one Strimzi cluster in one namespace, got " + clusters + " in " + namespaces);
        } else {
            String bootstrap = clusters.iterator().next() + "-kafka-bootstrap." + namespaces.iterator().next() + ".svc";
            for (String server : cfg.bootstrapServers().split(",")) {
                expect(errors, server.strip().startsWith(bootstrap),
                        "mrs.kafka.bootstrap-servers " + server + " is not the bootstrap service " + bootstrap
                                + " of the cluster the topics belong to");
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // Trino

    @Test
    void trinoCatalogPropertiesAreTrinoIcebergProperties() {
        assertThat(K8sManifests.trinoCatalogErrors(K8sManifests.properties(K8sManifests.read(TRINO_PROPERTIES))))
                .isEmpty();
    }

    @Test
    void trinoCatalogReadsTheJobsCatalog() throws Exception {
        assertThat(trinoContractErrors(K8sManifests.properties(K8sManifests.read(TRINO_PROPERTIES)),
                jobConfig(K8sManifests.read(MRS_CONFIG)))).isEmpty();
    }

    /** Trino reads the same Iceberg catalog the job writes (STACK.md: names must match for JDBC). */
    static List<String> trinoContractErrors(Properties trino, MrsConfig cfg) {
        List<String> errors = new ArrayList<>();
        Map<String, String> job = cfg.catalogProperties();
        String type = trino.getProperty("iceberg.catalog.type", "");
        expect(errors, type.equals(job.get("type")),
                "iceberg.catalog.type=" + type + " but the job's mrs.catalog.type=" + job.get("type"));
        if ("rest".equals(type)) {
            expect(errors, job.get("uri") != null && job.get("uri").equals(trino.getProperty("iceberg.rest-catalog.uri")),
                    "iceberg.rest-catalog.uri must equal mrs.catalog.uri (" + job.get("uri") + ")");
            expect(errors, java.util.Objects.equals(job.get("warehouse"), trino.getProperty("iceberg.rest-catalog.warehouse")),
                    "iceberg.rest-catalog.warehouse must equal mrs.catalog.warehouse (" + job.get("warehouse") + ")");
        } else if ("jdbc".equals(type)) {
            expect(errors, cfg.catalogName().equals(trino.getProperty("iceberg.jdbc-catalog.catalog-name")),
                    "iceberg.jdbc-catalog.catalog-name must equal the job's catalog name (" + cfg.catalogName() + ")");
            expect(errors, java.util.Objects.equals(job.get("uri"), trino.getProperty("iceberg.jdbc-catalog.connection-url")),
                    "iceberg.jdbc-catalog.connection-url must equal mrs.catalog.uri (" + job.get("uri") + ")");
            expect(errors, java.util.Objects.equals(job.get("warehouse"),
                            trino.getProperty("iceberg.jdbc-catalog.default-warehouse-dir")),
                    "iceberg.jdbc-catalog.default-warehouse-dir must equal mrs.catalog.warehouse");
        }
        String warehouse = job.getOrDefault("warehouse", "");
        if (warehouse.startsWith("s3://") || warehouse.startsWith("s3a://")) {
            expect(errors, "true".equals(trino.getProperty("fs.native-s3.enabled")),
                    "the warehouse is on S3: set fs.native-s3.enabled=true");
            String region = job.get("client.region");
            expect(errors, region == null || region.equals(trino.getProperty("s3.region")),
                    "s3.region must equal mrs.catalog.client.region (" + region + ")");
        }
        return errors;
    }

    @Test
    void trinoConfigMapCarriesTheCatalogFileVerbatim() {
        String text = K8sManifests.read(TRINO_CONFIG_MAP);
        assertThat(K8sManifests.configMapErrors(text, TRINO_CONFIG_MAP)).isEmpty();
        JsonNode data = K8sManifests.yaml(text).get(0).path("data");
        assertThat(data.size()).isEqualTo(1);
        String key = data.fieldNames().next();
        assertThat(key).as("Trino names the catalog after the file").isEqualTo("mrs.properties");
        assertThat(data.get(key).asText()).isEqualTo(K8sManifests.read(TRINO_PROPERTIES));
    }

    // ---------------------------------------------------------------------------------------------
    // Dockerfile

    @Test
    void dockerfileHasOnlyRealInstructions() {
        assertThat(K8sManifests.dockerfileErrors(K8sManifests.read(DOCKERFILE))).isEmpty();
    }

    @Test
    void dockerfileBuildsTheImageTheDeploymentRuns() throws Exception {
        assertThat(dockerContractErrors(K8sManifests.read(DOCKERFILE), K8sManifests.read(DOCKERIGNORE),
                builtJobJar(), deployment(), jobConfig(K8sManifests.read(MRS_CONFIG)))).isEmpty();
    }

    /** The shaded jar the build produces, relative to the repository root (from mrs-flink-job/pom.xml). */
    static String builtJobJar() throws Exception {
        Path pom = K8sManifests.dir().getParent().resolve("mrs-flink-job/pom.xml");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String artifactId = xpath.evaluate("/*[local-name()='project']/*[local-name()='artifactId']", doc);
        String version = xpath.evaluate("/*[local-name()='project']/*[local-name()='version']", doc);
        if (version.isBlank()) {
            version = xpath.evaluate("/*[local-name()='project']/*[local-name()='parent']/*[local-name()='version']", doc);
        }
        String classifier = xpath.evaluate("//*[local-name()='shadedClassifierName']", doc);
        assertThat(List.of(artifactId, version, classifier)).as("artifactId, version, shaded classifier").doesNotContain("");
        return "mrs-flink-job/target/" + artifactId + "-" + version + "-" + classifier + ".jar";
    }

    /** The project's Java release (maven.compiler.release of the parent POM): the image's Java. */
    static String javaRelease() {
        try {
            Path pom = K8sManifests.dir().getParent().resolve("pom.xml");
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            String release = XPathFactory.newInstance().newXPath().evaluate(
                    "/*[local-name()='project']/*[local-name()='properties']/*[local-name()='maven.compiler.release']", doc);
            assertThat(release).as("maven.compiler.release in pom.xml").isNotBlank();
            return release.strip();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the Java release from pom.xml", e);
        }
    }

    static List<String> dockerContractErrors(String dockerfile, String dockerignore, String jobJar, JsonNode d,
            MrsConfig cfg) {
        List<String> errors = new ArrayList<>();
        List<K8sManifests.Instruction> instructions = K8sManifests.dockerfile(dockerfile);
        Map<String, String> args = new HashMap<>();
        String lastFrom = null;
        for (K8sManifests.Instruction in : instructions) {
            if (in.keyword().equals("ARG") && lastFrom == null && in.arguments().contains("=")) {
                String[] kv = in.arguments().split("=", 2);
                args.put(kv[0].strip(), kv[1].strip());
            } else if (in.keyword().equals("FROM")) {
                lastFrom = substitute(in.arguments().split("\\s+")[0], args);
            }
        }
        String javaRelease = javaRelease();
        String base = "flink:" + FlinkConfigKeys.flinkVersion() + "-java" + javaRelease;
        expect(errors, base.equals(lastFrom), "the image must be built FROM " + base + " (the project's Flink on Java "
                + javaRelease + "), not " + lastFrom);
        String jarPath = d.path("spec").path("job").path("jarURI").asText().replaceFirst("^local://", "");
        boolean copied = false;
        for (K8sManifests.Instruction in : instructions) {
            if (in.keyword().equals("COPY") || in.keyword().equals("ADD")) {
                List<String> words = new ArrayList<>(List.of(in.arguments().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                if (words.size() == 2 && words.get(0).equals(jobJar) && words.get(1).equals(jarPath)) {
                    copied = true;
                }
            }
        }
        expect(errors, copied, "no COPY " + jobJar + " " + jarPath + " (the built job jar to the deployment's jarURI)");
        List<String> ignore = dockerignore.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        expect(errors, ignore.equals(List.of("*", "!" + jobJar)),
                DOCKERIGNORE + " must exclude everything but !" + jobJar + ", got " + ignore);
        Map<String, String> conf = flinkConfiguration(d);
        if (conf.values().stream().anyMatch(v -> v.startsWith("s3://"))) {
            expect(errors, Pattern.compile("plugins/s3-fs-(presto|hadoop)").matcher(dockerfile).find(),
                    "checkpoints/HA on s3:// need an S3 filesystem plugin enabled in the image");
        }
        if (conf.containsKey("metrics.reporter.prom.factory.class")) {
            expect(errors, dockerfile.contains("plugins/metrics-prometheus"),
                    "the Prometheus reporter plugin must be checked/enabled in the image");
        }
        if ("org.apache.iceberg.aws.s3.S3FileIO".equals(cfg.catalogProperties().get("io-impl"))) {
            expect(errors, dockerfile.contains("iceberg-aws-bundle"), "S3FileIO needs iceberg-aws-bundle in the image");
            expect(errors, IcebergBuild.version().equals(args.get("ICEBERG_VERSION")),
                    "ARG ICEBERG_VERSION must be the project's Iceberg version " + IcebergBuild.version());
        }
        return errors;
    }

    private static String substitute(String s, Map<String, String> args) {
        Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // README and leftovers

    @Test
    void readmeAppliesEveryManifestAndWalksTheRunbook() {
        String readme = K8sManifests.read(README);
        for (String file : k8sFiles()) {
            if (file.endsWith(".yaml")) {
                assertThat(readme).as("README applies " + file).contains("kubectl apply -f k8s/" + file);
            }
        }
        Matcher applies = Pattern.compile("kubectl apply -f (k8s/[^\\s`]+)").matcher(readme);
        while (applies.find()) {
            assertThat(K8sManifests.dir().getParent().resolve(applies.group(1))).as("README applies a real file").exists();
        }
        assertThat(readme).contains("-DskipTests package", "docker build -f k8s/Dockerfile", "patch flinkdeployment mrs",
                "initialSavepointPath", "savepointRedeployNonce", "mrs.kafka.group-id", "kafka-consumer-groups",
                "upgradeMode", TRINO_PROPERTIES);
        for (String section : List.of("## Deploy", "## Upgrade with a savepoint", "## Replay from a savepoint",
                "## Replay from Kafka", "## Roll back", "## Trino")) {
            assertThat(readme).contains(section);
        }
    }

    @Test
    void readmeCommandsAndSnippetsAreValid() {
        assertThat(readmeErrors(K8sManifests.read(README), deployment())).isEmpty();
    }

    private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MERGE_PATCH = Pattern.compile(
            "kubectl -n (\\S+) patch flinkdeployment (\\S+) --type merge\\s*(?:\\\\\\s*)?-p '([^']*)'");

    /**
     * The README's YAML snippets validate against the operator's CRDs, every {@code kubectl patch}
     * of the deployment applied to the real manifest still validates, and its Trino block is the
     * catalog file's settings.
     */
    static List<String> readmeErrors(String readme, JsonNode d) {
        List<String> errors = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (!fence.group(1).equals("yaml")) {
                continue;
            }
            for (JsonNode doc : K8sManifests.yaml(fence.group(2))) {
                if ("FlinkStateSnapshot".equals(doc.path("kind").asText())) {
                    errors.addAll(K8sManifests.resourceErrors(doc, "flink.apache.org/v1beta1", "FlinkStateSnapshot",
                            K8sManifests.operatorCrdSchema(K8sManifests.SNAPSHOT_CRD, "FlinkStateSnapshot"),
                            "README FlinkStateSnapshot"));
                } else {
                    errors.add("README: a yaml snippet of kind " + doc.path("kind").asText() + " that nothing validates");
                }
            }
        }
        Matcher patch = MERGE_PATCH.matcher(readme);
        int patches = 0;
        while (patch.find()) {
            patches++;
            if (!patch.group(1).equals(d.path("metadata").path("namespace").asText())
                    || !patch.group(2).equals(d.path("metadata").path("name").asText())) {
                errors.add("README patches flinkdeployment " + patch.group(2) + " in " + patch.group(1));
            }
            try {
                JsonNode merged = mergePatch(d.deepCopy(), YAML_JSON.readTree(patch.group(3)));
                for (String e : K8sManifests.flinkDeploymentErrors(merged)) {
                    errors.add("README patch " + patch.group(3) + ": " + e);
                }
            } catch (IOException e) {
                errors.add("README patch " + patch.group(3) + " is not JSON: " + e.getMessage());
            }
        }
        if (patches == 0) {
            errors.add("README: no kubectl patch of the FlinkDeployment found");
        }
        List<String> settings = K8sManifests.read(TRINO_PROPERTIES).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String trinoBlock = "```\n" + String.join("\n", settings) + "\n```";
        if (!readme.contains(trinoBlock)) {
            errors.add("README: the Trino section must show the settings of " + TRINO_PROPERTIES + " as they are");
        }
        return errors;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** RFC 7386 JSON merge patch, as {@code kubectl patch --type merge} applies it. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        com.fasterxml.jackson.databind.node.ObjectNode result = target != null && target.isObject()
                ? (com.fasterxml.jackson.databind.node.ObjectNode) target
                : YAML_JSON.createObjectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    @Test
    void noPlaceholdersAreLeftInK8s() {
        Pattern placeholder = Pattern.compile("\\b(TODO|TBD|FIXME|XXX)\\b|to come|lands here|placeholder");
        for (String file : k8sFiles()) {
            Matcher m = placeholder.matcher(K8sManifests.read(file));
            assertThat(m.find()).as(file + " contains a placeholder").isFalse();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The validation bites: broken copies of the real files are rejected.

    @Nested
    class ValidationBites {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "    upgradeMode: savepoint|    upgradeMod: savepoint|unknown field 'upgradeMod'",
            "    upgradeMode: savepoint|    upgradeMode: savepoints|is not one of",
            "  flinkVersion: v2_1|  flinkVersion: v2_9|is not one of",
            "          volumeMounts:|          volumeMount:|unknown field 'volumeMount'",
            "  jobManager:|  jobManagr:|unknown field 'jobManagr'",
            "    parallelism: 4|    parallelism: \"4\"|must be an integer",
            "      memory: 4096m|      memory: 4096|must be a string",
            "    taskmanager.numberOfTaskSlots: \"2\"|    taskmanager.numberOfTaskSlots: 2|must be a string",
            "    execution.checkpointing.interval: 30s|    execution.checkpointing.intervall: 30s|unknown Flink",
            "    execution.checkpointing.interval: 30s|    execution.checkpointing.interval: thirty seconds|does not parse",
            "    execution.checkpointing.mode: EXACTLY_ONCE|    execution.checkpointing.mode: EXACTLY_ONE|does not parse",
            "    execution.checkpointing.dir:|    state.checkpoints.dir:|deprecated key",
            "    metrics.reporter.prom.port:|    metrics.reporter.prom.prot:|not a metric reporter option",
            "    kubernetes.operator.deployment.rollback.enabled:|    kubernetes.operator.deployment.rollback.enable:|unknown Flink",
            "  name: mrs\\n  namespace: mrs|  nmae: mrs\\n  namespace: mrs|unknown field 'nmae'",
            "apiVersion: flink.apache.org/v1beta1|apiVersion: flink.apache.org/v1|expected flink.apache.org/v1beta1",
        })
        void aBrokenFlinkDeploymentIsRejected(String from, String to, String expected) {
            String broken = mutate(K8sManifests.read(FLINK_DEPLOYMENT), from, to);
            assertThat(K8sManifests.flinkDeploymentErrors(broken)).anySatisfy(e -> assertThat(e).contains(expected));
        }

        @Test
        void aDuplicatedKeyIsRejected() {
            String broken = mutate(K8sManifests.read(FLINK_DEPLOYMENT), "    state: running\n",
                    "    state: running\n    state: suspended\n");
            assertThatThrownBy(() -> K8sManifests.flinkDeploymentErrors(broken))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        }

        @Test
        void aDeploymentWithoutSavepointUpgradesOrHaIsRejected() {
            String text = K8sManifests.read(FLINK_DEPLOYMENT);
            JsonNode stateless = K8sManifests.yaml(mutate(text, "    upgradeMode: savepoint\n", "    upgradeMode: stateless\n")).get(0);
            assertThat(deploymentContractErrors(stateless)).anySatisfy(e -> assertThat(e).contains("upgradeMode"));
            JsonNode noHa = K8sManifests.yaml(mutate(text, "    high-availability.type: kubernetes\n", "")).get(0);
            assertThat(deploymentContractErrors(noHa)).anySatisfy(e -> assertThat(e).contains("high-availability.type"));
        }

        @Test
        void aConfigMountedElsewhereIsRejected() {
            JsonNode d = K8sManifests.yaml(mutate(K8sManifests.read(FLINK_DEPLOYMENT),
                    "mountPath: /opt/mrs", "mountPath: /etc/mrs")).get(0);
            JsonNode cm = K8sManifests.yaml(K8sManifests.read(MRS_CONFIG)).get(0);
            assertThat(configMountErrors(d, cm)).isNotEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "mrs.kafka.bootstrap-servers=|mrs.kafka.bootstrap-server=|unknown configuration key",
            "mrs.job.checkpoint-interval=PT30S|mrs.job.checkpoint-interval=30s|ISO-8601",
            "mrs.kafka.group-id=mrs|mrs.kafka.groupid=mrs|unknown configuration key",
        })
        void aBrokenJobConfigIsRefusedByMrsConfig(String from, String to, String expected) {
            String broken = mutate(K8sManifests.read(MRS_CONFIG), from, to);
            assertThatThrownBy(() -> jobConfig(broken)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(expected);
        }

        @Test
        void aMisspeltCatalogPropertyIsRejected() throws Exception {
            MrsConfig cfg = jobConfig(mutate(K8sManifests.read(MRS_CONFIG), "mrs.catalog.warehouse=", "mrs.catalog.warehous="));
            assertThat(catalogErrors(cfg)).anySatisfy(e -> assertThat(e).contains("warehous"));
        }

        @Test
        void aJobConfigDisagreeingWithTheDeploymentIsRejected() throws Exception {
            MrsConfig cfg = jobConfig(mutate(K8sManifests.read(MRS_CONFIG),
                    "mrs.job.max-parallelism=128", "mrs.job.max-parallelism=256"));
            assertThat(jobDeploymentAgreementErrors(cfg, deployment()))
                    .anySatisfy(e -> assertThat(e).contains("pipeline.max-parallelism"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "  partitions: 12|  partition: 12|unknown field 'partition'",
            "  partitions: 12|  partitions: 0|below the minimum",
            "  topicName: mrs.sales|  topicName: mrs sales|not a legal Kafka topic name",
            "    compression.type: zstd|    compression.type: zstandard|not a Kafka compression type",
            "    retention.ms: 31536000000|    retention.msec: 31536000000|not a Kafka topic config",
            "    min.compaction.lag.ms: 3600000|    min.compaction.lag.ms: 1h|must be a whole number",
            "  topicName: mrs.signals|  topicName: mrs.sales|declared twice",
            "  name: mrs-stores|  name: MRS_Stores|not a DNS-1123 subdomain",
            "    strimzi.io/cluster: mrs-kafka\\nspec:\\n  topicName: mrs.sales|    strimzi.io/cluster: \"\"\\nspec:\\n  topicName: mrs.sales|strimzi.io/cluster",
        })
        void aBrokenKafkaTopicIsRejected(String from, String to, String expected) {
            String broken = mutate(K8sManifests.read(KAFKA_TOPICS), from, to);
            assertThat(K8sManifests.kafkaTopicErrors(broken)).anySatisfy(e -> assertThat(e).contains(expected));
        }

        @Test
        void aMissingTopicIsRejected() throws Exception {
            String text = K8sManifests.read(KAFKA_TOPICS);
            List<JsonNode> topics = new ArrayList<>(K8sManifests.yaml(text));
            topics.removeIf(t -> t.path("spec").path("topicName").asText().equals("mrs.signals"));
            assertThat(topicContractErrors(topics, jobConfig(K8sManifests.read(MRS_CONFIG))))
                    .anySatisfy(e -> assertThat(e).contains("mrs.signals"));
        }

        @Test
        void aTrinoCatalogOnAnotherCatalogIsRejected() throws Exception {
            MrsConfig cfg = jobConfig(K8sManifests.read(MRS_CONFIG));
            Properties typo = K8sManifests.properties(mutate(K8sManifests.read(TRINO_PROPERTIES),
                    "iceberg.rest-catalog.uri=", "iceberg.rest-catalog.url="));
            assertThat(K8sManifests.trinoCatalogErrors(typo)).anySatisfy(e -> assertThat(e).contains("rest-catalog.url"));
            assertThat(trinoContractErrors(typo, cfg)).anySatisfy(e -> assertThat(e).contains("iceberg.rest-catalog.uri"));

            // The JDBC variant: Trino must use the job's catalog name (STACK.md).
            MrsConfig jdbcJob = cfg.with(Map.of("mrs.catalog.type", "jdbc", "mrs.catalog.uri",
                    "jdbc:postgresql://postgres.mrs.svc.cluster.local:5432/iceberg"));
            Properties jdbc = new Properties();
            jdbc.setProperty("connector.name", "iceberg");
            jdbc.setProperty("iceberg.catalog.type", "jdbc");
            jdbc.setProperty("iceberg.jdbc-catalog.catalog-name", "iceberg");
            jdbc.setProperty("iceberg.jdbc-catalog.connection-url", jdbcJob.catalogProperties().get("uri"));
            jdbc.setProperty("iceberg.jdbc-catalog.default-warehouse-dir", jdbcJob.catalogProperties().get("warehouse"));
            jdbc.setProperty("fs.native-s3.enabled", "true");
            jdbc.setProperty("s3.region", "eu-west-2");
            assertThat(K8sManifests.trinoCatalogErrors(jdbc)).isEmpty();
            assertThat(trinoContractErrors(jdbc, jdbcJob)).singleElement().asString().contains("catalog-name");
            jdbc.setProperty("iceberg.jdbc-catalog.catalog-name", jdbcJob.catalogName());
            assertThat(trinoContractErrors(jdbc, jdbcJob)).isEmpty();
        }

        @Test
        void aBrokenDockerfileIsRejected() throws Exception {
            String dockerfile = K8sManifests.read(DOCKERFILE);
            assertThat(K8sManifests.dockerfileErrors(mutate(dockerfile, "\nCOPY --chown=flink:flink mrs-flink-job",
                    "\nCOPPY --chown=flink:flink mrs-flink-job"))).anySatisfy(e -> assertThat(e).contains("COPPY"));
            String oldJar = mutate(dockerfile, "mrs-flink-job-0.1.0-SNAPSHOT-job.jar /opt", "mrs-flink-job-0.0.9-job.jar /opt");
            assertThat(dockerContractErrors(oldJar, K8sManifests.read(DOCKERIGNORE), builtJobJar(), deployment(),
                    jobConfig(K8sManifests.read(MRS_CONFIG)))).anySatisfy(e -> assertThat(e).contains("no COPY"));
            String otherFlink = mutate(dockerfile, "ARG FLINK_VERSION=2.1.1", "ARG FLINK_VERSION=2.0.0");
            assertThat(dockerContractErrors(otherFlink, K8sManifests.read(DOCKERIGNORE), builtJobJar(), deployment(),
                    jobConfig(K8sManifests.read(MRS_CONFIG)))).anySatisfy(e -> assertThat(e).contains("FROM flink:"));
        }

        @Test
        void aReadmePatchWithATypoIsRejected() {
            String readme = mutate(K8sManifests.read(README), "\"savepointRedeployNonce\":1", "\"savepointRedployNonce\":1");
            assertThat(readmeErrors(readme, deployment())).anySatisfy(e -> assertThat(e).contains("savepointRedployNonce"));
            String snapshot = mutate(K8sManifests.read(README), "    formatType: CANONICAL", "    format: CANONICAL");
            assertThat(readmeErrors(snapshot, deployment())).anySatisfy(e -> assertThat(e).contains("unknown field 'format'"));
        }

        @Test
        void aNewFileWithoutValidationIsReported() {
            Set<String> files = new TreeSet<>(k8sFiles());
            files.add("podmonitor.yaml");
            assertThat(unvalidated(files)).containsExactly("podmonitor.yaml");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    static JsonNode deployment() {
        return K8sManifests.yaml(K8sManifests.read(FLINK_DEPLOYMENT)).get(0);
    }

    static Map<String, String> flinkConfiguration(JsonNode d) {
        Map<String, String> conf = new LinkedHashMap<>();
        d.path("spec").path("flinkConfiguration").fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
        return conf;
    }

    /** The job's arguments as MrsJob.main reads them: --config FILE and --set key=value. */
    record JobArgs(String configFile, Map<String, String> overrides) {}

    static JobArgs jobArgs(JsonNode d) {
        List<String> args = new ArrayList<>();
        d.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
        String config = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--config" -> config = args.get(++i);
                case "--set" -> {
                    String[] kv = args.get(++i).split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("MrsJob does not take the argument " + args.get(i));
            }
        }
        assertThat(config).as("spec.job.args must pass --config").isNotNull();
        return new JobArgs(config, overrides);
    }

    /** {@code text} with {@code from} (which must occur exactly once) replaced by {@code to}. */
    static String mutate(String text, String from, String to) {
        String f = from.replace("\\n", "\n");
        int at = text.indexOf(f);
        assertThat(at).as("'" + from + "' occurs in the file").isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(f, at + 1)).as("'" + from + "' occurs only once").isEqualTo(-1);
        return text.substring(0, at) + to.replace("\\n", "\n") + text.substring(at + f.length());
    }

    private static void expect(List<String> errors, boolean ok, String message) {
        if (!ok) {
            errors.add(message);
        }
    }

    private static Set<String> missing(Set<String> wanted, Set<String> have) {
        Set<String> m = new TreeSet<>(wanted);
        m.removeAll(have);
        return m;
    }

}
