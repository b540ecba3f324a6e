package mrs.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM on
 * loopback, for the demo, {@code mrs replay} and the tests. Started from the Kafka 4.2 artifacts on
 * Maven Central; never part of the deployable job jar.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker; returns when it is ready. */
    public static EmbeddedKafka start(Path dir) throws Exception {
        Files.createDirectories(dir);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dir)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                // one node: every internal topic has a single replica
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("log.retention.hours", "-1")
                .setDeleteOnClose(true)
                .build();
        // The storage formatter prints its bootstrap records to stdout: keep the user's console clean.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        } finally {
            System.setOut(stdout);
        }
        return new EmbeddedKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics (idempotent). Compacted topics get {@code cleanup.policy=compact}. */
    public void createTopics(int partitions, List<String> topics, List<String> compacted)
            throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> all = new ArrayList<>();
            for (String t : topics) {
                NewTopic nt = new NewTopic(t, partitions, (short) 1);
                // Recorded history carries its own event-time timestamps, however old or (for a corrupt
                // record) far in the future: the broker must keep them, not reject the batch.
                Map<String, String> configs = new java.util.HashMap<>();
                configs.put("message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE));
                configs.put("message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
                if (compacted.contains(t)) {
                    configs.put("cleanup.policy", "compact");
                }
                nt.configs(configs);
                all.add(nt);
            }
            try {
                admin.createTopics(all).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
