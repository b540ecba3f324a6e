package mrs.udfs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeasonalDetectorTest {

    private static final Duration HOURLY = Duration.ofHours(1);
    private static final int WEEK = 168;
    /** Busy-hour means from about 15 (Sunday) to 90 (Saturday lunch): a mid-selling SKU in a store. */
    private static final double SCALE = 3.0;

    private final SeasonalDetector detector = SeasonalDetector.calendar(HOURLY);

    @Test
    void cleanSeasonalSeriesRaisesAlmostNoFalseAlarmsAfterWarmUp() {
        int judged = 0;
        int alarms = 0;
        for (long seed = 1; seed <= 10; seed++) {
            TestData.Series s = TestData.retailCounts(HOURLY, 35, SCALE, seed);
            BaselineState state = detector.newState();
            for (int i = 0; i < s.size(); i++) {
                Assessment a = detector.assessAndUpdate(state, s.timestamps()[i], s.values()[i]);
                if (i >= WEEK) {
                    assertThat(a.warm()).as("warm after a week, i=%d", i).isTrue();
                    judged++;
                    if (a.anomalous()) {
                        alarms++;
                    }
                }
            }
        }
        assertThat(judged).isEqualTo(10 * (35 - 7) * 24);
        // Poisson tails alone give a handful at |z| >= 4 in 6,720 hours; a seasonal model that is off would
        // give hundreds (every Saturday lunch or Sunday morning).
        assertThat((double) alarms / judged).isLessThan(0.001);
    }

    @Test
    void baselineLearnsTheDailyAndWeeklyShape() {
        TestData.Series s = TestData.retailCounts(HOURLY, 35, SCALE, 3);
        BaselineState state = detector.newState();
        for (int i = 0; i < s.size(); i++) {
            detector.update(state, s.timestamps()[i], s.values()[i]);
        }
        // the following week: every busy hour close to the true mean, Saturday lunch and Sunday included
        double sumRelativeError = 0;
        int busyHours = 0;
        for (int h = 0; h < WEEK; h++) {
            long t = s.timestamps()[s.size() - 1] + (h + 1) * TestData.HOUR;
            double mean = TestData.retailMean(t, TestData.HOUR, SCALE);
            if (mean >= 10) {
                double error = Math.abs(detector.expected(state, t) - mean) / mean;
                assertThat(error).as("hour %d", h).isLessThan(0.25);
                sumRelativeError += error;
                busyHours++;
            }
        }
        assertThat(busyHours).isGreaterThan(60);
        assertThat(sumRelativeError / busyHours).isLessThan(0.08); // a week-blind model is off ~30%
    }

    @Test
    void injectedSpikesAndDropsAtBusyHoursAreFlaggedWithTheirDirection() {
        TestData.Series s = TestData.retailCounts(HOURLY, 35, SCALE, 7);
        Random random = new Random(99);
        double[] values = s.values().clone();
        List<Integer> spikes = new ArrayList<>();
        List<Integer> drops = new ArrayList<>();
        for (int day = 14; day < 35; day += 3) {
            int spike = day * 24 + 11 + (day % 4); // 11:00-14:00
            int drop = (day + 1) * 24 + 12 + (day % 5); // 12:00-16:00
            values[spike] = TestData.poisson(3 * s.means()[spike], random);
            values[drop] = Math.round(0.1 * s.means()[drop]);
            spikes.add(spike);
            drops.add(drop);
        }

        BaselineState state = detector.newState();
        Assessment[] verdicts = new Assessment[values.length];
        for (int i = 0; i < values.length; i++) {
            verdicts[i] = detector.assessAndUpdate(state, s.timestamps()[i], values[i]);
        }

        for (int i : spikes) {
            assertThat(verdicts[i].direction()).as("spike at %d: %s", i, verdicts[i]).isEqualTo(Direction.SPIKE);
            assertThat(verdicts[i].lift()).isGreaterThan(1.5);
            assertThat(verdicts[i].score()).isGreaterThan(0.8);
        }
        for (int i : drops) {
            assertThat(verdicts[i].direction()).as("drop at %d: %s", i, verdicts[i]).isEqualTo(Direction.DROP);
            assertThat(verdicts[i].lift()).isLessThan(0.5);
            assertThat(verdicts[i].z()).isLessThanOrEqualTo(-4.0);
        }
        long otherAlarms = IntStream.range(WEEK, values.length)
                .filter(i -> !spikes.contains(i) && !drops.contains(i))
                .filter(i -> verdicts[i].anomalous())
                .count();
        assertThat(otherAlarms).isLessThanOrEqualTo(1);
    }

    @Test
    void multiHourSpikeBarelyMovesTheBaseline() {
        TestData.Series s = TestData.retailCounts(HOURLY, 28, SCALE, 11);
        int start = 22 * 24 + 11; // Tuesday of week 4, 11:00-14:59
        int hours = 4;
        IntToDoubleFunction spiked = i -> i >= start && i < start + hours ? 3 * s.values()[i] + 3 : s.values()[i];

        double robustShift = baselineShiftAfter(detector, s, spiked, start + hours);
        SeasonalDetector gullible = new SeasonalDetector(
                Seasonality.calendar(HOURLY), DetectorConfig.builder().huberK(1e6).build());
        double gullibleShift = baselineShiftAfter(gullible, s, spiked, start + hours);

        // The robust baseline for the next two days moves a few percent; a plain (unclipped) learner of the
        // very same model moves several times as much.
        assertThat(robustShift).isLessThan(0.06);
        assertThat(gullibleShift).isGreaterThan(3 * robustShift);
    }

    /** Largest relative difference of expected values over the 48 h after {@code end}, spiked vs clean. */
    private static double baselineShiftAfter(
            SeasonalDetector d, TestData.Series s, IntToDoubleFunction spiked, int end) {
        BaselineState clean = d.newState();
        BaselineState dirty = d.newState();
        for (int i = 0; i < end; i++) {
            d.update(clean, s.timestamps()[i], s.values()[i]);
            d.update(dirty, s.timestamps()[i], spiked.applyAsDouble(i));
        }
        double worst = 0;
        for (int h = 0; h < 48; h++) {
            long t = s.timestamps()[end] + h * TestData.HOUR;
            double reference = d.expected(clean, t);
            if (reference >= 5) {
                worst = Math.max(worst, Math.abs(d.expected(dirty, t) - reference) / reference);
            }
        }
        return worst;
    }

    @Test
    void lastingLevelChangeIsAbsorbedWithinDays() {
        TestData.Series s = TestData.retailCounts(HOURLY, 42, SCALE, 5);
        Random random = new Random(5);
        BaselineState state = detector.newState();
        int change = 21 * 24;
        int lastAlarm = -1;
        int alarms = 0;
        for (int i = 0; i < s.size(); i++) {
            double v = i >= change ? TestData.poisson(2 * s.means()[i], random) : s.values()[i];
            if (detector.assessAndUpdate(state, s.timestamps()[i], v).anomalous() && i >= change) {
                lastAlarm = i;
                alarms++;
            }
        }
        // the doubling is reported (a sustained lift is an event) ...
        assertThat(alarms).isGreaterThanOrEqualTo(5);
        // ... and becomes the new normal within five days
        assertThat(lastAlarm).isLessThan(change + 5 * 24);
    }

    @Test
    void warmUpFlagsNothingAndScoresZero() {
        TestData.Series s = TestData.retailCounts(HOURLY, 7, SCALE, 2);
        BaselineState state = detector.newState();
        for (int i = 0; i < s.size(); i++) {
            double v = i % 24 == 12 ? 1000 : s.values()[i]; // absurd every lunchtime
            Assessment a = detector.assessAndUpdate(state, s.timestamps()[i], v);
            assertThat(a.warm()).isFalse();
            assertThat(a.anomalous()).isFalse();
            assertThat(a.direction()).isEqualTo(Direction.NONE);
            assertThat(a.score()).isZero();
        }
        assertThat(state.observations).isEqualTo(detector.warmupObservations());
    }

    @Test
    void dropAtAQuietHourIsNotAnEvent() {
        // even with a hair-trigger z threshold, a quiet hour going to zero is not news
        SeasonalDetector touchy = new SeasonalDetector(
                Seasonality.calendar(HOURLY), DetectorConfig.builder().zThreshold(0.5).build());
        TestData.Series s = TestData.retailCounts(HOURLY, 21, SCALE, 4);
        BaselineState state = touchy.newState();
        for (int i = 0; i < s.size(); i++) {
            touchy.update(state, s.timestamps()[i], s.values()[i]);
        }
        long sixAm = s.timestamps()[s.size() - 1] + 7 * TestData.HOUR; // Monday 06:00, mean 3
        Assessment quiet = touchy.assess(state, sixAm, 0);
        Assessment busy = touchy.assess(state, sixAm + 6 * TestData.HOUR, 0); // Monday noon, mean 60

        assertThat(quiet.expected()).isLessThan(DetectorConfig.defaults().minExpectedForDrop());
        assertThat(quiet.z()).isLessThan(-0.5);
        assertThat(quiet.anomalous()).isFalse();
        assertThat(busy.direction()).isEqualTo(Direction.DROP);
    }

    @Test
    void allZeroHistoryThenSalesIsASpikeWithoutNaN() {
        BaselineState state = detector.newState();
        long t = TestData.MONDAY;
        for (int i = 0; i < 2 * WEEK; i++, t += TestData.HOUR) {
            Assessment a = detector.assessAndUpdate(state, t, 0);
            assertThat(a.z()).isZero();
            assertThat(a.lift()).isEqualTo(1.0);
        }
        Assessment a = detector.assess(state, t, 40);

        assertThat(a.expected()).isZero();
        assertThat(a.spread()).isEqualTo(1.0);
        assertThat(a.direction()).isEqualTo(Direction.SPIKE);
        assertThat(a.lift()).isFinite().isGreaterThan(1000);
    }

    static Stream<Arguments> extremeSeries() {
        return Stream.of(
                Arguments.of("all zero", (IntToDoubleFunction) i -> 0),
                Arguments.of("constant", (IntToDoubleFunction) i -> 7),
                Arguments.of("constant huge", (IntToDoubleFunction) i -> 1e12),
                Arguments.of("max double", (IntToDoubleFunction) i -> Double.MAX_VALUE),
                Arguments.of("alternating extremes",
                        (IntToDoubleFunction) i -> i % 2 == 0 ? Double.MAX_VALUE : -Double.MAX_VALUE),
                Arguments.of("zero then huge", (IntToDoubleFunction) i -> i < 300 ? 0 : 1e300),
                Arguments.of("huge then zero", (IntToDoubleFunction) i -> i < 300 ? 1e300 : 0),
                Arguments.of("negative", (IntToDoubleFunction) i -> -5 - i % 7),
                Arguments.of("tiny", (IntToDoubleFunction) i -> Double.MIN_VALUE * (i % 3)),
                Arguments.of("sparse", (IntToDoubleFunction) i -> i % 97 == 0 ? 3 : 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremeSeries")
    void extremeSeriesNeverProduceNaNOrInfinity(String name, IntToDoubleFunction series) {
        for (Seasonality seasonality : List.of(
                Seasonality.calendar(HOURLY), Seasonality.calendar(Duration.ofDays(1)), Seasonality.none(HOURLY))) {
            SeasonalDetector d = new SeasonalDetector(seasonality, DetectorConfig.defaults());
            BaselineState state = d.newState();
            long step = seasonality.interval().toMillis();
            for (int i = 0; i < 600; i++) {
                Assessment a = d.assessAndUpdate(state, TestData.MONDAY + i * step, series.applyAsDouble(i));
                assertThat(boxed(a.expected(), a.spread(), a.z(), a.lift(), a.score()))
                        .as("%s with %s at %d: %s", name, seasonality, i, a)
                        .allMatch(Double::isFinite);
                assertThat(a.spread()).isPositive();
                assertThat(a.expected()).isNotNegative();
                assertThat(a.score()).isBetween(0.0, 1.0);
            }
            assertThat(boxed(state.slotLevels)).allMatch(Double::isFinite);
            assertThat(boxed(state.secondaryFactors)).allMatch(Double::isFinite);
            assertThat(state.dispersion).isFinite();
            assertThat(state.trend).isFinite();
        }
    }

    private static List<Double> boxed(double... values) {
        return Arrays.stream(values).boxed().collect(Collectors.toList());
    }

    @Test
    void constantSeriesLearnsItsValueAndFlagsADeparture() {
        BaselineState state = detector.newState();
        long t = TestData.MONDAY;
        for (int i = 0; i < 2 * WEEK; i++, t += TestData.HOUR) {
            detector.update(state, t, 50);
        }
        assertThat(detector.expected(state, t)).isCloseTo(50, within(1e-6));
        assertThat(detector.assess(state, t, 50).z()).isCloseTo(0, within(1e-6));
        // Poisson floor: sqrt(50) ≈ 7.1, so 100 is z ≈ 7
        Assessment spike = detector.assess(state, t, 100);
        assertThat(spike.spread()).isCloseTo(Math.sqrt(50), within(1e-6));
        assertThat(spike.direction()).isEqualTo(Direction.SPIKE);
    }

    @Test
    void scoreIsMonotoneInAbsoluteZAndHalfAtTheThreshold() {
        assertThat(SeasonalDetector.score(0, 4)).isZero();
        assertThat(SeasonalDetector.score(4, 4)).isEqualTo(0.5);
        assertThat(SeasonalDetector.score(-4, 4)).isEqualTo(0.5);
        assertThat(SeasonalDetector.score(1e9, 4)).isLessThanOrEqualTo(1.0).isGreaterThan(0.999);
        double previous = 0;
        for (double z = 0.25; z < 50; z += 0.25) {
            double s = SeasonalDetector.score(z, 4);
            assertThat(s).isGreaterThan(previous).isLessThan(1.0);
            assertThat(SeasonalDetector.score(-z, 4)).isEqualTo(s);
            previous = s;
        }
    }

    @Test
    void observationAtOrBeforeTheLastOneIsNotLearnedTwice() {
        BaselineState state = detector.newState();
        detector.update(state, TestData.MONDAY, 10);
        BaselineState before = state.copy();

        detector.update(state, TestData.MONDAY, 10); // a window that fired twice
        detector.update(state, TestData.MONDAY - TestData.HOUR, 99);

        assertThat(state.toString()).isEqualTo(before.toString());
    }

    @Test
    void emptyOrForeignStateIsLaidOutForThisSeasonality() {
        BaselineState fresh = new BaselineState(); // what Flink hands over for a new key
        Assessment first = detector.assess(fresh, TestData.MONDAY, 3);
        assertThat(first.warm()).isFalse();
        assertThat(first.expected()).isZero();

        detector.update(fresh, TestData.MONDAY, 3);
        assertThat(fresh.slotLevels).hasSize(24);
        assertThat(fresh.secondaryFactors).hasSize(7);

        SeasonalDetector quarterHourly = SeasonalDetector.calendar(Duration.ofMinutes(15));
        assertThat(quarterHourly.assess(fresh, TestData.MONDAY + TestData.HOUR, 3).expected()).isZero();
        quarterHourly.update(fresh, TestData.MONDAY + TestData.HOUR, 3);
        assertThat(fresh.slotLevels).hasSize(96);
        assertThat(fresh.observations).isEqualTo(1);
    }

    @Test
    void sameInputsGiveTheSameBaselineBitForBit() {
        TestData.Series s = TestData.retailCounts(HOURLY, 14, SCALE, 8);
        BaselineState a = detector.newState();
        BaselineState b = detector.newState();
        for (int i = 0; i < s.size(); i++) {
            detector.update(a, s.timestamps()[i], s.values()[i]);
        }
        for (int i = 0; i < s.size(); i++) {
            new SeasonalDetector(Seasonality.calendar(HOURLY), DetectorConfig.defaults())
                    .update(b, s.timestamps()[i], s.values()[i]);
        }
        assertThat(b.toString()).isEqualTo(a.toString());
    }

    @Test
    void nonFiniteActualIsRejected() {
        BaselineState state = detector.newState();
        assertThatThrownBy(() -> detector.update(state, TestData.MONDAY, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> detector.assess(state, TestData.MONDAY, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assessmentDirectionIsNoneUnlessAnomalous() {
        assertThatThrownBy(() -> new Assessment(1, 1, 1, 0, 1, Direction.SPIKE, false, true, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Assessment(1, 1, 1, 0, 1, Direction.NONE, true, true, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Assessment(12, 5, 1, 7, 2.4, Direction.SPIKE, true, true, 0.9).delta()).isEqualTo(7);
    }
}
