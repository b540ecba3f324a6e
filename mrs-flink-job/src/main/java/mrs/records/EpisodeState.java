package mrs.records;

/** The store-level episode being tracked: its fixed identity and its progress. */
public class EpisodeState {
    public String reportId;
    /** Start of the founding anomalous window: part of the id, never changes. */
    public long windowStart;
    /** End of the newest anomalous window seen. */
    public long lastAnomalousEnd;
    /** Enough evidence has been seen to report the episode (see EpisodeFunction); until then nothing is emitted. */
    public boolean confirmed;
    /** Primary SKU as of the latest revision. */
    public String primarySku;
    /** Revisions emitted so far. */
    public int revision;
    /** A change arrived that has not been emitted yet. */
    public boolean dirty;
    /** Newest event time among the changes (the written_at of the next revision). */
    public long dirtyAt;
    /** Timestamp of the registered end timer (kept so it can be deleted when the episode grows). */
    public long endTimer;

    public EpisodeState() {}
}
