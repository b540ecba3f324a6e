package mrs.udfs.detect;

/**
 * How surprising a count is under a Poisson baseline, as a signed standard-normal z: the exact tail
 * probability {@code P(X ≥ x)} (spike) or {@code P(X ≤ x)} (drop) for moderate baselines, mapped through
 * the inverse normal; Anscombe's variance-stabilised deviation for large ones, where the two agree.
 * Exact tails matter at shop-level counts: a zero against a baseline of 8 happens three times in ten
 * thousand hours (|z| ≈ 3.4), a zero against 21 once in a billion (|z| ≈ 6.1); a Gaussian z on the raw
 * counts gets both wrong. {@link StrictMath} keeps results bit-identical on every JVM.
 */
final class CountTail {
    /** Up to this baseline the tail is summed exactly. */
    static final double EXACT_MAX_MEAN = 200.0;
    /**
     * Baselines below one unit per window are judged as one: like the detector's spread floor, it says
     * no baseline is trusted to be quieter than a single sale (a night slot learned as 0.02 units must
     * not make one late customer a 6-sigma event).
     */
    static final double MIN_MEAN = 1.0;
    /** Tail probabilities are floored here (|z| ≈ 37.5), far beyond any threshold. */
    private static final double MIN_P = 1e-300;

    private CountTail() {}

    /** Signed z of count {@code x} (rounded, negatives as 0) against Poisson mean {@code mu}. */
    static double z(double x, double mu) {
        double m = Math.max(mu, MIN_MEAN);
        long k = Math.max(0L, Math.round(x));
        if (m > EXACT_MAX_MEAN) {
            return 2.0 * (StrictMath.sqrt(k + 0.375) - StrictMath.sqrt(m + 0.375));
        }
        if (k >= Math.max(mu, 0.0)) {
            double p = upperTail(k, m);
            return Math.max(0.0, -inverseNormal(Math.max(p, MIN_P)));
        }
        double p = lowerTail(k, m);
        return Math.min(0.0, inverseNormal(Math.max(p, MIN_P)));
    }

    /** P(X ≤ k), summed from 0 up (k < mu, so the terms grow and the sum is accurate). */
    static double lowerTail(long k, double mu) {
        double term = StrictMath.exp(-mu);
        double sum = term;
        for (long i = 1; i <= k; i++) {
            term *= mu / i;
            sum += term;
        }
        return Math.min(1.0, sum);
    }

    /** P(X ≥ k), summed from k up in log space until the terms no longer matter. */
    static double upperTail(long k, double mu) {
        double logTerm = -mu + k * StrictMath.log(mu) - logFactorial(k);
        double term = StrictMath.exp(logTerm);
        double sum = term;
        for (long i = k + 1; term > sum * 1e-17 && i < k + 100_000; i++) {
            term *= mu / i;
            sum += term;
        }
        return Math.min(1.0, sum);
    }

    private static double logFactorial(long n) {
        if (n < 256) {
            double s = 0.0;
            for (long i = 2; i <= n; i++) {
                s += StrictMath.log(i);
            }
            return s;
        }
        // Stirling's series; error below 1e-12 for n >= 256.
        double x = n;
        return x * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI * x) + 1.0 / (12 * x)
                - 1.0 / (360 * x * x * x);
    }

    /**
     * Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error below 1.2e-9) with one
     * Halley refinement step against the complementary error function.
     */
    static double inverseNormal(double p) {
        if (p <= 0.0) return Double.NEGATIVE_INFINITY;
        if (p >= 1.0) return Double.POSITIVE_INFINITY;
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        double q;
        double x;
        if (p < 0.02425) {
            q = StrictMath.sqrt(-2 * StrictMath.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p > 1 - 0.02425) {
            q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else {
            q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        return x;
    }
}
