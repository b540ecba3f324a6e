package mrs.records;

/** A Minority Event being tracked for one SKU: its members and status. Lists are sorted CSV strings. */
public class CohortEvent {
    public String groupId;
    /** OPEN, ENDED or REOPENED. */
    public String status;
    public String members;
    /** Members whose episode has ended. */
    public String endedMembers;
    public String stores;
    public String cities;
    public String clusters;
    public long start;
    public long end;
    /** Event time the event ended (0 while open). */
    public long endedAt;
    /** Timestamp of the registered expiry timer (end of the reopen horizon), 0 if none. */
    public long expiryTimer;

    public CohortEvent() {}
}
