package mrs.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import mrs.records.ClusterState;
import mrs.records.ClusteredReport;
import mrs.records.Report;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Incremental clustering of report revisions, keyed by the report's primary SKU. A report joins the
 * most similar live cluster (same direction, overlapping time, similar geography, lift and retailer)
 * when the similarity reaches {@link #JOIN_THRESHOLD}, else founds a cluster whose id is derived from
 * it ({@code CL-} + hash of the founding report). Once placed, a report stays in its cluster across
 * revisions, so ids are stable. Reports are buffered and placed in event-time order when the watermark
 * passes them, so the clusters do not depend on arrival order. A failure to cluster lets the report
 * through unclustered, marked, with the error.
 *
 * <p>End of life: a cluster and its memberships are dropped when the watermark passes its last window
 * end plus {@link #HORIZON}; buffered reports are removed when placed.
 */
public class ClusterFunction extends KeyedProcessFunction<String, Report, ClusteredReport> {
    /** Minimum similarity to join an existing cluster. */
    public static final double JOIN_THRESHOLD = 0.6;
    /** Reports further apart than this in time never share a cluster; clusters expire this long after their end. */
    public static final Duration HORIZON = Duration.ofHours(24);

    private transient MapState<String, ClusterState> clusters; // removed at expiry
    private transient MapState<String, String> membership; // report -> cluster, removed with the cluster
    private transient MapState<String, Report> pending; // removed when placed
    private transient Counter failures;

    @Override
    public void open(OpenContext ctx) {
        clusters = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("clusters", Types.STRING, Types.POJO(ClusterState.class)));
        membership = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("cluster-membership", Types.STRING, Types.STRING));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-reports", Types.STRING, Types.POJO(Report.class)));
        failures = getRuntimeContext().getMetricGroup().counter("clustering-failures");
    }

    @Override
    public void processElement(Report r, Context ctx, Collector<ClusteredReport> out) throws Exception {
        long ts = ctx.timestamp() == null ? r.writtenAt : ctx.timestamp();
        pending.put(String.format("%020d|%s|%08d", ts, r.reportId, r.revision), r);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClusteredReport> out) throws Exception {
        List<String> due = EventTimeBuffer.due(pending, timestamp);
        for (String k : due) {
            Report r = pending.get(k);
            pending.remove(k);
            ClusteredReport c;
            try {
                c = place(r, ctx);
                c.writtenAt = r.writtenAt;
            } catch (RuntimeException e) {
                failures.inc();
                c = unclustered(r, "clustering failed: " + e);
            }
            out.collect(c);
        }
        expire(timestamp);
    }

    /** The report passed on without a cluster, with the reason. */
    public static ClusteredReport unclustered(Report r, String why) {
        ClusteredReport c = new ClusteredReport();
        c.report = r;
        c.clustered = false;
        c.error = why;
        c.writtenAt = r.writtenAt;
        return c;
    }

    private ClusteredReport place(Report r, OnTimerContext ctx) throws Exception {
        String clusterId = membership.get(r.reportId);
        ClusterState joined = clusterId == null ? null : clusters.get(clusterId);
        double similarity = 1.0;
        if (joined == null) {
            List<String> ids = new ArrayList<>();
            for (String id : clusters.keys()) {
                ids.add(id);
            }
            ids.sort(String::compareTo); // ties go to the lowest id: deterministic
            double best = -1;
            for (String id : ids) {
                ClusterState c = clusters.get(id);
                double s = similarity(r, c);
                if (s > best) {
                    best = s;
                    joined = c;
                }
            }
            if (joined == null || best < JOIN_THRESHOLD) {
                joined = new ClusterState();
                joined.clusterId = "CL-" + Ids.sha256Hex(ctx.getCurrentKey() + "|" + r.reportId, 12);
                joined.direction = r.direction;
                joined.firstStart = r.windowStart;
                joined.members = "";
                joined.stores = "";
                joined.cities = "";
                joined.regions = "";
                joined.retailers = "";
            } else {
                similarity = best;
            }
            joined.size++;
            joined.members = add(joined.members, r.reportId);
            joined.sumLogLift += logLift(r);
            membership.put(r.reportId, joined.clusterId);
        }
        joined.stores = add(joined.stores, r.storeId);
        joined.cities = add(joined.cities, r.city);
        joined.regions = add(joined.regions, r.region);
        joined.retailers = add(joined.retailers, r.retailer);
        joined.firstStart = Math.min(joined.firstStart, r.windowStart);
        joined.lastEnd = Math.max(joined.lastEnd, r.windowEnd);
        long expiry = joined.lastEnd + HORIZON.toMillis();
        if (joined.expiryTimer != expiry) {
            // The previous expiry timer stays (it finds the cluster still live): deleting a timer could
            // delete a buffered report's timer of the same time.
            joined.expiryTimer = expiry;
            ctx.timerService().registerEventTimeTimer(expiry);
        }
        clusters.put(joined.clusterId, joined);

        ClusteredReport c = new ClusteredReport();
        c.report = r;
        c.clustered = true;
        c.clusterId = joined.clusterId;
        c.clusterSize = joined.size;
        c.clusterStores = count(joined.stores);
        c.similarity = similarity;
        c.clusterCities = joined.cities;
        c.clusterMeanLift = Math.exp(joined.sumLogLift / joined.size);
        c.clusterStart = joined.firstStart;
        c.clusterEnd = joined.lastEnd;
        return c;
    }

    /** Weighted similarity in [0, 1]; 0 when direction differs or the report is outside the time horizon. */
    static double similarity(Report r, ClusterState c) {
        if (!r.direction.equals(c.direction)) {
            return 0.0;
        }
        long gap = Math.max(0, Math.max(r.windowStart - c.lastEnd, c.firstStart - r.windowEnd));
        if (gap > HORIZON.toMillis()) {
            return 0.0;
        }
        double time = 1.0 - (double) gap / HORIZON.toMillis();
        double geo = contains(c.cities, r.city) ? 1.0 : contains(c.regions, r.region) ? 0.6 : 0.3;
        double meanLogLift = c.size == 0 ? 0 : c.sumLogLift / c.size;
        double lift = Math.max(0.0, 1.0 - Math.abs(logLift(r) - meanLogLift) / 2.0);
        double retailer = contains(c.retailers, r.retailer) ? 1.0 : 0.7;
        return 0.35 * time + 0.25 * geo + 0.25 * lift + 0.15 * retailer;
    }

    private static double logLift(Report r) {
        return Math.log(Math.max(0.05, r.lift));
    }

    private void expire(long watermark) throws Exception {
        List<String> gone = new ArrayList<>();
        for (ClusterState c : clusters.values()) {
            if (c.expiryTimer <= watermark) {
                gone.add(c.clusterId);
            }
        }
        for (String id : gone) {
            ClusterState c = clusters.get(id);
            for (String member : c.members.split(",")) {
                if (!member.isEmpty()) {
                    membership.remove(member);
                }
            }
            clusters.remove(id);
        }
    }

    private static boolean contains(String list, String v) {
        return v != null && !list.isEmpty() && Arrays.asList(list.split(",")).contains(v);
    }

    private static int count(String list) {
        return list.isEmpty() ? 0 : list.split(",").length;
    }

    private static String add(String list, String v) {
        if (v == null || v.isEmpty()) {
            return list;
        }
        TreeSet<String> s = new TreeSet<>(list.isEmpty() ? List.of() : Arrays.asList(list.split(",")));
        s.add(v.replace(",", " "));
        return String.join(",", s);
    }
}
