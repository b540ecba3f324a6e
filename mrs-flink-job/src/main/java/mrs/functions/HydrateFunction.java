package mrs.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mrs.records.ActionRecord;
import mrs.records.Attribution;
import mrs.records.ClusteredReport;
import mrs.records.HydrateInput;
import mrs.records.HydratedReport;
import mrs.records.Report;
import mrs.udfs.attribution.Priority;
import mrs.udfs.hitl.EventStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Hydrates each report into one wide row, keyed by report, merging every log with the seed's field
 * precedence: keys and store meta from the clustered log (the detected log when clustering is missing),
 * {@code window_start} from detected, {@code window_end} from ended (else the latest detected end),
 * attribution from the latest proposal by {@code a_written_at}, analyst input over the machine, and
 * {@code written_at} the greatest of the contributing rows. Null-tolerant: a log that never wrote
 * leaves its columns NULL. Inputs are applied in event-time order at the watermark; a row is emitted
 * for every change.
 *
 * <p>End of life: the report's state is cleared {@code retention} after its last window.
 */
public class HydrateFunction extends KeyedProcessFunction<String, HydrateInput, HydratedReport> {
    /** Default coverage SLA: attribution or cluster within this long (event time) of the first detection. */
    public static final Duration DEFAULT_COVERAGE_SLA = Duration.ofHours(1);

    private final long retention;
    private final long coverageSla;

    private transient ValueState<HydratedReport> current; // cleared at expiresAt
    private transient MapState<String, HydrateInput> pending; // removed when applied
    private transient Counter detectedReports;
    private transient Counter attributedInSla;
    private transient Counter clusteredInSla;

    public HydrateFunction(Duration retention) {
        this(retention, DEFAULT_COVERAGE_SLA);
    }

    /**
     * @param coverageSla a report counts as covered by attribution (by clustering) when its first
     *     proposal (cluster) is written within this long, in event time, of its first detection
     */
    public HydrateFunction(Duration retention, Duration coverageSla) {
        this.retention = retention.toMillis();
        this.coverageSla = coverageSla.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        current = getRuntimeContext().getState(new ValueStateDescriptor<>("hydrated", Types.POJO(HydratedReport.class)));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-facts", Types.STRING, Types.POJO(HydrateInput.class)));
        // Coverage SLI as metrics (this subtask's reports): reports detected, and of them those
        // attributed / clustered within the SLA; the gauges are the shares (NaN before any report).
        MetricGroup sli = getRuntimeContext().getMetricGroup().addGroup("mrs_sli");
        detectedReports = sli.counter("reportsDetected");
        attributedInSla = sli.counter("reportsAttributedInSla");
        clusteredInSla = sli.counter("reportsClusteredInSla");
        sli.gauge("coverageAttribution", (Gauge<Double>) () -> share(attributedInSla, detectedReports));
        sli.gauge("coverageCluster", (Gauge<Double>) () -> share(clusteredInSla, detectedReports));
    }

    private static double share(Counter part, Counter whole) {
        return whole.getCount() == 0 ? Double.NaN : (double) part.getCount() / whole.getCount();
    }

    /** Counts the first detection, attribution and cluster of the report for the coverage SLI. */
    private void meter(HydratedReport before, HydrateInput in) {
        switch (in.kind) {
            case "DETECTED" -> {
                if (before.firstDetectedAt == null) {
                    before.firstDetectedAt = in.detected.writtenAt;
                    detectedReports.inc();
                }
            }
            case "ATTRIBUTION" -> {
                if (before.aWrittenAt == null && before.firstDetectedAt != null
                        && in.attribution.aWrittenAt - before.firstDetectedAt <= coverageSla) {
                    attributedInSla.inc();
                }
            }
            case "CLUSTERED" -> {
                if (before.clusterId == null && in.clustered.clustered && before.firstDetectedAt != null
                        && in.clustered.writtenAt - before.firstDetectedAt <= coverageSla) {
                    clusteredInSla.inc();
                }
            }
            default -> { }
        }
    }

