package mrs.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import mrs.records.Attribution;
import mrs.records.CohortEvent;
import mrs.records.CohortMember;
import mrs.records.CohortRow;
import mrs.records.EpisodeEnded;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Groups the reports of one SKU into Minority Events ({@code report_group_id = ME-} + 12 hex of the
 * founding report). A report joins, on its first attribution, the largest live event it is compatible
 * with (overlapping in time within {@code joinGap}; see {@link #compatible} for place and cause).
 * An event ends when all its reports have ended; a compatible report within {@code reopenHorizon} of
 * the end reopens it with the same id (open loop). Inputs are buffered and applied in event-time order
 * at the watermark, so events do not depend on arrival order.
 *
 * <p>End of life: an ended event and its memberships are dropped {@code reopenHorizon} after it ended;
 * buffered inputs are removed when applied.
 */
public class CohortFunction extends KeyedCoProcessFunction<String, Attribution, EpisodeEnded, CohortRow> {
    private static final double CONFIDENT = 0.7;
    private static final double MEDIUM = 0.3;

    private final long joinGap;
    private final long reopenHorizon;

    private transient MapState<String, CohortEvent> events;
    private transient MapState<String, CohortMember> members;
    private transient MapState<String, Attribution> pendingAttributions;
    private transient MapState<String, EpisodeEnded> pendingEnds;

    public CohortFunction(Duration joinGap, Duration reopenHorizon) {
        this.joinGap = joinGap.toMillis();
        this.reopenHorizon = reopenHorizon.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        events = getRuntimeContext().getMapState(new MapStateDescriptor<>("events", Types.STRING, Types.POJO(CohortEvent.class)));
        members = getRuntimeContext().getMapState(new MapStateDescriptor<>("members", Types.STRING, Types.POJO(CohortMember.class)));
        pendingAttributions = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-attributions", Types.STRING, Types.POJO(Attribution.class)));
        pendingEnds = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-ends", Types.STRING, Types.POJO(EpisodeEnded.class)));
    }

    @Override
    public void processElement1(Attribution a, Context ctx, Collector<CohortRow> out) throws Exception {
        long ts = ctx.timestamp() == null ? a.aWrittenAt : ctx.timestamp();
        pendingAttributions.put(String.format("%020d|A|%s|%08d", ts, a.reportId, a.proposalSeq), a);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void processElement2(EpisodeEnded e, Context ctx, Collector<CohortRow> out) throws Exception {
        long ts = ctx.timestamp() == null ? e.writtenAt : ctx.timestamp();
        pendingEnds.put(String.format("%020d|E|%s", ts, e.reportId), e);
        ctx.timerService().registerEventTimeTimer(ts);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CohortRow> out) throws Exception {
        TreeMap<String, Object> due = new TreeMap<>();
        for (Map.Entry<String, Attribution> e : pendingAttributions.entries()) {
            if (EventTimeBuffer.timeOf(e.getKey()) <= timestamp) {
                due.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, EpisodeEnded> e : pendingEnds.entries()) {
            if (EventTimeBuffer.timeOf(e.getKey()) <= timestamp) {
                due.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : due.entrySet()) {
            long ts = EventTimeBuffer.timeOf(e.getKey());
            if (e.getValue() instanceof Attribution a) {
                pendingAttributions.remove(e.getKey());
                onAttribution(a, ts, ctx, out);
            } else {
                pendingEnds.remove(e.getKey());
                onEnded((EpisodeEnded) e.getValue(), ts, ctx, out);
            }
        }
        expire(timestamp);
    }

    private void onAttribution(Attribution a, long timerTs, OnTimerContext ctx, Collector<CohortRow> out) throws Exception {
        long ts = Math.max(timerTs, a.aWrittenAt); // a cohort change is never earlier than the proposal behind it
        CohortMember m = members.get(a.reportId);
        CohortEvent ev;
        boolean reopened = false;
        if (m == null) {
            ev = choose(a);
            if (ev == null) {
                ev = new CohortEvent();
                ev.groupId = "ME-" + Ids.sha256Hex(ctx.getCurrentKey() + "|" + a.reportId, 12);
                ev.status = "OPEN";
                ev.members = "";
                ev.endedMembers = "";
                ev.stores = "";
                ev.cities = "";
                ev.clusters = "";
                ev.start = a.windowStart;
                ev.end = a.windowEnd;
            } else if ("ENDED".equals(ev.status)) {
                ev.status = "REOPENED";
                ev.endedAt = 0;
                reopened = true;
            }
            m = new CohortMember();
            m.groupId = ev.groupId;
            m.storeId = a.storeId;
            ev.members = add(ev.members, a.reportId);
        } else {
            ev = events.get(m.groupId);
            if (ev == null) {
                return; // the event expired; a late proposal for it changes nothing
            }
        }
        m.cause = a.cause;
        m.detectionType = a.detectionType;
        m.confidence = a.confidence;
        members.put(a.reportId, m);
        ev.stores = add(ev.stores, a.storeId);
        ev.cities = add(ev.cities, a.city);
        ev.clusters = add(ev.clusters, a.clusterId);
        ev.start = Math.min(ev.start, a.windowStart);
        ev.end = Math.max(ev.end, a.windowEnd);
        events.put(ev.groupId, ev);
        if (reopened) {
            emitAll(ev, ctx.getCurrentKey(), ts, out);
        } else {
            out.collect(row(a.reportId, m, ev, ctx.getCurrentKey(), ts));
        }
    }

    private void onEnded(EpisodeEnded e, long ts, OnTimerContext ctx, Collector<CohortRow> out) throws Exception {
        CohortMember m = members.get(e.reportId);
        if (m == null) {
            return; // never attributed (or its event expired): not part of any event
        }
        CohortEvent ev = events.get(m.groupId);
        if (ev == null) {
            return;
        }
        ev.endedMembers = add(ev.endedMembers, e.reportId);
        ev.end = Math.max(ev.end, e.windowEnd);
        if (list(ev.endedMembers).containsAll(list(ev.members))) {
            ev.status = "ENDED";
            ev.endedAt = ts;
            ev.expiryTimer = ts + reopenHorizon;
            ctx.timerService().registerEventTimeTimer(ev.expiryTimer);
            events.put(ev.groupId, ev);
            emitAll(ev, ctx.getCurrentKey(), ts, out);
        } else {
            events.put(ev.groupId, ev);
        }
    }

    /** The largest compatible live event (ties: lowest id), or null. */
    private CohortEvent choose(Attribution a) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String id : events.keys()) {
            ids.add(id);
        }
        ids.sort(String::compareTo);
        CohortEvent best = null;
        int bestSize = -1;
        for (String id : ids) {
            CohortEvent ev = events.get(id);
            if (compatible(a, ev) && list(ev.members).size() > bestSize) {
                best = ev;
                bestSize = list(ev.members).size();
            }
        }
        return best;
    }

    /**
     * Same place: the same city, unless report and event are confidently (≥ 0.7) of different detection
     * types. Further afield: the same cluster and either the same detection type with at least Medium
     * (≥ 0.3) confidence on both sides, so a national cause (a delivery-app promo) forms one event while a
     * local one elsewhere (a competitor stock-out) stays its own, or Low (&lt; 0.3) confidence on at least
     * one side and nothing confident (≥ 0.7) on either, so an unexplained national spike (a TV feature, a
     * podcast, a till fault some stores read as Medium) is one event, not one per city.
     */
    private boolean compatible(Attribution a, CohortEvent ev) throws Exception {
        long horizon = "ENDED".equals(ev.status) ? reopenHorizon : joinGap;
        boolean overlaps = a.windowStart <= ev.end + horizon && a.windowEnd >= ev.start - joinGap;
        if (!overlaps) {
            return false;
        }
        TreeMap<String, Integer> votes = new TreeMap<>();
        List<CohortMember> ms = new ArrayList<>();
        for (String r : list(ev.members)) {
            CohortMember m = members.get(r);
            if (m != null) {
                ms.add(m);
                if (m.detectionType != null) {
                    votes.merge(m.detectionType, 1, Integer::sum);
                }
            }
        }
        String leadingType = leading(votes);
        double leadingConfidence = 0;
        for (CohortMember m : ms) {
            if (leadingType != null && leadingType.equals(m.detectionType) && m.confidence != null) {
                leadingConfidence = Math.max(leadingConfidence, m.confidence);
            }
        }
        double conf = a.confidence == null ? 0 : a.confidence;
        boolean sameType = leadingType != null && leadingType.equals(a.detectionType);
        boolean sameCity = a.city != null && list(ev.cities).contains(a.city);
        if (sameCity) {
            return sameType || conf < CONFIDENT || leadingConfidence < CONFIDENT;
        }
        boolean sameCluster = a.clusterId != null && list(ev.clusters).contains(a.clusterId);
        if (!sameCluster) {
            return false;
        }
        // Explained alike on both sides (at least Medium), or no side confidently explained while one is
        // below Medium: one SKU moving together across cities with no convincing cause yet (a TV feature,
        // a podcast, a till fault) is one event until evidence tells the places apart. Two Medium
        // explanations of different types are told apart; so is anything from a confident (>= 0.7) one.
        if (conf >= MEDIUM && leadingConfidence >= MEDIUM) {
            return sameType;
        }
        return conf < CONFIDENT && leadingConfidence < CONFIDENT;
    }

    private static String leading(TreeMap<String, Integer> votes) {
        String best = null;
        int n = -1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private void emitAll(CohortEvent ev, String sku, long ts, Collector<CohortRow> out) throws Exception {
        for (String r : list(ev.members)) {
            CohortMember m = members.get(r);
            if (m != null) {
                out.collect(row(r, m, ev, sku, ts));
            }
        }
    }

    private CohortRow row(String reportId, CohortMember m, CohortEvent ev, String sku, long ts) throws Exception {
        CohortRow row = new CohortRow();
        row.reportId = reportId;
        row.groupId = ev.groupId;
        row.storeId = m.storeId;
        row.primarySku = sku;
        List<String> ms = list(ev.members);
        row.cohortSize = ms.size();
        row.cohortStores = list(ev.stores).size();
        double sum = 0;
        int n = 0;
        TreeMap<String, Integer> causes = new TreeMap<>();
        for (String r : ms) {
            CohortMember other = members.get(r);
            if (other != null && other.confidence != null) {
                sum += other.confidence;
                n++;
            }
            if (other != null && other.cause != null) {
                causes.merge(other.cause, 1, Integer::sum);
            }
        }
        row.cohortConfidence = n == 0 ? null : Math.round(sum / n * 10_000) / 10_000.0;
        row.cause = leading(causes);
        row.status = ev.status;
        row.eventStart = ev.start;
        row.eventEnd = ev.end;
        row.writtenAt = ts;
        return row;
    }

    private void expire(long watermark) throws Exception {
        List<String> gone = new ArrayList<>();
        for (CohortEvent ev : events.values()) {
            if ("ENDED".equals(ev.status) && ev.expiryTimer <= watermark) {
                gone.add(ev.groupId);
            }
        }
        for (String id : gone) {
            for (String r : list(events.get(id).members)) {
                members.remove(r);
            }
            events.remove(id);
        }
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String add(String csv, String v) {
        if (v == null || v.isEmpty()) {
            return csv;
        }
        TreeSet<String> s = new TreeSet<>(list(csv));
        s.add(v.replace(",", " "));
        return String.join(",", s);
    }
}
