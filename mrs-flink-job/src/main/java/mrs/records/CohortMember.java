package mrs.records;

/** A report's membership in a Minority Event and its latest attribution. */
public class CohortMember {
    public String groupId;
    public String storeId;
    public String cause;
    public String detectionType;
    /** Latest confidence; null when degraded. */
    public Double confidence;

    public CohortMember() {}
}
