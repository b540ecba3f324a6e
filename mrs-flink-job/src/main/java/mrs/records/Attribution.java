package mrs.records;

/** One attribution proposal for a report, as written to {@code minority_reports_proposed_attribution_log}. */
public class Attribution {
    public String attributionId;
    public String reportId;
    public int revision;
    public int proposalSeq;
    public String clusterId;
    public String storeId;
    public String city;
    public String region;
    public String primarySku;
    public long windowStart;
    public long windowEnd;
    public String cause;
    public String detectionType;
    public String impactVector;
    /** Null when degraded. */
    public Double confidence;
    public String confidenceTier;
    public String cause2;
    public String detectionType2;
    public Double confidence2;
    public String cause3;
    public String detectionType3;
    public Double confidence3;
    public String narrative;
    public String evidence;
    public boolean degraded;
    public long aWrittenAt;

    public Attribution() {}
}
