package mrs.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.Optional;
import mrs.records.ActionRecord;
import mrs.records.EventRow;
import mrs.records.ProtectionDirective;
import mrs.udfs.hitl.AutomationPolicy;
import mrs.udfs.hitl.Directive;
import mrs.udfs.hitl.EventStatus;
import mrs.udfs.hitl.ProtectionRules;
import mrs.records.HydratedReport;
import mrs.udfs.attribution.EventConsensus;
import mrs.udfs.attribution.Priority;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Rolls the hydrated reports of each Minority Event up into one row per event state: the reports in a
 * fixed order (window start, then store), {@code store_id_n} with {@code retailer_n} taken from the same
 * report (not a set of retailers), the count of stores beyond fourteen, time span, sums and averages,
 * the event's cause and confidence (the cause most of its reports' latest proposals agree on, at their
 * median confidence: {@link EventConsensus}; analyst causes superseding), priority and status.
 *
 * <p>End of life: a member's hydrated state is dropped when its report's own state expires (its
 * {@code expiresAt}); the event's state with its last member.
 */
public class EventRollupFunction extends KeyedCoProcessFunction<String, HydratedReport, ActionRecord, EventRow> {
    /** Store/retailer positions in a row. */
    public static final int POSITIONS = 14;

    private transient MapState<String, HydratedReport> members; // removed at the member's expiresAt
    private transient MapState<String, HydratedReport> pending; // removed when applied
    private transient ValueState<Long> arrivals; // sequence of arrivals, orders one report's rows
    private transient ValueState<String> status; // the event's EventStatus; cleared with the last member
    private transient ValueState<String> directedStatus; // status of the last directive; cleared likewise
    private transient ValueState<String> analystCause; // an analyst's cause for the event; cleared likewise
    private transient MapState<String, ActionRecord> pendingActions; // removed when applied

