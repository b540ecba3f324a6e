package mrs.sinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mrs.records.ProtectionDirective;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The protection feed on Kafka ({@code mrs.model-protection}): one JSON record per directive, keyed by
 * event id so an event's directives stay in order, written exactly once (transactions committed on
 * checkpoints; readers use {@code isolation.level=read_committed}).
 */
public final class ProtectionFeed {
    private ProtectionFeed() {}

    public static KafkaSink<ProtectionDirective> sink(String bootstrapServers, String topic) {
        return KafkaSink.<ProtectionDirective>builder()
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("mrs-protection")
                // the default (1 h) exceeds the broker's maximum transaction timeout
                .setProperty("transaction.timeout.ms", String.valueOf(15 * 60 * 1000))
                .setRecordSerializer(new Serializer(topic))
                .build();
    }

    /** Directive to JSON (the model_protection_log columns). */
    static final class Serializer implements KafkaRecordSerializationSchema<ProtectionDirective> {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(ProtectionDirective d, KafkaSinkContext ctx, Long timestamp) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("directive_id", d.directiveId);
            o.put("report_group_id", d.groupId);
            o.put("directive_type", d.type);
            o.put("event_status", d.status);
            o.put("detection_type", d.detectionType);
            if (d.confidence != null) o.put("confidence", d.confidence);
            o.put("stores", d.stores);
            o.put("skus", d.skus);
            o.put("window_start", Instant.ofEpochMilli(d.windowStart).toString());
            if (d.windowEnd != null) o.put("window_end", Instant.ofEpochMilli(d.windowEnd).toString());
            if (d.weight != null) o.put("weight", d.weight);
            o.put("written_at", Instant.ofEpochMilli(d.writtenAt).toString());
            return new ProducerRecord<>(topic, null, d.writtenAt, d.groupId.getBytes(StandardCharsets.UTF_8),
                    o.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
