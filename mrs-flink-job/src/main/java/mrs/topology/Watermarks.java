package mrs.topology;

import mrs.config.MrsConfig;
import mrs.records.ActionRecord;
import mrs.records.SaleEvent;
import mrs.records.Signal;
import mrs.records.StoreInfo;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** One watermark strategy per input. */
public final class Watermarks {
    private Watermarks() {}

    /** Sales: event time with bounded out-of-orderness, and idleness so a quiet partition cannot stall. */
    public static WatermarkStrategy<SaleEvent> sales(MrsConfig cfg) {
        return WatermarkStrategy.<SaleEvent>forBoundedOutOfOrderness(cfg.outOfOrderness())
                .withTimestampAssigner((e, ts) -> e.eventTime)
                .withIdleness(cfg.idleness());
    }

    /** Signals: evidence from the moment it was observed; idle feeds must not stall event time. */
    public static WatermarkStrategy<Signal> signals(MrsConfig cfg) {
        return WatermarkStrategy.<Signal>forBoundedOutOfOrderness(cfg.signalsOutOfOrderness())
                .withTimestampAssigner((s, ts) -> s.observedAt)
                .withIdleness(cfg.idleness());
    }

    /** Analyst actions: in the order they were issued; a quiet feed must not stall event time. */
    public static WatermarkStrategy<ActionRecord> actions(MrsConfig cfg) {
        return WatermarkStrategy.<ActionRecord>forBoundedOutOfOrderness(cfg.signalsOutOfOrderness())
                .withTimestampAssigner((a, ts) -> a.issuedAt)
                .withIdleness(cfg.idleness());
    }

    /**
     * The store dimension is not a time series: once loaded it must never hold event time back in the
     * operators it is broadcast to, so after its first record a reader reports a watermark just below the
     * end of time. Until then it holds event time back, so reports are not emitted before the stores are
     * known; a reader with nothing to read goes idle (or finishes, when bounded) and stops holding.
     */
    public static WatermarkStrategy<StoreInfo> dimension(MrsConfig cfg) {
        return WatermarkStrategy.<StoreInfo>forGenerator(ctx -> new WatermarkGenerator<StoreInfo>() {
            private boolean loaded;

            @Override
            public void onEvent(StoreInfo event, long eventTimestamp, WatermarkOutput output) {
                loaded = true;
                output.emitWatermark(new Watermark(Long.MAX_VALUE - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                if (loaded) {
                    output.emitWatermark(new Watermark(Long.MAX_VALUE - 1));
                }
            }
        }).withTimestampAssigner((s, ts) -> Long.MIN_VALUE).withIdleness(cfg.idleness());
    }
}
