package mrs.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.records.StoreInfo;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.junit.jupiter.api.Test;

class WatermarksTest {
    /** Records what a generator tells its output. */
    static final class Recorded implements WatermarkOutput {
        final List<String> calls = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            calls.add("idle");
        }

        @Override
        public void markActive() {
            calls.add("active");
        }
    }

    static final org.apache.flink.util.clock.ManualClock CLOCK = new org.apache.flink.util.clock.ManualClock();

    static WatermarkGenerator<StoreInfo> dimensionGenerator() {
        return Watermarks.dimension(MrsConfig.defaults()).createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public org.apache.flink.util.clock.RelativeClock getInputActivityClock() {
                return CLOCK;
            }
        });
    }

    @Test
    void theStoreDimensionHoldsWhileStoresFlowThenGoesIdleAndNeverAnnouncesTheEndOfTime() {
        WatermarkGenerator<StoreInfo> g = dimensionGenerator();
        Recorded out = new Recorded();
        java.time.Duration idleness = MrsConfig.defaults().storesIdleness();
        g.onPeriodicEmit(out);
        g.onEvent(new StoreInfo(), Long.MIN_VALUE, out);
        CLOCK.advanceTime(idleness.dividedBy(2));
        g.onPeriodicEmit(out);
        g.onEvent(new StoreInfo(), Long.MIN_VALUE, out);
        CLOCK.advanceTime(idleness.dividedBy(2));
        g.onPeriodicEmit(out);
        // Stores are still arriving: it holds (no watermark, not idle), so reports wait for their stores.
        assertThat(out.calls).isEmpty();
        CLOCK.advanceTime(idleness.plusSeconds(1));
        g.onPeriodicEmit(out);
        CLOCK.advanceTime(idleness.plusSeconds(1));
        g.onPeriodicEmit(out);
        // Quiet for the idleness timeout: idle, so joined operators follow the sales side alone. Never an
        // end-of-time watermark, which would make every later report late whenever the sales went idle.
        assertThat(out.calls).containsExactly("idle");
        // A store update later on does not hold event time back again.
        g.onEvent(new StoreInfo(), Long.MIN_VALUE, out);
        g.onPeriodicEmit(out);
        assertThat(out.calls).containsExactly("idle");
    }
}
