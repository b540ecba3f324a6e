package mrs.topology;

import mrs.config.MrsConfig;
import mrs.records.ActionRecord;
import mrs.records.SaleEvent;
import mrs.records.Signal;
import mrs.records.StoreInfo;
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
     * The store dimension is not a time series and never carries a watermark: while its records flow
     * it holds event time back in the operators it is broadcast to (reports wait for the stores they
     * name), and once it has been quiet for {@code mrs.stores.idleness} it is idle, so those operators follow
     * their other input's watermark alone. A bounded read finishes instead, which releases them too.
     *
     * <p>It must not announce an end-of-time watermark once loaded: whenever the sales went idle (a
     * quiet night, a backpressured reader) the operators joining the dimension would jump to the end of
     * time and every report after that would be late forever. Nor may it go idle at its first record:
     * stores still in flight would be missing from reports emitted meanwhile.
     */
    public static WatermarkStrategy<StoreInfo> dimension(MrsConfig cfg) {
        return WatermarkStrategy.<StoreInfo>noWatermarks()
                .withTimestampAssigner((s, ts) -> Long.MIN_VALUE)
                .withIdleness(cfg.storesIdleness());
    }
}
