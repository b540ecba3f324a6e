package mrs.records;

/** One row of {@code minority_reports_cohort_log}. */
public class CohortRow {
    public String reportId;
    public String groupId;
    public String storeId;
    public String primarySku;
    public int cohortSize;
    public int cohortStores;
    public Double cohortConfidence;
    public String cause;
    public String status;
    public long eventStart;
    public long eventEnd;
    public long writtenAt;

    public CohortRow() {}
}
