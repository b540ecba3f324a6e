package mrs.records;

/**
 * A record refused by a stage, with its raw payload and why. Goes to the stage's {@code _errors}
 * table; nothing is dropped silently.
 */
public class IngestError {
    /** Deterministic: a hash of stage, source position and payload. */
    public String errorId;
    /** Stage that refused it, e.g. {@code parse-sales}, {@code late-sales}. */
    public String stage;
    public String source;
    public int sourcePartition;
    public long sourceOffset;
    public String error;
    public String rawPayload;
    /** Event time if it could be parsed (epoch millis), else null. */
    public Long eventTime;
    /** Deterministic event-time stamp of the row: event time, else the source timestamp, else null. */
    public Long writtenAt;

    public IngestError() {}
}
