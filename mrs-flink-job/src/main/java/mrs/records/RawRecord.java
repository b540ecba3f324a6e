package mrs.records;

/**
 * One input record exactly as it arrived, before parsing: the payload plus where it came from. Every
 * topic is read as raw records so that a payload that cannot be parsed still reaches the stage's
 * {@code _errors} table verbatim, with its position for lineage.
 */
public class RawRecord {
    /** Topic or file the record came from. */
    public String source;
    /** Kafka partition, or -1 for other sources. */
    public int partition;
    /** Kafka offset or line number; -1 when unknown. */
    public long offset;
    /** Kafka record timestamp (epoch millis), or -1. */
    public long timestamp;
    /** The payload as UTF-8 text; null for a tombstone or undecodable bytes. */
    public String payload;

    public RawRecord() {}

    public RawRecord(String source, int partition, long offset, long timestamp, String payload) {
        this.source = source;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.payload = payload;
    }

    @Override
    public String toString() {
        return source + "[" + partition + "@" + offset + "]: " + payload;
    }
}
