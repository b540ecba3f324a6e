package mrs.records;

/** One cluster of similar reports for a SKU: the running features new reports are compared with. */
public class ClusterState {
    public String clusterId;
    public String direction;
    public int size;
    /** Member report ids, comma-separated, sorted. */
    public String members;
    /** Distinct stores, comma-separated, sorted. */
    public String stores;
    /** Distinct cities, comma-separated, sorted. */
    public String cities;
    public String regions;
    public String retailers;
    public double sumLogLift;
    public long firstStart;
    public long lastEnd;
    /** Timestamp of the expiry timer (kept so it can be moved when the cluster grows). */
    public long expiryTimer;

    public ClusterState() {}
}
