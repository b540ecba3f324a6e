package mrs.records;

/** One contribution to a hydrated report: exactly one of the fields is set, {@code kind} says which. */
public class HydrateInput {
    /** DETECTED, CLUSTERED, ATTRIBUTION, ENDED, COHORT or ACTION (an accepted analyst action on the report). */
    public String kind;
    public String reportId;
    public Report detected;
    public ClusteredReport clustered;
    public Attribution attribution;
    public EpisodeEnded ended;
    public CohortRow cohort;
    public ActionRecord action;

    public HydrateInput() {}
}
