package mrs.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Loading and per-file validation of the Kubernetes manifests in {@code k8s/}. Every validator takes
 * the file's text and returns its problems (empty = valid), so {@link ManifestsTest} can feed it the
 * real files and deliberately broken copies alike.
 *
 * <p>The FlinkDeployment is validated against the Flink Kubernetes operator's own CRD schema: the
 * {@code openAPIV3Schema} of {@code flinkdeployments.flink.apache.org} that the operator's API
 * artifact ({@code org.apache.flink:flink-kubernetes-operator-api}) carries in
 * {@code META-INF/fabric8/}. The newest version the project's Maven repository serves is 1.10.0
 * (1.11.0 to 1.13.0 are not served there), whose {@code flinkVersion} enum ends at {@code v1_20};
 * operator 1.11 added {@code v2_0} and 1.13.0 (FLINK-38147) {@code v2_1}.
 * The v1beta1 API only ever gains fields and enum values across operator releases, so a spec that is
 * valid against 1.10's schema with those two enum values added is valid against 1.13's and later.
 * {@link #FLINK_VERSIONS_ADDED_SINCE_1_10} adds them, and only when the CRD lacks them: with a newer
 * operator-api on the classpath the CRD is used as it is.
 */
final class K8sManifests {
    static final String FLINK_DEPLOYMENT = "flink-deployment.yaml";
    static final String MRS_CONFIG = "mrs-config.yaml";
    static final String KAFKA_TOPICS = "kafka-topics.yaml";
    static final String TRINO_PROPERTIES = "trino-catalog.properties";
    static final String TRINO_CONFIG_MAP = "trino-catalog.yaml";
    static final String DOCKERFILE = "Dockerfile";
    static final String DOCKERIGNORE = "Dockerfile.dockerignore";
    static final String README = "README.md";

    /** Flink versions the operator's FlinkVersion enum gained after operator 1.10 (1.11: v2_0, 1.13: v2_1). */
    static final List<String> FLINK_VERSIONS_ADDED_SINCE_1_10 = List.of("v2_0", "v2_1");

    static final String OPERATOR_CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";
    static final String SNAPSHOT_CRD = "META-INF/fabric8/flinkstatesnapshots.flink.apache.org-v1.yml";
    static final String OPERATOR_POM_PROPERTIES =
            "META-INF/maven/org.apache.flink/flink-kubernetes-operator-api/pom.properties";

    /** A DNS-1123 subdomain: what Kubernetes accepts as metadata.name of these kinds. */
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A DNS-1123 label: what a namespace name must be. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** A label value: at most 63 characters, alphanumeric at both ends. */
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    /** A legal Kafka topic name. */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Every instruction a Dockerfile may hold. */
    private static final Set<String> DOCKERFILE_INSTRUCTIONS = Set.of(
            "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
            "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    /**
     * Catalog properties of Trino's Iceberg connector (Trino 476 documentation: Iceberg connector,
     * REST and JDBC catalogs, native S3 / local file systems) that a catalog file may set.
     */
    static final Set<String> TRINO_ICEBERG_KEYS = Set.of(
            "connector.name",
            "iceberg.catalog.type", "iceberg.file-format", "iceberg.compression-codec",
            "iceberg.max-partitions-per-writer", "iceberg.unique-table-location", "iceberg.security",
            "iceberg.table-statistics-enabled", "iceberg.extended-statistics.enabled",
            "iceberg.projection-pushdown-enabled", "iceberg.register-table-procedure.enabled",
            "iceberg.add-files-procedure.enabled", "iceberg.query-partition-filter-required",
            "iceberg.metadata-cache.enabled", "iceberg.expire-snapshots.min-retention",
            "iceberg.remove-orphan-files.min-retention", "iceberg.sorted-writing-enabled",
            "iceberg.object-store-layout.enabled", "iceberg.dynamic-filtering.wait-timeout",
            "iceberg.rest-catalog.uri", "iceberg.rest-catalog.prefix", "iceberg.rest-catalog.warehouse",
            "iceberg.rest-catalog.security", "iceberg.rest-catalog.session", "iceberg.rest-catalog.session-timeout",
            "iceberg.rest-catalog.oauth2.token", "iceberg.rest-catalog.oauth2.credential",
            "iceberg.rest-catalog.oauth2.scope", "iceberg.rest-catalog.oauth2.server-uri",
            "iceberg.rest-catalog.oauth2.token-refresh-enabled", "iceberg.rest-catalog.vended-credentials-enabled",
            "iceberg.rest-catalog.nested-namespace-enabled", "iceberg.rest-catalog.case-insensitive-name-matching",
            "iceberg.rest-catalog.view-endpoints-enabled",
            "iceberg.jdbc-catalog.driver-class", "iceberg.jdbc-catalog.connection-url",
            "iceberg.jdbc-catalog.connection-user", "iceberg.jdbc-catalog.connection-password",
            "iceberg.jdbc-catalog.catalog-name", "iceberg.jdbc-catalog.default-warehouse-dir",
            "iceberg.jdbc-catalog.schema-version",
            "fs.native-s3.enabled", "fs.native-gcs.enabled", "fs.native-azure.enabled", "fs.native-local.enabled",
            "fs.hadoop.enabled", "fs.cache.enabled", "local.location",
            "s3.endpoint", "s3.region", "s3.path-style-access", "s3.aws-access-key", "s3.aws-secret-key",
            "s3.iam-role", "s3.role-session-name", "s3.external-id", "s3.sts.endpoint", "s3.sts.region",
            "s3.sse.type", "s3.sse.kms-key-id", "s3.max-connections", "s3.streaming.part-size", "s3.canned-acl");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private K8sManifests() {}

    // ---------------------------------------------------------------------------------------------
    // Files

    /** The repository's {@code k8s/} directory, found from the working directory upwards. */
    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("mrs-flink-job"))) {
                return p.resolve("k8s");
            }
        }
        throw new IllegalStateException("no k8s/ directory above " + Path.of("").toAbsolutePath());
    }

    static String read(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML documents of a file; duplicate keys and syntax errors throw. Empty documents are skipped. */
    static List<JsonNode> yaml(String text) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** One of the schemas in {@code src/test/resources/k8s-schemas/}. */
    static JsonNode ownSchema(String name) {
        try (InputStream in = K8sManifests.class.getResourceAsStream("/k8s-schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource k8s-schemas/" + name);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Generic resource checks

    /**
     * apiVersion, kind and metadata of one document, then everything else against {@code bodySchema}
     * (an object schema over the remaining top-level fields).
     */
    static List<String> resourceErrors(JsonNode doc, String apiVersion, String kind, JsonNode bodySchema, String path) {
        List<String> errors = new ArrayList<>();
        if (!doc.isObject()) {
            errors.add(path + ": not a mapping");
            return errors;
        }
        if (!apiVersion.equals(doc.path("apiVersion").asText(null))) {
            errors.add(path + ".apiVersion: expected " + apiVersion + ", got " + doc.get("apiVersion"));
        }
        if (!kind.equals(doc.path("kind").asText(null))) {
            errors.add(path + ".kind: expected " + kind + ", got " + doc.get("kind"));
        }
        JsonNode metadata = doc.get("metadata");
        if (metadata == null) {
            errors.add(path + ".metadata: missing");
        } else {
            errors.addAll(StructuralSchema.validate(metadata, ownSchema("objectmeta.schema.yaml"), path + ".metadata"));
            String name = metadata.path("name").asText("");
            if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
                errors.add(path + ".metadata.name: '" + name + "' is not a DNS-1123 subdomain");
            }
            String ns = metadata.path("namespace").asText("");
            if (!ns.isEmpty() && (ns.length() > 63 || !DNS_LABEL.matcher(ns).matches())) {
                errors.add(path + ".metadata.namespace: '" + ns + "' is not a DNS-1123 label");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.path("labels").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> label = it.next();
                String v = label.getValue().asText("");
                if (v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
                    errors.add(path + ".metadata.labels." + label.getKey() + ": '" + v + "' is not a valid label value");
                }
            }
        }
        if (doc.has("status")) {
            errors.add(path + ".status: written by the controller, never by a manifest");
        }
        ObjectNode body = ((ObjectNode) doc).deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata", "status"));
        errors.addAll(StructuralSchema.validate(body, bodySchema, path));
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // FlinkDeployment

    /** The operator-api version whose CRD is on the classpath. */
    static String operatorApiVersion() {
        try (InputStream in = K8sManifests.class.getClassLoader().getResourceAsStream(OPERATOR_POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("flink-kubernetes-operator-api is not on the test classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The served v1beta1 openAPIV3Schema of one of the operator's CRDs (from its API artifact). */
    static ObjectNode operatorCrdSchema(String resource, String kind) {
        JsonNode crd;
        try (InputStream in = K8sManifests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (flink-kubernetes-operator-api)");
            }
            crd = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!kind.equals(crd.path("spec").path("names").path("kind").asText())) {
            throw new IllegalStateException(resource + " is not the " + kind + " CRD");
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
            if ("v1beta1".equals(version.path("name").asText()) && version.path("served").asBoolean()) {
                return (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
            }
        }
        throw new IllegalStateException(resource + " serves no v1beta1 version");
    }

    /** The FlinkDeployment CRD's v1beta1 schema, with the Flink 2.x versions added if the CRD lacks them. */
    static JsonNode operatorSchema() {
        ObjectNode schema = operatorCrdSchema(OPERATOR_CRD, "FlinkDeployment");
        ArrayNode flinkVersions = (ArrayNode) schema.path("properties").path("spec").path("properties")
                .path("flinkVersion").path("enum");
        for (String v : FLINK_VERSIONS_ADDED_SINCE_1_10) {
            boolean present = false;
            for (JsonNode e : flinkVersions) {
                present |= e.asText().equals(v);
            }
            if (!present) {
                flinkVersions.add(v);
            }
        }
        return schema;
    }

    /** The flinkVersion values the (extended) operator schema accepts. */
    static List<String> operatorFlinkVersions() {
        List<String> versions = new ArrayList<>();
        operatorSchema().path("properties").path("spec").path("properties").path("flinkVersion").path("enum")
                .forEach(v -> versions.add(v.asText()));
        return versions;
    }

    /** Schema, metadata and Flink configuration keys of a FlinkDeployment manifest. */
    static List<String> flinkDeploymentErrors(String text) {
        List<JsonNode> docs = yaml(text);
        if (docs.size() != 1) {
            return List.of(FLINK_DEPLOYMENT + ": expected exactly one document, got " + docs.size());
        }
        return flinkDeploymentErrors(docs.get(0));
    }

    static List<String> flinkDeploymentErrors(JsonNode doc) {
        List<String> errors = new ArrayList<>(
                resourceErrors(doc, "flink.apache.org/v1beta1", "FlinkDeployment", operatorSchema(), "FlinkDeployment"));
        JsonNode conf = doc.path("spec").path("flinkConfiguration");
        if (conf.isObject()) {
            Map<String, String> flinkConf = new LinkedHashMap<>();
            conf.fields().forEachRemaining(e -> flinkConf.put(e.getKey(), e.getValue().asText()));
            errors.addAll(FlinkConfigKeys.errors(flinkConf));
        }
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // ConfigMap, KafkaTopic

    static List<String> configMapErrors(String text, String file) {
        List<JsonNode> docs = yaml(text);
        if (docs.size() != 1) {
            return List.of(file + ": expected exactly one document, got " + docs.size());
        }
        return resourceErrors(docs.get(0), "v1", "ConfigMap", ownSchema("configmap-v1.schema.yaml"), "ConfigMap");
    }

    /** The text under {@code data.<key>} of a single-document ConfigMap. */
    static String configMapData(String text, String key) {
        JsonNode value = yaml(text).get(0).path("data").path(key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("ConfigMap has no data." + key);
        }
        return value.asText();
    }

    /** Topic config names Kafka knows: every {@code *_CONFIG} constant of {@link TopicConfig}. */
    static Set<String> kafkaTopicConfigNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    static List<String> kafkaTopicErrors(String text) {
        List<String> errors = new ArrayList<>();
        List<JsonNode> docs = yaml(text);
        Set<String> configNames = kafkaTopicConfigNames();
        Set<String> topicNames = new TreeSet<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode doc = docs.get(i);
            String path = "KafkaTopic[" + i + "]";
            errors.addAll(resourceErrors(doc, "kafka.strimzi.io/v1beta2", "KafkaTopic",
                    ownSchema("kafkatopic-v1beta2.schema.yaml"), path));
            if (doc.path("metadata").path("labels").path("strimzi.io/cluster").asText("").isEmpty()) {
                errors.add(path + ".metadata.labels: strimzi.io/cluster (the Kafka cluster) is missing");
            }
            JsonNode spec = doc.path("spec");
            String topic = spec.path("topicName").asText("");
            if (!KAFKA_TOPIC.matcher(topic).matches()) {
                errors.add(path + ".spec.topicName: '" + topic + "' is not a legal Kafka topic name");
            }
            if (!topicNames.add(topic)) {
                errors.add(path + ".spec.topicName: " + topic + " is declared twice");
            }
            long replicas = spec.path("replicas").asLong(0);
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("config").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                errors.addAll(topicConfigErrors(path + ".spec.config." + e.getKey(), e.getKey(), e.getValue(),
                        configNames, replicas));
            }
        }
        return errors;
    }

    private static List<String> topicConfigErrors(String path, String key, JsonNode value, Set<String> names,
            long replicas) {
        List<String> errors = new ArrayList<>();
        if (!names.contains(key)) {
            errors.add(path + ": not a Kafka topic config (see org.apache.kafka.common.config.TopicConfig)");
            return errors;
        }
        if (!value.isValueNode()) {
            errors.add(path + ": must be a scalar");
            return errors;
        }
        String v = value.asText();
        switch (key) {
            case TopicConfig.CLEANUP_POLICY_CONFIG -> {
                if (!Set.of("delete", "compact", "compact,delete", "delete,compact").contains(v.replace(" ", ""))) {
                    errors.add(path + ": '" + v + "' is not delete, compact or both");
                }
            }
            case TopicConfig.COMPRESSION_TYPE_CONFIG -> {
                if (!Set.of("uncompressed", "producer", "gzip", "snappy", "lz4", "zstd").contains(v)) {
                    errors.add(path + ": '" + v + "' is not a Kafka compression type");
                }
            }
            case TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG -> {
                if (!value.canConvertToLong() || value.asLong() < 1 || value.asLong() >= replicas) {
                    errors.add(path + ": " + v + " must be at least 1 and below replicas (" + replicas
                            + "), or one broker down stops all writes");
                }
            }
            case TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG -> {
                if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                    errors.add(path + ": " + v + " must be a ratio between 0 and 1");
                }
            }
            default -> {
                if ((key.endsWith(".ms") || key.endsWith(".bytes")) && !value.isIntegralNumber()) {
                    errors.add(path + ": " + v + " must be a whole number");
                }
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------------------------------------
    // Trino, Dockerfile

    static List<String> trinoCatalogErrors(Properties p) {
        List<String> errors = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!TRINO_ICEBERG_KEYS.contains(key)) {
                errors.add(TRINO_PROPERTIES + ": '" + key + "' is not a Trino Iceberg catalog property");
            }
        }
        if (!"iceberg".equals(p.getProperty("connector.name"))) {
            errors.add(TRINO_PROPERTIES + ": connector.name must be iceberg");
        }
        String type = p.getProperty("iceberg.catalog.type", "");
        if (!Set.of("rest", "jdbc").contains(type)) {
            errors.add(TRINO_PROPERTIES + ": iceberg.catalog.type must be rest or jdbc (the job's catalog), got '"
                    + type + "'");
        }
        return errors;
    }

    /** One Dockerfile instruction: its keyword and its arguments (continuations joined). */
    record Instruction(String keyword, String arguments, int line) {}

    static List<Instruction> dockerfile(String text) {
        List<Instruction> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (current == null && trimmed.isEmpty())) {
                continue; // comments (also inside continuations) and blank lines
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String joined = current.toString().strip();
                int sp = joined.indexOf(' ');
                String keyword = sp < 0 ? joined : joined.substring(0, sp);
                out.add(new Instruction(keyword, sp < 0 ? "" : joined.substring(sp + 1).strip(), start));
                current = null;
            }
        }
        if (current != null) {
            out.add(new Instruction("<unterminated>", current.toString(), start));
        }
        return out;
    }

    static List<String> dockerfileErrors(String text) {
        List<String> errors = new ArrayList<>();
        List<Instruction> instructions = dockerfile(text);
        if (instructions.isEmpty() || !Set.of("FROM", "ARG").contains(instructions.get(0).keyword())) {
            errors.add(DOCKERFILE + ": must start with FROM (or ARG)");
        }
        for (Instruction in : instructions) {
            if (!DOCKERFILE_INSTRUCTIONS.contains(in.keyword())) {
                errors.add(DOCKERFILE + ":" + in.line() + ": unknown instruction '" + in.keyword() + "'");
            }
        }
        return errors;
    }
}
