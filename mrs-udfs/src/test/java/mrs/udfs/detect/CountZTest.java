package mrs.udfs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Counts are judged with their Poisson significance on both tails, not a Gaussian z. */
class CountZTest {
    @Test
    void aBusyHourThatSellsNothingIsBeyondTheThreshold() {
        assertThat(SeasonalDetector.countZ(0, 21, Math.sqrt(21))).isLessThan(-5.5);
        assertThat(SeasonalDetector.countZ(2, 21, Math.sqrt(21))).isLessThan(-4.5);
        // the Gaussian z would not have been
        assertThat((2 - 21) / Math.sqrt(21)).isGreaterThan(-4.5);
    }

    @Test
    void aZeroAgainstAModestBaselineHappensAndIsNotAnAnomaly() {
        // P(X = 0 | 8) = 3.4e-4: seen every few weeks per store and SKU.
        assertThat(SeasonalDetector.countZ(0, 8, Math.sqrt(8))).isBetween(-3.6, -3.2);
    }

    @Test
    void tailProbabilitiesAreExact() {
        assertThat(CountTail.lowerTail(0, 8)).isCloseTo(Math.exp(-8), within(1e-15));
        assertThat(CountTail.upperTail(0, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(CountTail.upperTail(3, 1)).isCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), within(1e-12));
        assertThat(CountTail.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-5));
        assertThat(CountTail.inverseNormal(3.1671241833e-5)).isCloseTo(-4.0, within(1e-6));
    }

    @Test
    void aFewUnitsAtNightAreNoise() {
        assertThat(SeasonalDetector.countZ(7, 1.3, 1.0)).isLessThan(4.0);
        assertThat((7 - 1.3) / 1.0).isGreaterThan(4.0);
    }

    @Test
    void largeCountsAgreeWithTheGaussianZ() {
        double mu = 10_000;
        double x = mu + 4 * Math.sqrt(mu);
        assertThat(SeasonalDetector.countZ(x, mu, Math.sqrt(mu))).isCloseTo(4.0, within(0.05));
        // and the exact and approximate regimes meet at the switch
        double m = CountTail.EXACT_MAX_MEAN;
        assertThat(CountTail.z(m + 4 * Math.sqrt(m), m)).isCloseTo(CountTail.z(m + 4 * Math.sqrt(m), m + 1e-9), within(0.1));
    }

    @Test
    void overDispersionWidensTheBand() {
        double poisson = SeasonalDetector.countZ(30, 10, Math.sqrt(10));
        double twiceAsNoisy = SeasonalDetector.countZ(30, 10, 2 * Math.sqrt(10));
        assertThat(twiceAsNoisy).isCloseTo(poisson / 2, within(1e-9));
    }

    @Test
    void netReturnsBelowZeroCountAsZero() {
        assertThat(SeasonalDetector.countZ(-3, 10, Math.sqrt(10)))
                .isEqualTo(SeasonalDetector.countZ(0, 10, Math.sqrt(10)));
    }
}
