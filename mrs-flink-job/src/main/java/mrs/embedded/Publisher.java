package mrs.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes JSON lines to a topic exactly as they are (malformed lines included: the pipeline must
 * see them to refuse them). The record key is the line's {@code keyField} when it can be read (so a
 * store's records stay in one partition, in order) and its timestamp the line's event time when it
 * has one; otherwise the previous good line's.
 */
public final class Publisher implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaProducer<byte[], byte[]> producer;
    private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<Exception> firstFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    public Publisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer = new KafkaProducer<>(p);
    }

    /** Sends every line of the file; returns the number of records sent. */
    public long publishFile(Path file, String topic, String keyField, String timeField, LongConsumer progress)
            throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lastTs = -1;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lastTs = send(topic, line, keyField, timeField, lastTs);
                n++;
                if (progress != null && n % 100_000 == 0) {
                    progress.accept(n);
                }
            }
        }
        flush();
        return n;
    }

    /** Sends one line; returns the timestamp used (for the next line without one). */
    public long send(String topic, String line, String keyField, String timeField, long fallbackTs) {
        byte[] key = null;
        long ts = fallbackTs;
        try {
            JsonNode node = MAPPER.readTree(line);
            JsonNode k = node.get(keyField);
            if (k != null && k.isTextual()) {
                key = k.asText().getBytes(StandardCharsets.UTF_8);
            }
            JsonNode t = timeField == null ? null : node.get(timeField);
            if (t != null && t.isTextual()) {
                ts = OffsetDateTime.parse(t.asText()).toInstant().toEpochMilli();
            }
        } catch (IOException | RuntimeException e) {
            // Malformed line: published as is, keyless, for the pipeline to refuse and record.
        }
        send(topic, key, line.getBytes(StandardCharsets.UTF_8), ts >= 0 ? ts : null, null);
        return ts;
    }

    /**
     * Sends one record as it is. A refusal is counted and fails the next {@link #flush()};
     * {@code acked} (may be null) is told the partition of each acknowledged record.
     */
    public void send(String topic, byte[] key, byte[] value, Long timestamp, java.util.function.IntConsumer acked) {
        producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            } else if (acked != null) {
                acked.accept(meta.partition());
            }
        });
    }

    /** Waits for every record sent so far; fails if the broker refused any (nothing is lost silently). */
    public void flush() {
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " record(s) could not be published: " + firstFailure.get(),
                    firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
