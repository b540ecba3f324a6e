package mrs.udfs.score;

import java.util.Arrays;
import java.util.Locale;
import mrs.udfs.detect.Seasonality;

/**
 * Learns a series' seasonal periods from its first stretch only (the <em>prefix</em>), so the offline
 * scorer never looks ahead: every point it scores lies after the data the periods were chosen from.
 *
 * <p>How:
 *
 * <ol>
 *   <li>Candidates come from the calendar, in observations: a day ({@code 1 day / interval}) and a week.
 *   <li>The prefix is as short as the candidates allow and at most 60% of the series: eight days for
 *       sub-daily data (a week plus a day, so a day-of-week effect has been seen), three days if the
 *       series is too short for that, four weeks for daily data; otherwise a generic stretch of at most
 *       {@value #GENERIC_PREFIX} observations.
 *   <li>On the linearly detrended prefix, with anomalies pulled in (to 3 robust sigmas around the
 *       candidate's per-phase median profile, or 4 around the median for the generic search) so that a
 *       few of them can neither hide nor fake a period, the primary period is the day (for daily data,
 *       the week) when the autocorrelation at that lag is clearly positive; failing that, the strongest
 *       significant autocorrelation peak (a period the calendar does not explain).
 *   <li>With a daily primary period and eight days of prefix, the week is kept as secondary period when
 *       the day-to-day variation of the residuals (after removing the time-of-day profile and a straight
 *       line through the day means) is well beyond what their within-day noise explains: an F-like
 *       ratio of at least {@value #DAY_EFFECT_MIN_F}.
 * </ol>
 */
public final class PeriodLearner {

    /** What was learned. Periods are in observations, 0 = none. */
    public record Result(int prefixLength, int primaryPeriod, int secondaryPeriod, String evidence) {}

    private static final long DAY_MS = 86_400_000L;
    private static final long WEEK_MS = 7 * DAY_MS;
    /** Prefix cap when no calendar candidate fits. */
    static final int GENERIC_PREFIX = 500;
    /** Below this many prefix observations nothing is learned. */
    private static final int MIN_PREFIX = 8;
    /** Autocorrelation a period needs at the very least, however many pairs back it. */
    private static final double ACF_MIN = 0.3;
    /** Significance multiplier for a calendar lag: r ≥ this / √pairs (about 2 standard errors). */
    private static final double CALENDAR_SIGMAS = 2.0;
    /** Significance multiplier for a generic peak: stricter, it was picked among many lags. */
    private static final double GENERIC_SIGMAS = 3.5;
    /** Day-to-day variance over within-day noise variance needed for a day-of-week cycle. */
    static final double DAY_EFFECT_MIN_F = 4.0;
    /** Winsorising bound for the autocorrelation input, in robust standard deviations. */
    private static final double WINSOR_MADS = 4.0;
    /** Clip bound around the per-phase profile, in robust standard deviations. */
    private static final double PROFILE_CLIP_SIGMAS = 3.0;

    private PeriodLearner() {}

    /**
     * Learns periods from the start of the series.
     *
     * @param timestamps strictly increasing epoch millis
     * @param values the values, same length
     * @param intervalMillis the sampling interval (e.g. the median gap)
     */
    public static Result learn(long[] timestamps, double[] values, long intervalMillis) {
        int n = timestamps.length;
        if (n < 2 || intervalMillis <= 0) {
            return new Result(n, 0, 0, "too short to learn periods");
        }
        long span = index(timestamps[n - 1], timestamps[0], intervalMillis) + 1;
        // At least 40% of the series is scored; a week plus a day fits from 2 weeks of data.
        long cap = span * 3 / 5;
        // A day lag must fit the detector's primary cycle; a week is at most 7 such days.
        int dayLag = lagFor(DAY_MS, intervalMillis, Seasonality.MAX_SLOTS);
        int weekLag = lagFor(WEEK_MS, intervalMillis, 7 * Seasonality.MAX_SLOTS);

        int prefix;
        if (dayLag > 0 && weekLag > 0 && weekLag + dayLag <= cap) {
            prefix = weekLag + dayLag;
        } else if (dayLag > 0 && 3L * dayLag <= cap) {
            prefix = 3 * dayLag;
        } else if (dayLag == 0 && weekLag > 0 && 4L * weekLag <= cap) {
            prefix = 4 * weekLag;
        } else {
            prefix = (int) Math.min(cap, GENERIC_PREFIX);
        }
        if (prefix < MIN_PREFIX) {
            return new Result(Math.max(prefix, 0), 0, 0, "too short to learn periods");
        }

        double[] raw = regularPrefix(timestamps, values, intervalMillis, prefix);
        double[] x = raw.clone();
        if (!detrend(x)) {
            return new Result(prefix, 0, 0, "flat prefix");
        }
        winsorise(x);

        int calendarLag = dayLag > 0 ? dayLag : weekLag;
        int primary = 0;
        StringBuilder evidence = new StringBuilder();
        if (calendarLag > 0 && calendarLag <= Seasonality.MAX_SLOTS && 2L * calendarLag <= prefix) {
            double[] r = acf(clipAroundProfile(x, calendarLag), calendarLag);
            evidence.append(String.format(Locale.ROOT, "acf(%d)=%.2f", calendarLag, r[0]));
            if (r[0] >= Math.max(ACF_MIN, CALENDAR_SIGMAS / Math.sqrt(r[1]))) {
                primary = calendarLag;
            }
        }
        if (primary == 0) {
            primary = genericPeak(x, evidence);
        }

        int secondary = 0;
        if (primary > 0 && primary == dayLag && weekLag > 0 && prefix >= weekLag + dayLag) {
            double f = dayEffectRatio(clipAroundProfile(raw, dayLag), dayLag);
            evidence.append(String.format(Locale.ROOT, " day-effect F=%.1f", f));
            if (f >= DAY_EFFECT_MIN_F) {
                secondary = weekLag;
            }
        }
        return new Result(prefix, primary, secondary, evidence.toString().trim());
    }

