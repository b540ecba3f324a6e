package mrs.records;

/** One model-protection directive, as written to {@code model_protection_log} and {@code mrs.model-protection}. */
public class ProtectionDirective {
    public String directiveId;
    public String groupId;
    public String type;
    public String status;
    public String detectionType;
    public Double confidence;
    /** Comma-separated, sorted. */
    public String stores;
    /** Comma-separated, sorted; empty = every SKU. */
    public String skus;
    public long windowStart;
    public Long windowEnd;
    public Double weight;
    public long writtenAt;

    public ProtectionDirective() {}
}
