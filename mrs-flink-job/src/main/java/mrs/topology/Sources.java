package mrs.topology;

import java.util.Properties;
import mrs.config.MrsConfig;
import mrs.records.RawRecord;
import mrs.serde.RawRecordDeserializer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The real sources: Kafka topics read as raw records. */
public final class Sources {
    private Sources() {}

    public static KafkaSource<RawRecord> kafka(MrsConfig cfg, String topic) {
        Properties props = new Properties();
        props.putAll(cfg.kafkaProperties());
        props.putIfAbsent("isolation.level", "read_committed");
        KafkaSourceBuilder<RawRecord> b = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(cfg.bootstrapServers())
                .setTopics(topic)
                .setGroupId(cfg.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(props);
        if (cfg.kafkaBounded()) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** Both inputs from Kafka; watermarks are assigned after parsing (event time is in the payload). */
    public static DataStream<RawRecord> salesFromKafka(StreamExecutionEnvironment env, MrsConfig cfg) {
        return env.fromSource(kafka(cfg, cfg.salesTopic()), WatermarkStrategy.noWatermarks(), "sales-source")
                .uid("sales-source");
    }

    public static DataStream<RawRecord> signalsFromKafka(StreamExecutionEnvironment env, MrsConfig cfg) {
        return env.fromSource(kafka(cfg, cfg.signalsTopic()), WatermarkStrategy.noWatermarks(), "signals-source")
                .uid("signals-source");
    }

    public static DataStream<RawRecord> actionsFromKafka(StreamExecutionEnvironment env, MrsConfig cfg) {
        return env.fromSource(kafka(cfg, cfg.actionsTopic()), WatermarkStrategy.noWatermarks(), "analyst-actions-source")
                .uid("analyst-actions-source");
    }

    public static DataStream<RawRecord> storesFromKafka(StreamExecutionEnvironment env, MrsConfig cfg) {
        return env.fromSource(kafka(cfg, cfg.storesTopic()), WatermarkStrategy.noWatermarks(), "stores-source")
                .uid("stores-source");
    }
}
