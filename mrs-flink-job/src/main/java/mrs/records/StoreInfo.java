package mrs.records;

/** A store of the estate from the compacted {@code mrs.stores} topic. Retailer is per store. */
public class StoreInfo {
    public String storeId;
    public String retailer;
    public String city;
    public String region;
    public String country;
    /** Latitude, or null. */
    public Double lat;
    /** Longitude, or null. */
    public Double lon;
    /** Comma-separated tags such as {@code commuter}; empty when none. */
    public String tags;

    public StoreInfo() {}
}
