package mrs.records;

/** One row of {@code minority_events_log}: a Minority Event's state after a change. */
public class EventRow {
    public String groupId;
    public String primarySku;
    public String reportIds;
    public int reportCount;
    public int storeCount;
    /** Positions 1..14: store and its retailer from the same report. */
    public String[] storeIds;
    public String[] retailers;
    public int storesBeyond14;
    public String cities;
    public Long windowStart;
    public Long windowEnd;
    public double actualUnits;
    public double baselineUnits;
    public double excessUnits;
    public double actualRevenue;
    public double baselineRevenue;
    public double excessRevenue;
    public Double avgLift;
    public Double avgConfidence;
    public String cause;
    public String detectionType;
    public Double confidence;
    public String priority;
    public String status;
    public boolean degraded;
    public long writtenAt;

    public EventRow() {}
}