    @Override
    public void processElement(HydrateInput in, Context ctx, Collector<HydratedReport> out) throws Exception {
        long ts = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
        // Order within one timestamp by the precedence of the logs: detected before the stages built on it.
        pending.put(String.format("%020d|%d|%s|%s", ts, rank(in.kind), in.kind, tieBreak(in)), in);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "DETECTED" -> 0;
            case "CLUSTERED" -> 1;
            case "ATTRIBUTION" -> 2;
            case "ENDED" -> 3;
            case "COHORT" -> 4;
            default -> 5;
        };
    }

    private static String tieBreak(HydrateInput in) {
        return switch (in.kind) {
            case "DETECTED" -> String.format("%08d", in.detected.revision);
            case "CLUSTERED" -> String.format("%08d", in.clustered.report.revision);
            case "ATTRIBUTION" -> String.format("%08d", in.attribution.proposalSeq);
            case "COHORT" -> in.cohort.groupId + "|" + in.cohort.status + "|" + in.cohort.cohortSize;
            case "ACTION" -> in.action.actionId;
            default -> "";
        };
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HydratedReport> out) throws Exception {
        List<String> due = EventTimeBuffer.due(pending, timestamp);
        HydratedReport h = current.value();
        for (String k : due) {
            HydrateInput in = pending.get(k);
            pending.remove(k);
            if (h == null) {
                h = new HydratedReport();
                h.reportId = ctx.getCurrentKey();
            }
            meter(h, in);
            apply(h, in);
            finish(h);
            out.collect(copy(h));
        }
        if (h == null) {
            return;
        }
        if (h.expiresAt > 0 && timestamp >= h.expiresAt) {
            current.clear();
            return;
        }
        current.update(h);
        if (h.expiresAt > 0) {
            ctx.timerService().registerEventTimeTimer(h.expiresAt);
        }
    }

    /** Applies one log row with the seed's precedence. Visible for tests. */
    static void apply(HydratedReport h, HydrateInput in) {
        switch (in.kind) {
            case "DETECTED" -> {
                Report r = in.detected;
                if (r.revision >= h.revision) {
                    h.revision = r.revision;
                    if (h.clusterId == null) {
                        meta(h, r); // clustered meta wins once it exists
                    }
                    h.skus = r.skus;
                    h.direction = r.direction;
                    h.windowStart = r.windowStart;
                    if (!h.windowEndFinal) {
                        h.windowEnd = r.windowEnd;
                    }
                    h.actualUnits = r.actualUnits;
                    h.baselineUnits = r.baselineUnits;
                    h.deltaUnits = r.deltaUnits;
                    h.actualRevenue = r.actualRevenue;
                    h.baselineRevenue = r.baselineRevenue;
                    h.lift = r.lift;
                    h.zScore = r.zScore;
                }
                h.writtenAt = Math.max(h.writtenAt, r.writtenAt);
            }
            case "CLUSTERED" -> {
                ClusteredReport c = in.clustered;
                meta(h, c.report);
                if (c.clustered) {
                    h.clusterId = c.clusterId;
                    h.clusterSize = c.clusterSize;
                    h.clusterStores = c.clusterStores;
                }
                h.writtenAt = Math.max(h.writtenAt, c.writtenAt);
            }
            case "ATTRIBUTION" -> {
                Attribution a = in.attribution;
                if (h.aWrittenAt == null || a.aWrittenAt >= h.aWrittenAt) {
                    h.cause = a.cause;
                    h.detectionType = a.detectionType;
                    h.impactVector = a.impactVector;
                    h.confidence = a.confidence;
                    h.confidenceTier = a.confidenceTier;
                    h.cause2 = a.cause2;
                    h.confidence2 = a.confidence2;
                    h.cause3 = a.cause3;
                    h.confidence3 = a.confidence3;
                    h.narrative = a.narrative;
                    h.evidence = a.evidence;
                    h.degraded = a.degraded;
                    h.aWrittenAt = a.aWrittenAt;
                }
                h.proposals = Math.max(h.proposals, a.proposalSeq);
                if (h.storeId == null) {
                    h.storeId = a.storeId;
                    h.city = a.city;
                    h.region = a.region;
                    h.primarySku = a.primarySku;
                }
                h.writtenAt = Math.max(h.writtenAt, a.aWrittenAt);
            }
            case "ENDED" -> {
                h.windowEnd = in.ended.windowEnd;
                h.windowEndFinal = true;
                if (h.windowStart == null) {
                    h.windowStart = in.ended.windowStart;
                }
                if (h.storeId == null) {
                    h.storeId = in.ended.storeId;
                }
                h.writtenAt = Math.max(h.writtenAt, in.ended.writtenAt);
            }
            case "COHORT" -> {
                h.reportGroupId = in.cohort.groupId;
                h.cohortSize = in.cohort.cohortSize;
                h.eventStatus = in.cohort.status;
                h.writtenAt = Math.max(h.writtenAt, in.cohort.writtenAt);
            }
            case "ACTION" -> {
                // Analyst input supersedes the machine; the machine columns stay as they were.
                ActionRecord a = in.action;
                if ("edit_attribution".equals(a.action) && a.cause != null) {
                    h.analystCause = a.cause;
                }
                EventStatus current = h.analystStatus != null ? EventStatus.valueOf(h.analystStatus) : EventStatus.PENDING_REVIEW;
                EventStatus.next(current, a.action).ifPresent(next -> h.analystStatus = next.name());
                h.writtenAt = Math.max(h.writtenAt, a.issuedAt);
            }
            default -> throw new IllegalArgumentException("unknown hydrate input " + in.kind);
        }
    }

    private static void meta(HydratedReport h, Report r) {
        h.storeId = r.storeId;
        h.retailer = r.retailer;
        h.city = r.city;
        h.region = r.region;
        h.primarySku = r.primarySku;
    }

    /** Derived columns: final cause, priority, status, end of life. */
    private void finish(HydratedReport h) {
        h.finalCause = h.analystCause != null ? h.analystCause : h.cause;
        double impact = h.actualUnits == null || h.baselineUnits == null ? 0.0
                : Priority.impact(h.actualUnits, h.baselineUnits);
        h.priority = h.detectionType == null && h.confidence == null && h.cause == null
                ? null : Priority.priority(h.detectionType, h.confidence, impact);
        String status = h.analystStatus != null ? h.analystStatus : "PENDING_REVIEW";
        h.reportStatus = Boolean.TRUE.equals(h.degraded) ? status + "_DEGRADED" : status;
        if (h.windowEnd != null) {
            h.expiresAt = h.windowEnd + retention;
        }
    }

    private static HydratedReport copy(HydratedReport h) {
        HydratedReport c = new HydratedReport();
        for (java.lang.reflect.Field f : HydratedReport.class.getFields()) {
            try {
                f.set(c, f.get(h));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }
}
