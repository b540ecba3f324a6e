package mrs.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mrs.records.Attribution;
import mrs.records.AttributionState;
import mrs.records.ClusteredReport;
import mrs.records.Report;
import mrs.records.Signal;
import mrs.udfs.attribution.Candidate;
import mrs.udfs.attribution.Proposal;
import mrs.udfs.attribution.ReportView;
import mrs.udfs.attribution.SignalView;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Proposes a cause for each report, keyed by report, with the signals broadcast to every subtask. A
 * proposal is made when a report revision arrives and again, hourly in event time, whenever the set
 * of matching signals known by then has changed (new evidence), until {@code refreshHorizon} after the
 * report's last window. Signals count from their {@code observed_at}: evaluating at event time with
 * the signals observed by then keeps proposals independent of arrival order. A failure (or the
 * attribution feeds marked down) yields a degraded proposal: cause {@code unknown}, NULL confidence.
 *
 * <p>End of life: the report's state is cleared at the end of its refresh horizon; a signal leaves the
 * broadcast state once newer signals are observed {@link #SIGNAL_RETENTION} past its validity.
 */
public class AttributionFunction extends KeyedBroadcastProcessFunction<String, ClusteredReport, Signal, Attribution> {
    public static final MapStateDescriptor<String, Signal> SIGNALS =
            new MapStateDescriptor<>("signals", Types.STRING, Types.POJO(Signal.class));
    /** Signals are kept this long after their validity ends. */
    public static final Duration SIGNAL_RETENTION = Duration.ofDays(7);
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** What proposes a cause: the attribution model in production; tests inject failures. */
    @FunctionalInterface
    public interface Attributor extends java.io.Serializable {
        Proposal propose(ReportView report, List<SignalView> matched);
    }

    private final Attributor model;
    private final long refreshHorizon;
    private final boolean feedsDown;

    private transient ValueState<ClusteredReport> latest; // cleared at refreshUntil
    private transient ValueState<AttributionState> progress; // cleared at refreshUntil
    private transient org.apache.flink.api.common.state.MapState<String, ClusteredReport> pending; // removed when applied
    private transient Counter degradedCount;

    public AttributionFunction(Attributor model, Duration refreshHorizon, boolean feedsDown) {
        this.model = model;
        this.refreshHorizon = refreshHorizon.toMillis();
        this.feedsDown = feedsDown;
    }

    @Override
    public void open(OpenContext ctx) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest-report", Types.POJO(ClusteredReport.class)));
        progress = getRuntimeContext().getState(new ValueStateDescriptor<>("attribution", Types.POJO(AttributionState.class)));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "pending-revisions", Types.STRING, Types.POJO(ClusteredReport.class)));
        degradedCount = getRuntimeContext().getMetricGroup().counter("attributions-degraded");
    }

    @Override
    public void processBroadcastElement(Signal s, Context ctx, Collector<Attribution> out) throws Exception {
        BroadcastState<String, Signal> signals = ctx.getBroadcastState(SIGNALS);
        signals.put(s.signalId, s);
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Signal> e : signals.entries()) {
            if (e.getValue().validTo + SIGNAL_RETENTION.toMillis() < s.observedAt) {
                expired.add(e.getKey());
            }
        }
        for (String id : expired) {
            signals.remove(id);
        }
    }

    @Override
    public void processElement(ClusteredReport c, ReadOnlyContext ctx, Collector<Attribution> out) throws Exception {
        long ts = ctx.timestamp() == null ? c.writtenAt : ctx.timestamp();
        // Revisions wait for the watermark and are applied in order: each is proposed on with the
        // evidence observed by its own time, however far the watermark lagged.
        pending.put(String.format("%020d|%08d", ts, c.report.revision), c);
        AttributionState st = progress.value();
        if (st == null) {
            st = new AttributionState();
            st.lastRevision = 0;
            st.lastEvidence = "";
        }
        long until = c.report.windowEnd + refreshHorizon;
        if (until > st.refreshUntil) {
            st.refreshUntil = until;
            ctx.timerService().registerEventTimeTimer(until);
        }
        progress.update(st);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Attribution> out) throws Exception {
        AttributionState st = progress.value();
        if (st == null) {
            return;
        }
        List<String> due = EventTimeBuffer.due(pending, timestamp);
        ClusteredReport c = latest.value();
        for (String k : due) {
            c = pending.get(k);
            pending.remove(k);
            propose(c, st, EventTimeBuffer.timeOf(k), ctx.getBroadcastState(SIGNALS), out);
        }
        if (c == null) {
            return;
        }
        latest.update(c);
        propose(c, st, timestamp, ctx.getBroadcastState(SIGNALS), out);
        if (timestamp >= st.refreshUntil) {
            latest.clear();
            progress.clear();
            return;
        }
        progress.update(st);
        long next = (Math.floorDiv(timestamp, HOUR) + 1) * HOUR; // hourly refresh, in event time
        ctx.timerService().registerEventTimeTimer(Math.min(next, st.refreshUntil));
    }

    private void propose(ClusteredReport c, AttributionState st, long asOf, ReadOnlyBroadcastState<String, Signal> state,
            Collector<Attribution> out) throws Exception {
        Report r = c.report;
        ReportView view = view(c, Math.max(asOf, r.writtenAt));
        List<SignalView> known = new ArrayList<>();
        TreeMap<String, Signal> sorted = new TreeMap<>();
        for (Map.Entry<String, Signal> e : state.immutableEntries()) {
            sorted.put(e.getKey(), e.getValue());
        }
        for (Signal s : sorted.values()) {
            if (s.observedAt <= view.asOf()) {
                known.add(view(s));
            }
        }
        List<SignalView> matched = SignalView.matching(known, view);
        List<String> ids = new ArrayList<>();
        long newest = r.writtenAt;
        for (SignalView s : matched) {
            ids.add(s.signalId());
            newest = Math.max(newest, s.observedAt());
        }
        ids.sort(String::compareTo);
        String evidenceKey = String.join(",", ids);
        if (st.lastRevision == r.revision && evidenceKey.equals(st.lastEvidence)) {
            return; // nothing new: no new proposal
        }
        Proposal p;
        if (feedsDown) {
            p = Proposal.degraded("attribution feeds are marked down (mrs.attribution.feeds-down)");
        } else {
            try {
                p = model.propose(view, matched);
            } catch (RuntimeException e) {
                p = Proposal.degraded("attribution failed: " + e);
            }
        }
        if (p.degraded()) {
            degradedCount.inc();
        }
        st.proposals++;
        st.lastRevision = r.revision;
        st.lastEvidence = evidenceKey;
        out.collect(row(c, p, st.proposals, evidenceKey, newest));
    }

    private static Attribution row(ClusteredReport c, Proposal p, int seq, String evidenceKey, long aWrittenAt) {
        Report r = c.report;
        Attribution a = new Attribution();
        a.attributionId = "AT-" + Ids.sha256Hex(r.reportId + "|" + r.revision + "|" + evidenceKey, 16);
        a.reportId = r.reportId;
        a.revision = r.revision;
        a.proposalSeq = seq;
        a.clusterId = c.clusterId;
        a.storeId = r.storeId;
        a.city = r.city;
        a.region = r.region;
        a.primarySku = r.primarySku;
        a.windowStart = r.windowStart;
        a.windowEnd = r.windowEnd;
        a.cause = p.cause();
        a.detectionType = p.detectionType();
        a.impactVector = p.impactVector();
        a.confidence = p.confidence();
        a.confidenceTier = p.tier();
        List<Candidate> cs = p.candidates();
        if (cs.size() > 1) {
            a.cause2 = cs.get(1).cause();
            a.detectionType2 = cs.get(1).detectionType();
            a.confidence2 = cs.get(1).confidence();
        }
        if (cs.size() > 2) {
            a.cause3 = cs.get(2).cause();
            a.detectionType3 = cs.get(2).detectionType();
            a.confidence3 = cs.get(2).confidence();
        }
        a.narrative = p.narrative();
        a.evidence = p.evidence();
        a.degraded = p.degraded();
        a.aWrittenAt = aWrittenAt;
        return a;
    }

    static ReportView view(ClusteredReport c, long asOf) {
        Report r = c.report;
        List<String> tags = r.tags == null || r.tags.isEmpty() ? List.of() : Arrays.asList(r.tags.split(","));
        List<String> skus = r.skus == null || r.skus.isEmpty() ? List.of() : Arrays.asList(r.skus.split(","));
        int concurrent = c.clustered ? Math.max(1, c.clusterStores) : 1;
        return new ReportView(r.reportId, r.storeId, r.retailer, r.city, r.region, r.country, tags, skus,
                r.windowStart, r.windowEnd, asOf, r.direction, r.actualUnits, r.baselineUnits, r.lift, r.zScore,
                r.anomalousWindows, r.skuCount, concurrent, r.allSkusDropToZero, r.actualUnits < 0);
    }

    static SignalView view(Signal s) {
        List<String> stores = s.storeIds == null || s.storeIds.isEmpty() ? List.of() : Arrays.asList(s.storeIds.split(","));
        Map<String, String> attrs = new TreeMap<>();
        if (s.attributes != null && !s.attributes.isEmpty()) {
            for (String kv : s.attributes.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    attrs.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return new SignalView(s.signalId, s.kind, s.source, s.observedAt, s.validFrom, s.validTo, s.sku, stores,
                s.city, s.region, s.country, s.strength, s.payload, attrs);
    }
}
