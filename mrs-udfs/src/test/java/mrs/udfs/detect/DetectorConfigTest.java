package mrs.udfs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DetectorConfig c = DetectorConfig.defaults();

        assertThat(c.zThreshold()).isEqualTo(4.0);
        assertThat(c.minSpikeLift()).isEqualTo(1.5);
        assertThat(c.maxDropRatio()).isEqualTo(0.5);
        assertThat(c.minAbsDelta()).isEqualTo(5.0);
        assertThat(c.minExpectedForDrop()).isEqualTo(5.0);
        assertThat(c.warmupObservations()).isEqualTo(DetectorConfig.AUTO_WARMUP);
        assertThat(c.levelRate()).isEqualTo(0.1);
        assertThat(c.seasonalRate()).isEqualTo(0.1);
        assertThat(c.spreadRate()).isEqualTo(0.01);
        assertThat(c.trendRate()).isEqualTo(0.1);
        assertThat(c.trendDamping()).isEqualTo(0.9);
        assertThat(c.huberK()).isEqualTo(2.5);
        assertThat(c.minSpread()).isEqualTo(1.0);
        assertThat(c.poissonFloor()).isEqualTo(1.0);
    }

    @Test
    void warmUpComesFromTheSeasonalityUnlessGiven() {
        Seasonality hourly = Seasonality.calendar(Duration.ofHours(1));

        assertThat(DetectorConfig.defaults().resolveWarmup(hourly)).isEqualTo(168);
        assertThat(DetectorConfig.builder().warmupObservations(48).build().resolveWarmup(hourly)).isEqualTo(48);
    }

    @Test
    void toBuilderRoundTripsEveryValue() {
        DetectorConfig c = DetectorConfig.builder()
                .zThreshold(3.5).minSpikeLift(2).maxDropRatio(0.3).minAbsDelta(1).minExpectedForDrop(2)
                .warmupObservations(10).levelRate(0.2).seasonalRate(0.05).spreadRate(0.03)
                .trendRate(0).trendDamping(0.5).huberK(2).minSpread(0.5).poissonFloor(0)
                .build();

        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c).isNotEqualTo(DetectorConfig.defaults());
        assertThat(c.toString()).contains("zThreshold=3.5", "warmupObservations=10");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("zThreshold", (UnaryOperator<DetectorConfig.Builder>) b -> b.zThreshold(0)),
                Arguments.of("zThreshold", (UnaryOperator<DetectorConfig.Builder>) b -> b.zThreshold(Double.NaN)),
                Arguments.of("minSpikeLift", (UnaryOperator<DetectorConfig.Builder>) b -> b.minSpikeLift(0.9)),
                Arguments.of("maxDropRatio", (UnaryOperator<DetectorConfig.Builder>) b -> b.maxDropRatio(1.1)),
                Arguments.of("minAbsDelta", (UnaryOperator<DetectorConfig.Builder>) b -> b.minAbsDelta(-1)),
                Arguments.of("minExpectedForDrop",
                        (UnaryOperator<DetectorConfig.Builder>) b -> b.minExpectedForDrop(Double.POSITIVE_INFINITY)),
                Arguments.of("warmupObservations", (UnaryOperator<DetectorConfig.Builder>) b -> b.warmupObservations(-5)),
                Arguments.of("levelRate", (UnaryOperator<DetectorConfig.Builder>) b -> b.levelRate(0)),
                Arguments.of("seasonalRate", (UnaryOperator<DetectorConfig.Builder>) b -> b.seasonalRate(1.5)),
                Arguments.of("spreadRate", (UnaryOperator<DetectorConfig.Builder>) b -> b.spreadRate(-0.1)),
                Arguments.of("trendRate", (UnaryOperator<DetectorConfig.Builder>) b -> b.trendRate(2)),
                Arguments.of("trendDamping", (UnaryOperator<DetectorConfig.Builder>) b -> b.trendDamping(-0.5)),
                Arguments.of("huberK", (UnaryOperator<DetectorConfig.Builder>) b -> b.huberK(0)),
                Arguments.of("minSpread", (UnaryOperator<DetectorConfig.Builder>) b -> b.minSpread(0)),
                Arguments.of("poissonFloor", (UnaryOperator<DetectorConfig.Builder>) b -> b.poissonFloor(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void outOfRangeSettingIsRejectedNamingIt(String setting, UnaryOperator<DetectorConfig.Builder> change) {
        DetectorConfig.Builder b = change.apply(DetectorConfig.builder());

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(setting + " must be")
                .hasMessageContaining("got");
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        DetectorConfig c = DetectorConfig.builder().zThreshold(5).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(c);
        }
    }
}
