package mrs.udfs.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import mrs.udfs.detect.TestData;
import org.junit.jupiter.api.Test;

class PeriodLearnerTest {

    private static final long HOUR = TestData.HOUR;

    @Test
    void hourlyRetailCountsHaveADailyAndAWeeklyPeriod() {
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 35, 3.0, 1);

        PeriodLearner.Result r = PeriodLearner.learn(s.timestamps(), s.values(), HOUR);

        assertThat(r.primaryPeriod()).isEqualTo(24);
        assertThat(r.secondaryPeriod()).isEqualTo(168);
        assertThat(r.prefixLength()).isEqualTo(192); // a week and a day
        assertThat(r.evidence()).contains("acf(24)", "day-effect");
    }

    @Test
    void quarterHourlyCountsHaveA96ObservationDay() {
        TestData.Series s = TestData.retailCounts(Duration.ofMinutes(15), 28, 20.0, 2);

        PeriodLearner.Result r = PeriodLearner.learn(s.timestamps(), s.values(), Duration.ofMinutes(15).toMillis());

        assertThat(r.primaryPeriod()).isEqualTo(96);
        assertThat(r.secondaryPeriod()).isEqualTo(672);
    }

    @Test
    void daysThatLookAlikeGiveNoWeeklyPeriod() {
        TestData.Series s = TestData.continuous(Duration.ofHours(1), 35, 50, 0, 2, 3);

        PeriodLearner.Result r = PeriodLearner.learn(s.timestamps(), s.values(), HOUR);

        assertThat(r.primaryPeriod()).isEqualTo(24);
        assertThat(r.secondaryPeriod()).isZero();
    }

    @Test
    void dailySeriesHasAWeeklyPeriodLearnedFromFourWeeks() {
        TestData.Series s = TestData.retailCounts(Duration.ofDays(1), 200, 1.0, 4);

        PeriodLearner.Result r = PeriodLearner.learn(s.timestamps(), s.values(), TestData.DAY);

        assertThat(r.primaryPeriod()).isEqualTo(7);
        assertThat(r.secondaryPeriod()).isZero();
        assertThat(r.prefixLength()).isEqualTo(28);
    }

    @Test
    void aPeriodTheCalendarDoesNotKnowIsFoundByAutocorrelation() {
        int n = 2000;
        long[] ts = new long[n];
        double[] v = new double[n];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            ts[i] = i * 60_000L; // minutes; the cycle is 37 minutes
            v[i] = 100 + 10 * Math.sin(2 * Math.PI * i / 37.0) + random.nextGaussian();
        }

        PeriodLearner.Result r = PeriodLearner.learn(ts, v, 60_000L);

        assertThat(r.primaryPeriod()).isEqualTo(37);
        assertThat(r.prefixLength()).isEqualTo(PeriodLearner.GENERIC_PREFIX);
    }

    @Test
    void whiteNoiseHasNoPeriod() {
        Random random = new Random(6);
        int n = 24 * 35;
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = TestData.MONDAY + i * HOUR;
            v[i] = 10 + random.nextGaussian();
        }

        PeriodLearner.Result r = PeriodLearner.learn(ts, v, HOUR);

        assertThat(r.primaryPeriod()).isZero();
        assertThat(r.secondaryPeriod()).isZero();
    }

    @Test
    void aFewSpikesInThePrefixDoNotHideTheWeek() {
        TestData.Series s = TestData.retailCounts(Duration.ofDays(1), 120, 1.0, 7);
        double[] v = s.values().clone();
        v[10] *= 4;
        v[17] *= 3;
        v[23] *= 5;

        assertThat(PeriodLearner.learn(s.timestamps(), v, TestData.DAY).primaryPeriod()).isEqualTo(7);
    }

    @Test
    void onlyThePrefixIsLookedAt() {
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 35, 3.0, 8);
        PeriodLearner.Result r = PeriodLearner.learn(s.timestamps(), s.values(), HOUR);
        double[] scrambled = s.values().clone();
        Random random = new Random(8);
        for (int i = r.prefixLength(); i < scrambled.length; i++) {
            scrambled[i] = random.nextInt(1000);
        }

        assertThat(PeriodLearner.learn(s.timestamps(), scrambled, HOUR)).isEqualTo(r);
    }

    @Test
    void shortSeriesKeepMostPointsForScoring() {
        TestData.Series twoWeeks = TestData.retailCounts(Duration.ofHours(1), 14, 3.0, 9);
        TestData.Series tenDays = TestData.retailCounts(Duration.ofHours(1), 10, 3.0, 9);

        // a week and a day fits in 60% of two weeks, not of ten days: then three days, no weekly period
        assertThat(PeriodLearner.learn(twoWeeks.timestamps(), twoWeeks.values(), HOUR).prefixLength()).isEqualTo(192);
        PeriodLearner.Result shorter = PeriodLearner.learn(tenDays.timestamps(), tenDays.values(), HOUR);
        assertThat(shorter.prefixLength()).isEqualTo(72);
        assertThat(shorter.primaryPeriod()).isEqualTo(24);
        assertThat(shorter.secondaryPeriod()).isZero();
        assertThat(PeriodLearner.learn(new long[] {0L}, new double[] {1.0}, HOUR).primaryPeriod()).isZero();
    }

    @Test
    void missingPointsDoNotShiftThePeriods() {
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 35, 3.0, 10);
        Random random = new Random(10);
        long[] ts = new long[s.size()];
        double[] v = new double[s.size()];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            if (i == 0 || random.nextDouble() > 0.1) { // drop ~10% of the hours
                ts[m] = s.timestamps()[i];
                v[m++] = s.values()[i];
            }
        }
        PeriodLearner.Result r = PeriodLearner.learn(
                java.util.Arrays.copyOf(ts, m), java.util.Arrays.copyOf(v, m), HOUR);

        assertThat(r.primaryPeriod()).isEqualTo(24);
        assertThat(r.secondaryPeriod()).isEqualTo(168);
    }
}
