package mrs.records;

/** What the attribution of one report last proposed, to know when something new is worth proposing. */
public class AttributionState {
    public int proposals;
    public int lastRevision;
    /** Ids of the signals the last proposal used, sorted, comma-separated. */
    public String lastEvidence;
    /** Event time after which the report is no longer refreshed and its state is cleared. */
    public long refreshUntil;

    public AttributionState() {}
}
