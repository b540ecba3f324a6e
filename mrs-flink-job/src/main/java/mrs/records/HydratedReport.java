package mrs.records;

/** The hydrated report (one wide row per change), as written to {@code minority_reports}. */
public class HydratedReport {
    public String reportId;
    public int revision;
    public String storeId;
    public String retailer;
    public String city;
    public String region;
    public String primarySku;
    public String skus;
    public String direction;
    public Long windowStart;
    /** Event time of the report's first detected row (state only, for the coverage SLI; not a column). */
    public Long firstDetectedAt;
    public Long windowEnd;
    public boolean windowEndFinal;
    public Double actualUnits;
    public Double baselineUnits;
    public Double deltaUnits;
    public Double actualRevenue;
    public Double baselineRevenue;
    public Double lift;
    public Double zScore;
    public String clusterId;
    public Integer clusterSize;
    public Integer clusterStores;
    public String cause;
    public String detectionType;
    public String impactVector;
    public Double confidence;
    public String confidenceTier;
    public String cause2;
    public Double confidence2;
    public String cause3;
    public Double confidence3;
    public String narrative;
    public String evidence;
    public Boolean degraded;
    public Long aWrittenAt;
    public int proposals;
    public String reportGroupId;
    public Integer cohortSize;
    public String eventStatus;
    public String analystCause;
    public String analystStatus;
    public String finalCause;
    public String priority;
    public String reportStatus;
    public long writtenAt;
    /** Event time after which the report's state is cleared. */
    public long expiresAt;

    public HydratedReport() {}
}
