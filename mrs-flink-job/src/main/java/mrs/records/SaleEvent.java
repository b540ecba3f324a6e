package mrs.records;

/** A validated point-of-sale line from {@code mrs.sales}. A Flink POJO (no Kryo). */
public class SaleEvent {
    public String eventId;
    public String storeId;
    public String sku;
    /** Event time, epoch millis. */
    public long eventTime;
    /** Units sold; negative for returns. */
    public int units;
    public double revenue;
    public String currency;
    /** Optional: the store's retailer as stated by the till feed. */
    public String retailer;
    public String channel;
    public String basketId;

    public SaleEvent() {}

    /** The (store, SKU) key the detector is partitioned by; a string hashes well in Flink's state maps. */
    public String storeSkuKey() {
        return storeId + "|" + sku;
    }
}
