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

    static WatermarkGenerator<StoreInfo> dimensionGenerator() {
        return Watermarks.dimension(MrsConfig.defaults()).createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public org.apache.flink.metrics.MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public org.apache.flink.util.clock.RelativeClock getInputActivityClock() {
                return org.apache.flink.util.clock.SystemClock.getInstance();
            }
        });
    }

    @Test
    void theStoreDimensionHoldsUntilLoadedThenGoesIdleAndNeverAnnouncesTheEndOfTime() {
        WatermarkGenerator<StoreInfo> g = dimensionGenerator();
        Recorded out = new Recorded();
        g.onPeriodicEmit(out);
        assertThat(out.calls).as("before the first store: holds (no watermark, not idle)").isEmpty();
        g.onEvent(new StoreInfo(), Long.MIN_VALUE, out);
        g.onPeriodicEmit(out);
        g.onPeriodicEmit(out);
        // Idle, so operators joining the dimension follow their sales-side watermark alone; an end-of-time
        // watermark here would make every later report late whenever the sales input went idle.
        assertThat(out.calls).isNotEmpty().allMatch("idle"::equals);
    }
}