    @Override
    public void open(OpenContext ctx) {
        members = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("event-members", Types.STRING, Types.POJO(HydratedReport.class)));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-members", Types.STRING, Types.POJO(HydratedReport.class)));
        arrivals = getRuntimeContext().getState(new ValueStateDescriptor<>("arrivals", Types.LONG));
        status = getRuntimeContext().getState(new ValueStateDescriptor<>("event-status", Types.STRING));
        directedStatus = getRuntimeContext().getState(new ValueStateDescriptor<>("directed-status", Types.STRING));
        analystCause = getRuntimeContext().getState(new ValueStateDescriptor<>("analyst-cause", Types.STRING));
        pendingActions = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-actions", Types.STRING, Types.POJO(ActionRecord.class)));
    }

    @Override
    public void processElement2(ActionRecord a, Context ctx, Collector<EventRow> out) throws Exception {
        long ts = ctx.timestamp() == null ? a.issuedAt : ctx.timestamp();
        pendingActions.put(String.format("%020d|%s", ts, a.actionId), a);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void processElement1(HydratedReport h, Context ctx, Collector<EventRow> out) throws Exception {
        // Rows of different reports arrive in any order; they are applied in event-time order at the
        // watermark (ties by report, then each report's own arrival order) so the rows are replayable.
        long seq = arrivals.value() == null ? 0 : arrivals.value() + 1;
        arrivals.update(seq);
        long ts = ctx.timestamp() == null ? h.writtenAt : ctx.timestamp();
        pending.put(String.format("%020d|%s|%020d", ts, h.reportId, seq), h);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EventRow> out) throws Exception {
        List<String> due = EventTimeBuffer.due(pending, timestamp);
        for (String k : due) {
            HydratedReport h = pending.get(k);
            pending.remove(k);
            members.put(h.reportId, h);
            if (h.expiresAt > 0) {
                ctx.timerService().registerEventTimeTimer(h.expiresAt);
            }
            emit(null, ctx, out);
        }
        List<String> actions = EventTimeBuffer.due(pendingActions, timestamp);
        for (String k : actions) {
            ActionRecord a = pendingActions.get(k);
            pendingActions.remove(k);
            emit(a, ctx, out);
        }
        List<String> gone = new ArrayList<>();
        for (HydratedReport m : members.values()) {
            if (m.expiresAt > 0 && m.expiresAt <= timestamp) {
                gone.add(m.reportId);
            }
        }
        for (String id : gone) {
            members.remove(id);
        }
        if (members.isEmpty() && pending.isEmpty() && pendingActions.isEmpty()) {
            arrivals.clear();
            status.clear();
            directedStatus.clear();
            analystCause.clear();
        }
    }

    /**
     * Automation and protection: the status follows the automation rules (weekend mode, confidence,
     * priority) while no analyst has decided; each status change that calls for protection emits a
     * directive for the event's stores, SKU and time range.
     */
    private void emit(ActionRecord action, OnTimerContext ctx, Collector<EventRow> out) throws Exception {
        List<HydratedReport> all = new ArrayList<>();
        for (HydratedReport m : members.values()) {
            all.add(m);
        }
        if (all.isEmpty()) {
            if (action != null) {
                ctx.output(ValidateActionFunction.REFUSED, ValidateActionFunction.refused(action, "UNKNOWN_TARGET",
                        "no live Minority Event " + action.targetId + " at " + java.time.Instant.ofEpochMilli(action.issuedAt)));
            }
            return;
        }
        EventRow row = rollUp(ctx.getCurrentKey(), all);
        if (action != null) {
            EventStatus current = status.value() == null ? EventStatus.DETECTED : EventStatus.valueOf(status.value());
            Optional<EventStatus> next = EventStatus.next(current, action.action);
            if (next.isEmpty()) {
                ctx.output(ValidateActionFunction.REFUSED, ValidateActionFunction.refused(action, "NOT_ALLOWED_IN_STATUS",
                        action.action + " is not allowed while the event is " + current));
                return;
            }
            status.update(next.get().name());
            if ("edit_attribution".equals(action.action) && action.cause != null) {
                analystCause.update(action.cause);
            }
            row.writtenAt = Math.max(row.writtenAt, action.issuedAt);
        }
        if (analystCause.value() != null) {
            row.cause = analystCause.value();
        }
        decide(row, all, ctx);
        out.collect(row);
    }

    private void decide(EventRow row, List<HydratedReport> all, OnTimerContext ctx) throws Exception {
        EventStatus current = status.value() == null ? null : EventStatus.valueOf(status.value());
        boolean campaignEvidence = "Marketing Misattribution".equals(row.detectionType);
        // Weekend mode applies to events that happen at the weekend (their first window), so a weekday
        // event still waiting for review is not confirmed just because a refresh lands on a Saturday.
        long when = row.windowStart == null ? row.writtenAt : row.windowStart;
        EventStatus automated = EventStatus.automation(row.detectionType, row.confidence, row.priority,
                EventStatus.weekend(when, AutomationPolicy.DEFAULT.zone()), campaignEvidence,
                AutomationPolicy.DEFAULT);
        EventStatus next = EventStatus.afterAutomation(current, automated);
        status.update(next.name());
        row.status = EventStatus.reportStatus(next, row.degraded);
        if (next.name().equals(directedStatus.value())) {
            return;
        }
        List<String> stores = new ArrayList<>();
        for (String s : row.storeIds) {
            if (s != null) {
                stores.add(s);
            }
        }
        for (HydratedReport h : all) {
            if (h.storeId != null && !stores.contains(h.storeId)) {
                stores.add(h.storeId);
            }
        }
        if (stores.isEmpty() || row.windowStart == null) {
            return;
        }
        List<String> skus = row.primarySku == null ? List.of() : List.of(row.primarySku);
        Optional<Directive> d = ProtectionRules.directive(row.groupId, next, row.detectionType, row.confidence, stores,
                skus, row.windowStart, row.windowEnd, row.baselineUnits, row.actualUnits, row.writtenAt);
        if (d.isEmpty()) {
            return;
        }
        directedStatus.update(next.name());
        Directive x = d.get();
        ProtectionDirective p = new ProtectionDirective();
        p.directiveId = x.directiveId();
        p.groupId = x.eventId();
        p.type = x.type().name();
        p.status = x.status().name();
        p.detectionType = x.detectionType();
        p.confidence = x.confidence();
        p.stores = String.join(",", x.stores());
        p.skus = String.join(",", x.skus());
        p.windowStart = x.windowStart();
        p.windowEnd = x.windowEnd();
        p.weight = x.weight();
        p.writtenAt = x.writtenAt();
        ctx.output(Tags.DIRECTIVES, p);
    }

    /** The event row over its reports. Pure; visible for tests. */
    static EventRow rollUp(String groupId, List<HydratedReport> reports) {
        List<HydratedReport> ms = new ArrayList<>(reports);
        ms.sort(Comparator.comparing((HydratedReport h) -> h.windowStart == null ? Long.MAX_VALUE : h.windowStart)
                .thenComparing(h -> h.storeId == null ? "" : h.storeId)
                .thenComparing(h -> h.reportId));
        EventRow e = new EventRow();
        e.groupId = groupId;
        e.storeIds = new String[POSITIONS];
        e.retailers = new String[POSITIONS];
        List<String> ids = new ArrayList<>();
        TreeSet<String> stores = new TreeSet<>();
        TreeSet<String> cities = new TreeSet<>();
        List<String> positioned = new ArrayList<>();
        double liftSum = 0;
        int lifts = 0;
        double confSum = 0;
        int confs = 0;
        List<HydratedReport> voters = new ArrayList<>();
        List<EventConsensus.Vote> votes = new ArrayList<>();
        for (HydratedReport h : ms) {
            ids.add(h.reportId);
            e.primarySku = e.primarySku == null ? h.primarySku : e.primarySku;
            if (h.storeId != null && stores.add(h.storeId)) {
                if (positioned.size() < POSITIONS) {
                    e.storeIds[positioned.size()] = h.storeId;
                    e.retailers[positioned.size()] = h.retailer;
                    positioned.add(h.storeId);
                }
            }
            if (h.city != null) {
                cities.add(h.city);
            }
            if (h.windowStart != null) {
                e.windowStart = e.windowStart == null ? h.windowStart : Math.min(e.windowStart, h.windowStart);
            }
            if (h.windowEnd != null) {
                e.windowEnd = e.windowEnd == null ? h.windowEnd : Math.max(e.windowEnd, h.windowEnd);
            }
            double actual = h.actualUnits == null ? 0 : h.actualUnits;
            double baseline = h.baselineUnits == null ? 0 : h.baselineUnits;
            e.actualUnits += actual;
            e.baselineUnits += baseline;
            e.excessUnits += actual - baseline;
            double actualRevenue = h.actualRevenue == null ? 0 : h.actualRevenue;
            double baselineRevenue = h.baselineRevenue == null ? 0 : h.baselineRevenue;
            e.actualRevenue += actualRevenue;
            e.baselineRevenue += baselineRevenue;
            e.excessRevenue += actualRevenue - baselineRevenue;
            if (h.lift != null) {
                liftSum += h.lift;
                lifts++;
            }
            if (h.confidence != null) {
                confSum += h.confidence;
                confs++;
            }
            e.degraded |= Boolean.TRUE.equals(h.degraded);
            if (h.aWrittenAt != null) {
                voters.add(h);
                votes.add(new EventConsensus.Vote(h.reportId, h.aWrittenAt, h.cause, h.confidence));
            }
            e.writtenAt = Math.max(e.writtenAt, h.writtenAt);
        }
        e.reportIds = String.join(",", ids);
        e.reportCount = ids.size();
        e.storeCount = stores.size();
        e.storesBeyond14 = Math.max(0, stores.size() - POSITIONS);
        e.cities = String.join(",", cities);
        e.avgLift = lifts == 0 ? null : liftSum / lifts;
        e.avgConfidence = confs == 0 ? null : confSum / confs;
        // The event's cause and confidence: the cause most of its reports propose, at their median
        // confidence (EventConsensus), with the detection type of the median report; its final cause
        // carries an analyst's cause for that report.
        HydratedReport median = EventConsensus.of(votes).map(r -> voters.get(r.representative())).orElse(null);
        if (median != null) {
            e.cause = median.finalCause;
            e.detectionType = median.detectionType;
            e.confidence = median.confidence;
        }
        double impact = e.baselineUnits > 0 ? Priority.impact(e.actualUnits, e.baselineUnits) : 0.0;
        e.priority = median == null ? null : Priority.priority(e.detectionType, e.confidence, impact);
        String status = null;
        for (HydratedReport h : ms) {
            if (h.analystStatus != null) {
                status = h.analystStatus;
            }
        }
        if (status == null) {
            status = ms.stream().anyMatch(h -> !"ENDED".equals(h.eventStatus)) ? "PENDING_REVIEW" : "ENDED_PENDING_REVIEW";
        }
        e.status = e.degraded ? status + "_DEGRADED" : status;
        return e;
    }
}
