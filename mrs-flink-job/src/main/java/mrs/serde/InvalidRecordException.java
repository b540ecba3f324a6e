package mrs.serde;

/** A record that breaks its topic's contract. The message says which field and why. */
public class InvalidRecordException extends Exception {
    private final Long eventTime;

    public InvalidRecordException(String message) {
        this(message, null);
    }

    public InvalidRecordException(String message, Long eventTime) {
        super(message);
        this.eventTime = eventTime;
    }

    /** Event time, when it could be read before the record was refused. */
    public Long eventTime() {
        return eventTime;
    }
}
