package mrs.records;

/**
 * The detector's verdict on one (store, SKU) event-time window. Emitted when the window is anomalous,
 * and again (a revision) when late data changes a window that was emitted, including the case where it
 * is no longer anomalous, so the store-level episode can retract it.
 */
public class SkuWindow {
    public String storeId;
    public String sku;
    public String retailer;
    public long windowStart;
    public long windowEnd;
    public double actualUnits;
    public double expectedUnits;
    public double spread;
    public double z;
    public double lift;
    /** SPIKE, DROP or NONE. */
    public String direction;
    public boolean anomalous;
    public double actualRevenue;
    /** Expected revenue at the window's average price (0 when the window sold nothing). */
    public double expectedRevenue;

    public SkuWindow() {}

    /** Identity of the window within its store: SKU and start. */
    public String windowKey() {
        return sku + "@" + windowStart;
    }
}
