package mrs.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mrs.records.IngestError;
import mrs.records.RawRecord;
import mrs.records.SaleEvent;
import mrs.records.SkuWindow;
import mrs.records.WindowAcc;
import mrs.serde.SalesJson;
import mrs.udfs.detect.Assessment;
import mrs.udfs.detect.BaselineState;
import mrs.udfs.detect.SeasonalDetector;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per (store, SKU): sums sales into event-time tumbling windows, assesses each closed window against
 * the key's seasonal, robust baseline held in managed state, and emits anomalous windows.
 *
 * <p>Timeline of a window {@code [s, e)}: at watermark {@code e-1} it is assessed (fired); late sales
 * until {@code e-1+lateness} re-assess it and emit a revision when its verdict was or becomes anomalous;
 * at {@code e-1+lateness} it is final and only then feeds the baseline (so a window never updates the
 * baseline twice). Sales later than that go to the errors side output. Windows without any sale are
 * still assessed (a heartbeat opens the next window when one fires) so that drops to zero are seen,
 * until the key has been silent for {@code maxSilentWindows}. Once the input has ended (watermark at
 * the end of time, when a backlog of windows may still be firing) gaps between sales are still filled
 * but no window is opened after the key's last sale: the end of the data is not a drop.
 *
 * <p>End of life: an open window is removed when final; the baseline and the last-sale marker are
 * cleared by an event-time timer {@link #STATE_TTL} after the key's last sale, registered when the key
 * goes dormant (a later sale makes that timer a no-op). Event time, not Flink's processing-time state
 * TTL: replays clear the same state, and the heap backend's incremental TTL cleanup, which cost about
 * half of this operator's CPU in the load benchmark, is not needed.
 */
public class SkuWindowDetector extends KeyedProcessFunction<String, SaleEvent, SkuWindow> {
    /** How long (event time) the baseline of a (store, SKU) that stopped selling is kept after its last sale. */
    public static final Duration STATE_TTL = Duration.ofDays(60);

    private final SeasonalDetector detector;
    private final long size;
    private final long lateness;
    private final int maxSilentWindows;

    private transient ValueState<BaselineState> baseline; // cleared STATE_TTL after the last sale
    private transient MapState<Long, WindowAcc> windows; // entry removed when its window is final
    private transient ValueState<Long> lastSaleWindow; // cleared with the baseline
    private transient Counter anomalies;
    private transient Counter late;

    public SkuWindowDetector(SeasonalDetector detector, Duration windowSize, Duration allowedLateness, int maxSilentWindows) {
        this.detector = detector;
        this.size = windowSize.toMillis();
        this.lateness = allowedLateness.toMillis();
        this.maxSilentWindows = maxSilentWindows;
    }

    @Override
    public void open(OpenContext ctx) {
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("baseline", Types.POJO(BaselineState.class)));
        windows = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-windows", Types.LONG, Types.POJO(WindowAcc.class)));
        lastSaleWindow = getRuntimeContext().getState(new ValueStateDescriptor<>("last-sale-window", Types.LONG));
        anomalies = getRuntimeContext().getMetricGroup().counter("sku-windows-anomalous");
        late = getRuntimeContext().getMetricGroup().counter("sales-too-late");
    }

    @Override
    public void processElement(SaleEvent sale, Context ctx, Collector<SkuWindow> out) throws Exception {
        long start = Math.floorDiv(sale.eventTime, size) * size;
        long wm = ctx.timerService().currentWatermark();
        if (start + size - 1 + lateness <= wm) {
            late.inc();
            RawRecord raw = new RawRecord("sales", -1, -1, sale.eventTime, SalesJson.toJson(sale));
            IngestError err = ParseFunction.error("late-sales", raw,
                    "arrived after its window closed and the allowed lateness passed (window start "
                            + Instant.ofEpochMilli(start) + ", watermark "
                            + Instant.ofEpochMilli(wm) + ")",
                    sale.eventTime);
            ctx.output(Tags.ERRORS, err);
            return;
        }
        WindowAcc acc = windows.get(start);
        if (acc == null) {
            acc = new WindowAcc();
            registerTimers(ctx.timerService(), start);
        }
        acc.units += sale.units;
        acc.revenue += sale.revenue;
        acc.lines++;
        if (sale.retailer != null) {
            acc.retailer = sale.retailer;
        }
        Long last = lastSaleWindow.value();
        if (last == null || start > last) {
            lastSaleWindow.update(start);
        }
        if (acc.fired) {
            // Late but allowed: re-assess and revise what downstream was told.
            assessAndEmit(ctx.getCurrentKey(), start, acc, out);
        }
        windows.put(start, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SkuWindow> out) throws Exception {
        List<Long> starts = new ArrayList<>();
        for (Long s : windows.keys()) {
            starts.add(s);
        }
        starts.sort(Long::compare);
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        for (long s : starts) {
            WindowAcc acc = windows.get(s);
            long fireAt = s + size - 1;
            if (!acc.fired && fireAt <= timestamp) {
                acc.fired = true;
                Long last = lastSaleWindow.value();
                if (endOfInput && acc.lines == 0 && last != null && s > last) {
                    // Opened by a heartbeat, but the input ended: its silence is the end of the data.
                    windows.remove(s);
                    continue;
                }
                assessAndEmit(ctx.getCurrentKey(), s, acc, out);
                windows.put(s, acc);
                heartbeat(ctx, s, endOfInput);
            }
            if (fireAt + lateness <= timestamp) {
                BaselineState state = baseline.value();
                if (state == null) {
                    state = detector.newState();
                }
                detector.update(state, s, acc.units);
                baseline.update(state);
                windows.remove(s);
            }
        }
        Long last = lastSaleWindow.value();
        if (last != null && last + STATE_TTL.toMillis() <= timestamp && windows.isEmpty()) {
            baseline.clear(); // end of life: no sale for STATE_TTL
            lastSaleWindow.clear();
        }
    }

    /** Opens the next window empty, so a window with no sales is still assessed (drops to zero). */
    private void heartbeat(OnTimerContext ctx, long firedStart, boolean endOfInput) throws Exception {
        long next = firedStart + size;
        if (windows.contains(next)) {
            return;
        }
        Long last = lastSaleWindow.value();
        if (last == null || (next - last) / size > maxSilentWindows) {
            if (last != null) {
                ctx.timerService().registerEventTimeTimer(last + STATE_TTL.toMillis()); // end of life, unless it sells again
            }
            return; // dormant: the next sale reopens it
        }
        if (endOfInput && next > last) {
            return; // the input ended: silence after the key's last sale is not evidence of a drop
        }
        windows.put(next, new WindowAcc());
        registerTimers(ctx.timerService(), next);
    }

    private void registerTimers(TimerService timers, long start) {
        timers.registerEventTimeTimer(start + size - 1);
        timers.registerEventTimeTimer(start + size - 1 + lateness);
    }

    private void assessAndEmit(String key, long start, WindowAcc acc, Collector<SkuWindow> out)
            throws Exception {
        BaselineState state = baseline.value();
        if (state == null) {
            state = detector.newState();
        }
        Assessment a = detector.assess(state, start, acc.units);
        boolean anomalous = a.anomalous();
        if (!anomalous && !acc.emittedAnomalous) {
            return;
        }
        acc.emittedAnomalous = anomalous;
        if (anomalous) {
            anomalies.inc();
        }
        int bar = key.indexOf('|');
        SkuWindow w = new SkuWindow();
        w.storeId = key.substring(0, bar);
        w.sku = key.substring(bar + 1);
        w.retailer = acc.retailer;
        w.windowStart = start;
        w.windowEnd = start + size;
        w.actualUnits = acc.units;
        w.expectedUnits = a.expected();
        w.spread = a.spread();
        w.z = a.z();
        w.lift = a.lift();
        w.direction = a.direction().name();
        w.anomalous = anomalous;
        w.actualRevenue = acc.revenue;
        w.expectedRevenue = acc.units > 0 ? a.expected() * (acc.revenue / acc.units) : 0.0;
        out.collect(w);
    }
}
