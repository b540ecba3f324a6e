package mrs.records;

/** A report revision with the cluster it was placed in (or marked unclustered when clustering failed). */
public class ClusteredReport {
    public Report report;
    public boolean clustered;
    public String clusterId;
    public int clusterSize;
    public int clusterStores;
    public double similarity;
    public String clusterCities;
    public double clusterMeanLift;
    public long clusterStart;
    public long clusterEnd;
    public String error;
    /** Event time of this row: the report revision's. */
    public long writtenAt;

    public ClusteredReport() {}
}
