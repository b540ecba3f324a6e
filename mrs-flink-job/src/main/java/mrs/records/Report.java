package mrs.records;

/**
 * One revision of a Minority Report: a store's anomalous episode, aggregated over its anomalous SKU
 * windows. {@code reportId} is fixed for the episode; each revision replaces the previous snapshot.
 */
public class Report {
    public String reportId;
    public int revision;
    public String storeId;
    public String retailer;
    public String city;
    public String region;
    public String country;
    /** Store tags from the store dimension, comma-separated, sorted (e.g. commuter). */
    public String tags;
    /** The SKU with the largest excess (or shortfall) of units: what clustering and cohorts key on. */
    public String primarySku;
    /** Every SKU of the episode sold nothing: the pattern of a dead till or a broken feed. */
    public boolean allSkusDropToZero;
    public long windowStart;
    public long windowEnd;
    public int anomalousWindows;
    public int skuCount;
    public String skus;
    public String direction;
    public double actualUnits;
    public double baselineUnits;
    public double deltaUnits;
    public double actualRevenue;
    public double baselineRevenue;
    public double zScore;
    public double lift;
    public double maxSkuZ;
    /** Event time that produced this revision: the end of the newest window it includes. */
    public long writtenAt;

    public Report() {}
}
