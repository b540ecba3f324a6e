package mrs.records;

/** The authoritative end of a report's episode, once enough normal windows have followed it. */
public class EpisodeEnded {
    public String reportId;
    public String storeId;
    /** The report's primary SKU (see Report). */
    public String primarySku;
    public long windowStart;
    /** End of the last anomalous window of the episode. */
    public long windowEnd;
    public int finalRevision;
    public int quietWindows;
    /** Event time at which the end became certain (watermark passed the quiet period). */
    public long writtenAt;

    public EpisodeEnded() {}
}
