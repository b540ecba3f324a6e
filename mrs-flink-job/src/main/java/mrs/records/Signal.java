package mrs.records;

/**
 * A context-feed record from {@code mrs.signals}: evidence for attribution (a social mention, a
 * campaign, a competitor stock-out, a transport alert, an ops incident, a feed-health notice), with
 * its validity interval and scope. Lists and maps are flattened to sorted delimited strings so the
 * record stays a Flink POJO.
 */
public class Signal {
    public String signalId;
    /** social_mention, campaign, competitor_stock, transport_alert, ops_incident, feed_health. */
    public String kind;
    public String source;
    /** When the feed saw it (epoch millis): it is evidence only from this event time on. */
    public long observedAt;
    public long validFrom;
    public long validTo;
    /** Scope; null means any. */
    public String sku;
    /** Comma-separated, sorted; empty means any store. */
    public String storeIds;
    public String city;
    public String region;
    public String country;
    /** 0..1. */
    public double strength;
    public String payload;
    /** Kind-specific attributes as sorted {@code key=value} pairs separated by {@code ;}. */
    public String attributes;

    public Signal() {}
}
