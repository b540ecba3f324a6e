package mrs.records;

/** Running totals of one open (store, SKU) window in the detector's state. */
public class WindowAcc {
    public double units;
    public double revenue;
    /** Sale lines seen; 0 for an empty window opened by the heartbeat. */
    public int lines;
    /** Retailer stated by the till feed, if any line carried it. */
    public String retailer;
    /** The window has been assessed once (its end passed the watermark). */
    public boolean fired;
    /** The last assessment emitted it as anomalous (a later non-anomalous revision retracts it). */
    public boolean emittedAnomalous;

    public WindowAcc() {}
}