    /** Observations per {@code periodMillis}, or 0 unless the interval divides it into 2..maxLag. */
    private static int lagFor(long periodMillis, long intervalMillis, long maxLag) {
        if (intervalMillis >= periodMillis || periodMillis % intervalMillis != 0) {
            return 0;
        }
        long lag = periodMillis / intervalMillis;
        return lag >= 2 && lag <= maxLag ? (int) lag : 0;
    }

    private static long index(long t, long origin, long interval) {
        return Math.floorDiv(t - origin + interval / 2, interval);
    }

    /** The first {@code length} slots from the first timestamp, NaN where a point is missing. */
    private static double[] regularPrefix(long[] ts, double[] v, long interval, int length) {
        double[] x = new double[length];
        Arrays.fill(x, Double.NaN);
        for (int i = 0; i < ts.length; i++) {
            long k = index(ts[i], ts[0], interval);
            if (k >= length) {
                break;
            }
            if (k >= 0) {
                x[(int) k] = v[i];
            }
        }
        return x;
    }

    /** Removes the least-squares line in place; false when nothing varies around it. */
    private static boolean detrend(double[] x) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                n++;
                sx += i;
                sy += x[i];
                sxx += (double) i * i;
                sxy += i * x[i];
            }
        }
        if (n < 3) {
            return false;
        }
        double denom = n * sxx - sx * sx;
        double slope = denom == 0 ? 0 : (n * sxy - sx * sy) / denom;
        double intercept = (sy - slope * sx) / n;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                x[i] -= intercept + slope * i;
                ss += x[i] * x[i];
            }
        }
        return ss > 1e-12 * Math.max(1.0, Math.abs(sy / n)) * n;
    }

    /**
     * Pulls values beyond median ± {@value #WINSOR_MADS} robust sigmas (1.4826 MAD) in to that bound, so
     * a few anomalies in the prefix cannot hide or fake a period. Seasonal swings stay inside the bound.
     */
    private static void winsorise(double[] x) {
        double[] present = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double median = present[(present.length - 1) / 2];
        double[] dev = Arrays.stream(present).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = dev[(dev.length - 1) / 2];
        if (!(mad > 0)) {
            return;
        }
        double bound = WINSOR_MADS * 1.4826 * mad;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                x[i] = Math.max(median - bound, Math.min(median + bound, x[i]));
            }
        }
    }

    /**
     * A copy of {@code x} whose values are pulled in to {@value #PROFILE_CLIP_SIGMAS} robust sigmas around
     * the per-phase median profile of {@code period}: an anomaly is judged against its own phase (a spike
     * at a quiet hour stands out even if busy hours are higher), while the seasonal shape, if there is
     * one, is untouched. With no seasonality the profile is noise and almost nothing is clipped.
     */
    private static double[] clipAroundProfile(double[] x, int period) {
        double[] profile = new double[period];
        for (int phase = 0; phase < period; phase++) {
            int count = 0;
            for (int i = phase; i < x.length; i += period) {
                if (!Double.isNaN(x[i])) {
                    count++;
                }
            }
            double[] values = new double[count];
            int k = 0;
            for (int i = phase; i < x.length; i += period) {
                if (!Double.isNaN(x[i])) {
                    values[k++] = x[i];
                }
            }
            profile[phase] = count == 0 ? 0 : median(values);
        }
        double[] out = x.clone();
        double[] residuals = Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                residuals[k++] = Math.abs(x[i] - profile[i % period]);
            }
        }
        double sigma = 1.4826 * median(residuals);
        if (!(sigma > 0)) {
            return out;
        }
        double bound = PROFILE_CLIP_SIGMAS * sigma;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                double base = profile[i % period];
                out[i] = Math.max(base - bound, Math.min(base + bound, x[i]));
            }
        }
        return out;
    }

    /** Median of {@code values} (sorted in place); upper median for an even count. */
    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** {autocorrelation at lag, number of pairs} over the present pairs, against the whole variance. */
    private static double[] acf(double[] x, int lag) {
        double var = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                var += v * v;
                n++;
            }
        }
        var /= n;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i + lag < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(x[i + lag])) {
                sum += x[i] * x[i + lag];
                pairs++;
            }
        }
        if (pairs == 0 || var <= 0) {
            return new double[] {0, 1};
        }
        return new double[] {sum / pairs / var, pairs};
    }

    /** Smallest lag whose autocorrelation is a significant local peak within 90% of the best one. */
    private static int genericPeak(double[] x, StringBuilder evidence) {
        int maxLag = Math.min(x.length / 3, Seasonality.MAX_SLOTS);
        if (maxLag < 3) {
            return 0;
        }
        double[] r = new double[maxLag + 2];
        double[] pairs = new double[maxLag + 2];
        for (int lag = 1; lag <= maxLag + 1; lag++) {
            double[] a = acf(x, lag);
            r[lag] = a[0];
            pairs[lag] = a[1];
        }
        double best = 0;
        int bestLag = 0;
        boolean[] peak = new boolean[maxLag + 1];
        for (int lag = 2; lag <= maxLag; lag++) {
            boolean isPeak = r[lag] > r[lag - 1] && r[lag] >= r[lag + 1]
                    && r[lag] >= Math.max(ACF_MIN, GENERIC_SIGMAS / Math.sqrt(pairs[lag]));
            peak[lag] = isPeak;
            if (isPeak && r[lag] > best) {
                best = r[lag];
                bestLag = lag;
            }
        }
        if (bestLag == 0) {
            return 0;
        }
        for (int lag = 2; lag < bestLag; lag++) {
            if (peak[lag] && r[lag] >= 0.9 * best) {
                bestLag = lag;
                break;
            }
        }
        evidence.append(String.format(Locale.ROOT, " peak acf(%d)=%.2f", bestLag, r[bestLag]));
        return bestLag;
    }

    /** Variance (2 degrees of freedom used) of {@code y[0..n)} around its least-squares line in index. */
    private static double residualVarianceAroundLine(double[] y, int n) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += i;
            sy += y[i];
            sxx += (double) i * i;
            sxy += i * y[i];
        }
        double denom = n * sxx - sx * sx;
        double slope = denom == 0 ? 0 : (n * sxy - sx * sy) / denom;
        double intercept = (sy - slope * sx) / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * i;
            ss += r * r;
        }
        return ss / (n - 2);
    }

    /**
     * Variance of the day means of the residuals (after the time-of-day profile) divided by the variance
     * one would expect from their within-day noise. The noise is measured on successive differences
     * within a day, so a multiplicative day effect that scales the whole profile does not inflate it.
     */
    private static double dayEffectRatio(double[] x, int dayLag) {
        int days = x.length / dayLag;
        double[] profile = new double[dayLag];
        int[] counts = new int[dayLag];
        for (int i = 0; i < days * dayLag; i++) {
            if (!Double.isNaN(x[i])) {
                profile[i % dayLag] += x[i];
                counts[i % dayLag]++;
            }
        }
        for (int s = 0; s < dayLag; s++) {
            profile[s] = counts[s] == 0 ? 0 : profile[s] / counts[s];
        }
        double[] dayMeans = new double[days];
        int usableDays = 0;
        double diffSq = 0;
        int diffs = 0;
        double pointsPerDay = 0;
        for (int d = 0; d < days; d++) {
            double sum = 0;
            int m = 0;
            double prev = Double.NaN;
            for (int s = 0; s < dayLag; s++) {
                double v = x[d * dayLag + s];
                if (Double.isNaN(v)) {
                    prev = Double.NaN;
                    continue;
                }
                double e = v - profile[s];
                sum += e;
                m++;
                if (!Double.isNaN(prev)) {
                    diffSq += (e - prev) * (e - prev);
                    diffs++;
                }
                prev = e;
            }
            if (m * 2 >= dayLag) {
                dayMeans[usableDays++] = sum / m;
                pointsPerDay += m;
            }
        }
        if (usableDays < 4 || diffs < 2) {
            return 0;
        }
        pointsPerDay /= usableDays;
        // Day means around their own straight line: a steady trend is the level's job, not a weekly cycle.
        double between = residualVarianceAroundLine(dayMeans, usableDays);
        double noiseVar = diffSq / diffs / 2.0;
        if (noiseVar <= 0) {
            return between > 0 ? Double.MAX_VALUE : 0;
        }
        return between / (noiseVar / pointsPerDay);
    }
}
