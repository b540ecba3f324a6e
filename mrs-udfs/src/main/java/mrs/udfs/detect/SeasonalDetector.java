package mrs.udfs.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Robust seasonal anomaly detector for one regularly sampled series per key (units or revenue per window).
 * It is stateless: everything it learns lives in a {@link BaselineState} the caller keeps (Flink managed
 * state in the streaming job, a local variable in the offline scorer), so one instance serves all keys.
 *
 * <p>Model. {@code expected = slotLevels[p] × secondaryFactors[q]} for the observation's primary slot
 * {@code p} (e.g. hour of day) and secondary slot {@code q} (e.g. day of week), see {@link Seasonality}.
 * Multiplicative, because a busy Saturday lifts every hour and a quiet night stays near zero whatever the
 * day; slot levels (rather than one level × factors) let zero nights and a zero start learn without ever
 * dividing by an unknown level.
 *
 * <p>Spread. {@code spread = max(minSpread, poissonFloor·√expected, √(π/2)·dispersion·√max(expected, 1))}:
 * the learned dispersion is a mean absolute deviation (robust to outliers, scaled to a standard deviation
 * for Gaussian noise) per √unit, so count data whose variance grows with the mean share one number; the
 * floors keep a near-zero hour from turning one sale into a huge z.
 *
 * <p>Verdict ({@link #assess}). {@code z = (actual − expected) / spread} for non-count series and its
 * variance-stabilised form for counts (see {@link #countZ}); anomalous only when warm,
 * {@code |z| ≥ zThreshold} and the practical rules hold: a spike needs {@code lift ≥ minSpikeLift} and
 * {@code actual − expected ≥ minAbsDelta}; a drop needs {@code lift ≤ maxDropRatio},
 * {@code expected − actual ≥ minAbsDelta} and {@code expected ≥ minExpectedForDrop}. The score is the
 * Hill function {@code |z|⁴ / (|z|⁴ + zThreshold⁴)} (a logistic in log|z|): 0 at z = 0, exactly 0.5 at the
 * threshold, about 0.84 at 1.5× and 0.94 at 2× the threshold; it never saturates to exactly 1 for
 * realistic z, so scores keep ranking big anomalies.
 *
 * <p>Learning ({@link #update}). First the residual is made robust. What the dispersion learns is
 * Huber-clipped to {@code ±huberK·spread}; what the level, trend and seasonal shape learn is the same
 * clipped residual, shrunk further once |z| passes {@code max(huberK, zThreshold)} (a Hampel-type ψ that
 * descends as {@code 1/|z|} but never reaches 0). So a spike teaches the baseline less than a borderline
 * normal value would and a multi-hour spike barely moves it, while a lasting change still gets through:
 * its clipped residuals keep pushing the same way and widen the dispersion until z falls back into the
 * Huber zone. Then, in this order:
 *
 * <ol>
 *   <li>the dispersion learns {@code |residual| / √max(expected, 1)} ({@code spreadRate} per
 *       observation);
 *   <li>the level moves every learned slot by the same proportion, {@code levelRate / primarySlots ×
 *       residual / meanLevel} (so {@code levelRate} is per cycle, e.g. per day; an absolute residual, so
 *       busy hours, which carry the information, weigh most), and a damped trend learns from those moves
 *       ({@code trendRate}, keeping {@code trendDamping} of itself per cycle);
 *   <li>the secondary factor learns {@code observation / slotLevel}, weighted by the slot's share of the
 *       mean (a quiet night says little about the day) and spread over a whole secondary slot (so a
 *       day-of-week factor moves about {@code seasonalRate} per day of data, not per hour);
 *   <li>the slot level learns {@code observation / secondaryFactor} ({@code seasonalRate} per visit);
 *   <li>the secondary factors are scaled back to mean 1, the slot levels taking the inverse scale so
 *       nothing expected changes, and the trend is applied for the next observation.
 * </ol>
 *
 * <p>Every rate starts as a running mean ({@code 1/(visits+1)}) and settles at its configured value, which
 * gives a sane baseline after one cycle. Clipping starts once a slot has been seen and a few residuals have
 * been measured, and is twice as wide during warm-up, so a first week that is still learning the daily
 * shape is not clipped into a flat line. The first visit of a slot sets it from the observation itself.
 *
 * <p>Guarantees: pure arithmetic, no randomness and no clock (a replay gives the same numbers); no NaN or
 * infinity ever reaches the state or an assessment (inputs are clamped to ±{@value #VALUE_LIMIT}, every
 * division is guarded); non-finite inputs are rejected.
 */
public final class SeasonalDetector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Saturation of {@link BaselineState#slotVisits} and {@link BaselineState#dispersionUpdates}. */
    public static final int VISITS_CAP = 1_000_000;
    /** Saturation of {@link BaselineState#secondaryWeights}. */
    public static final double WEIGHT_CAP = 1.0e6;
    /** |z| is clamped to this so a zero spread floor or a gigantic value never yields infinity. */
    public static final double Z_LIMIT = 1.0e9;
    /** |lift| is clamped to this. */
    public static final double LIFT_LIMIT = 1.0e9;
    /** Denominator floor for lift: an expected value below it counts as this much (value units). */
    public static final double LIFT_DENOMINATOR_FLOOR = 0.01;
    /** Inputs are clamped to ±this before learning, so products of state values stay far from overflow. */
    public static final double VALUE_LIMIT = 1.0e100;
    /** A slot must have been learned this many times before its observations get a verdict. */
    public static final int MIN_SLOT_VISITS = 2;

    /** Mean absolute deviation × √(π/2) = standard deviation, for Gaussian noise. */
    private static final double MAD_TO_SIGMA = Math.sqrt(Math.PI / 2.0);
    /** Residuals measured before clipping starts; before that the spread is still the bare floor. */
    private static final int MIN_DISPERSION_UPDATES_FOR_CLIP = 8;
    /** Clip width multiplier while warming up: the shape is still being learned. */
    private static final double WARMUP_CLIP_WIDENING = 2.0;
    /** One observation can move the level by at most ×2 or ×0.5, whatever its residual. */
    private static final double MAX_LEVEL_STEP = 2.0;
    /** The trend is clamped to ±this relative change per primary cycle (e.g. ±20% a day). */
    private static final double MAX_TREND_PER_CYCLE = 0.2;
    /** Pseudo-exposure (in secondary slots) at factor 1 that a new secondary slot starts from. */
    private static final double SECONDARY_PRIOR = 0.25;
    private static final double EPS = 1.0e-12;

    private final Seasonality seasonality;
    private final DetectorConfig config;
    private final int warmup;

    /** A detector for {@code seasonality} with {@code config}. */
    public SeasonalDetector(Seasonality seasonality, DetectorConfig config) {
        this.seasonality = Objects.requireNonNull(seasonality, "seasonality");
        this.config = Objects.requireNonNull(config, "config");
        this.warmup = config.resolveWarmup(seasonality);
    }

    /** The streaming default: calendar seasonality for {@code interval} in UK time, default config. */
    public static SeasonalDetector calendar(Duration interval) {
        return new SeasonalDetector(Seasonality.calendar(interval), DetectorConfig.defaults());
    }

    /** The seasonality this detector lays states out for. */
    public Seasonality seasonality() {
        return seasonality;
    }

    /** The thresholds and rates. */
    public DetectorConfig config() {
        return config;
    }

    /** Observations a key must have learned before anything is flagged (resolved from the config). */
    public int warmupObservations() {
        return warmup;
    }

    /** A state laid out for this detector's seasonality (an empty {@code new BaselineState()} works too). */
    public BaselineState newState() {
        BaselineState s = new BaselineState();
        layOut(s);
        return s;
    }

    /**
     * Assesses {@code actual} at {@code timestampMillis} against what {@code state} has learned so far,
     * without changing it. Call it before {@link #update} so an observation is never judged against a
     * baseline it already taught. A state laid out for another seasonality counts as empty.
     *
     * @throws IllegalArgumentException if {@code actual} is NaN or infinite
     */
    public Assessment assess(BaselineState state, long timestampMillis, double actual) {
        Objects.requireNonNull(state, "state");
        requireFinite(actual);
        boolean fits = fits(state);
        int p = seasonality.primarySlot(timestampMillis);
        int q = seasonality.secondarySlot(timestampMillis);
        double expected = fits ? expected(state, p, q) : 0.0;
        double spread = spread(fits ? state.dispersion : 0.0, expected);
        // Counts (the Poisson floor is on) are judged on the variance-stabilised scale; other series as is.
        double rawZ = config.poissonFloor() > 0.0
                ? countZ(actual, expected, spread)
                : (actual - expected) / spread;
        double z = clamp(rawZ, -Z_LIMIT, Z_LIMIT);
        double lift = lift(actual, expected);
        boolean warm = fits
                && state.observations >= warmup
                && state.slotVisits[p] >= MIN_SLOT_VISITS;

        Direction direction = Direction.NONE;
        if (warm) {
            double threshold = config.zThreshold();
            if (z >= threshold
                    && lift >= config.minSpikeLift()
                    && actual - expected >= config.minAbsDelta()) {
                direction = Direction.SPIKE;
            } else if (z <= -threshold
                    && lift <= config.maxDropRatio()
                    && expected - actual >= config.minAbsDelta()
                    && expected >= config.minExpectedForDrop()) {
                direction = Direction.DROP;
            }
        }
        double score = warm ? score(z, config.zThreshold()) : 0.0;
        return new Assessment(
                actual, expected, spread, z, lift, direction, direction != Direction.NONE, warm, score);
    }

    /**
     * Teaches {@code state} the observation {@code actual} at {@code timestampMillis}, robustly (see the
     * class comment). Observations must come in increasing time order per key: one at or before the last
     * learned timestamp is ignored, so a window that fires twice is not learned twice. An empty or
     * differently laid-out state is laid out first.
     *
     * @throws IllegalArgumentException if {@code actual} is NaN or infinite
     */
    public void update(BaselineState state, long timestampMillis, double actual) {
        Objects.requireNonNull(state, "state");
        requireFinite(actual);
        if (!fits(state)) {
            layOut(state);
        }
        if (timestampMillis <= state.lastTimestamp) {
            return;
        }
        double y = clamp(actual, -VALUE_LIMIT, VALUE_LIMIT);
        int p = seasonality.primarySlot(timestampMillis);
        int q = seasonality.secondarySlot(timestampMillis);
        double[] levels = state.slotLevels;
        int[] visits = state.slotVisits;
        double[] factors = state.secondaryFactors;

        boolean slotKnown = visits[p] > 0;
        double meanLevel = meanLevel(state);
        double levelRef = slotKnown ? levels[p] : meanLevel;
        double expected = levelRef * factors[q];
        double spread = spread(state.dispersion, expected);
        boolean warm = state.observations >= warmup;

        // Robust residuals. Before a slot has been seen, or before any residual has been measured, the
        // "expected" value is ignorance, not a baseline, and clipping to it would freeze the first guess.
        double raw = y - expected;
        double spreadResidual = raw; // Huber: what the dispersion learns
        double locationResidual = raw; // Hampel-type: what the level, factors and slots learn
        if (slotKnown && state.dispersionUpdates >= MIN_DISPERSION_UPDATES_FOR_CLIP) {
            double widen = warm ? 1.0 : WARMUP_CLIP_WIDENING;
            double bound = config.huberK() * spread * widen;
            double abs = Math.abs(raw);
            if (abs > bound) {
                double redescendFrom =
                        Math.max(config.huberK(), config.zThreshold()) * spread * widen;
                spreadResidual = Math.copySign(bound, raw);
                locationResidual = Math.copySign(bound * Math.min(1.0, redescendFrom / abs), raw);
            }
        }
        double yc = expected + locationResidual;
        double residual = locationResidual;

        // 1. Dispersion, from slots already seen (elsewhere the residual is the first guess's error).
        if (slotKnown) {
            double target = Math.abs(spreadResidual) / Math.sqrt(Math.max(expected, 1.0));
            double rate = Math.max(config.spreadRate(), 1.0 / (state.dispersionUpdates + 1.0));
            state.dispersion =
                    clamp(state.dispersion + rate * (target - state.dispersion), 0.0, VALUE_LIMIT);
            state.dispersionUpdates = Math.min(VISITS_CAP, state.dispersionUpdates + 1);
        }

        // 2. Level and trend: every learned slot moves by the same proportion; the trend (damped Holt)
        //    learns from those corrections, so a steady rise or fall is followed without a lag.
        int cycle = levels.length;
        if (slotKnown && meanLevel > EPS) {
            double correction = config.levelRate() / cycle * residual / meanLevel;
            double k = clamp(1.0 + correction, 1.0 / MAX_LEVEL_STEP, MAX_LEVEL_STEP);
            for (int i = 0; i < levels.length; i++) {
                if (visits[i] > 0) {
                    levels[i] = Math.min(VALUE_LIMIT, levels[i] * k);
                }
            }
            levelRef = levels[p];
            double damping = Math.pow(config.trendDamping(), 1.0 / cycle);
            double maxTrend = MAX_TREND_PER_CYCLE / cycle;
            state.trend = clamp(
                    damping * state.trend + config.trendRate() * (k - 1.0), -maxTrend, maxTrend);
        }

        // 3. Secondary factor: ratio of this observation to its slot level, weighted by the slot's share
        //    (a quiet night says little about the day) and spread over a whole secondary slot.
        int secondarySlots = factors.length;
        if (secondarySlots > 1) {
            double[] weights = state.secondaryWeights;
            int perSlot = seasonality.observationsPerSecondarySlot();
            if (!slotKnown) {
                // A first visit sets the slot level in this secondary slot's frame: its factor is the
                // reference, so it counts as seen (the first day of a series defines factor 1).
                weights[q] = Math.min(WEIGHT_CAP, weights[q] + 1.0 / perSlot);
            } else if (levelRef > EPS) {
                double share = meanLevel > EPS ? levelRef / meanLevel : 1.0;
                double exposure = share / perSlot;
                weights[q] = Math.min(WEIGHT_CAP, weights[q] + exposure);
                // Running mean of the ratio weighted by exposure, with a small prior at factor 1 so the
                // first (night) hour of a new day does not set the whole day's factor on its own.
                double rate = Math.min(1.0,
                        exposure * Math.max(config.seasonalRate(), 1.0 / (weights[q] + SECONDARY_PRIOR)));
                double target = yc / levelRef;
                factors[q] = clamp(factors[q] + rate * (target - factors[q]), 0.0, secondarySlots);
            }
        }

        // 4. Slot level: this observation with the secondary effect divided out. Weighted by the factor,
        //    so a near-closed day does not amplify its noise into the time-of-day shape.
        double f = factors[q];
        if (f > EPS) {
            double target = yc / f;
            double rate = 1.0; // first visit: the slot starts from this observation
            if (visits[p] > 0) {
                double perVisit = Math.max(config.seasonalRate(), 1.0 / (visits[p] + 1.0));
                rate = Math.min(1.0, perVisit * Math.min(f, 1.0));
            }
            levels[p] = clamp(levels[p] + rate * (target - levels[p]), 0.0, VALUE_LIMIT);
            visits[p] = Math.min(VISITS_CAP, visits[p] + 1);
        }

        // 5. Keep the secondary factors at mean 1 over the slots seen, moving the scale into the levels.
        if (secondarySlots > 1) {
            normaliseSecondary(state);
        }

        // 6. Carry the trend into the next observation's baseline.
        if (state.trend != 0.0) {
            double growth = 1.0 + state.trend;
            for (int i = 0; i < levels.length; i++) {
                if (visits[i] > 0) {
                    levels[i] = Math.min(VALUE_LIMIT, levels[i] * growth);
                }
            }
        }

        state.observations++;
        state.lastTimestamp = timestampMillis;
    }

    /** {@link #assess} then {@link #update}: the verdict is against the baseline before this value. */
    public Assessment assessAndUpdate(BaselineState state, long timestampMillis, double actual) {
        Assessment a = assess(state, timestampMillis, actual);
        update(state, timestampMillis, actual);
        return a;
    }

    /** The baseline (expected value) {@code state} holds for {@code timestampMillis}; 0 if empty. */
    public double expected(BaselineState state, long timestampMillis) {
        Objects.requireNonNull(state, "state");
        if (!fits(state)) {
            return 0.0;
        }
        return expected(state,
                seasonality.primarySlot(timestampMillis), seasonality.secondarySlot(timestampMillis));
    }

    /**
     * Anomaly score in [0, 1] for {@code z}: {@code |z|⁴ / (|z|⁴ + zThreshold⁴)}, monotone in |z|, 0.5 at
     * the threshold. Written as {@code 1 / (1 + (zThreshold/|z|)⁴)} so neither 0 nor huge z gives NaN.
     */
    public static double score(double z, double zThreshold) {
        double a = Math.abs(z);
        if (!(a > 0.0)) {
            return 0.0;
        }
        double r = zThreshold / a;
        double r2 = r * r;
        return 1.0 / (1.0 + r2 * r2);
    }

    /**
     * The deviation of a count from its baseline in standard units: the Poisson tail probability of
     * the count as a normal z ({@link CountTail}), divided by the learned over-dispersion (spread
     * relative to the Poisson √μ, at least 1). For large counts this is {@code (x − μ)/spread}; for
     * small ones both tails get their real significance: a busy hour (μ = 21) that sells nothing is a
     * drop far beyond the threshold, while 7 units against 1.3 at night is noise (z ≈ 3.4, not the
     * Gaussian 5.7).
     */
    static double countZ(double actual, double expected, double spread) {
        double mu = Math.max(expected, 0.0);
        double poissonSd = Math.sqrt(mu);
        double overdispersion = poissonSd > 0.0 ? Math.max(1.0, spread / poissonSd) : 1.0;
        return CountTail.z(actual, mu) / overdispersion;
    }

    private double expected(BaselineState s, int p, int q) {
        double level = s.slotVisits[p] > 0 ? s.slotLevels[p] : meanLevel(s);
        return level * s.secondaryFactors[q];
    }

    private double spread(double dispersion, double expected) {
        double e = Math.max(expected, 0.0);
        double learned = MAD_TO_SIGMA * dispersion * Math.sqrt(Math.max(e, 1.0));
        double poisson = config.poissonFloor() * Math.sqrt(e);
        return Math.max(config.minSpread(), Math.max(poisson, learned));
    }

    private static double lift(double actual, double expected) {
        if (actual == expected) {
            return 1.0; // also 0/0: nothing changed
        }
        return clamp(actual / Math.max(expected, LIFT_DENOMINATOR_FLOOR), -LIFT_LIMIT, LIFT_LIMIT);
    }

    /** Mean of the learned slot levels: the overall level per observation; 0 before anything is learned. */
    private static double meanLevel(BaselineState s) {
        double sum = 0.0;
        int n = 0;
        for (int i = 0; i < s.slotLevels.length; i++) {
            if (s.slotVisits[i] > 0) {
                sum += s.slotLevels[i];
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    private static void normaliseSecondary(BaselineState s) {
        double[] factors = s.secondaryFactors;
        double[] weights = s.secondaryWeights;
        double sum = 0.0;
        int seen = 0;
        for (int i = 0; i < factors.length; i++) {
            if (weights[i] > 0.0) {
                sum += factors[i];
                seen++;
            }
        }
        if (seen == 0) {
            return;
        }
        double mean = sum / seen;
        if (!(mean > EPS)) {
            // Every seen slot decayed to zero: nothing tells the slots apart any more, start them over.
            for (int i = 0; i < factors.length; i++) {
                factors[i] = 1.0;
            }
            return;
        }
        for (int i = 0; i < factors.length; i++) {
            if (weights[i] > 0.0) {
                factors[i] /= mean;
            }
        }
        for (int i = 0; i < s.slotLevels.length; i++) {
            if (s.slotVisits[i] > 0) {
                s.slotLevels[i] = Math.min(VALUE_LIMIT, s.slotLevels[i] * mean);
            }
        }
    }

    private boolean fits(BaselineState s) {
        return s.slotLevels != null
                && s.slotVisits != null
                && s.secondaryFactors != null
                && s.secondaryWeights != null
                && s.slotLevels.length == seasonality.primarySlots()
                && s.slotVisits.length == seasonality.primarySlots()
                && s.secondaryFactors.length == seasonality.secondarySlots()
                && s.secondaryWeights.length == seasonality.secondarySlots();
    }

    private void layOut(BaselineState s) {
        s.slotLevels = new double[seasonality.primarySlots()];
        s.slotVisits = new int[seasonality.primarySlots()];
        s.secondaryFactors = new double[seasonality.secondarySlots()];
        Arrays.fill(s.secondaryFactors, 1.0);
        s.secondaryWeights = new double[seasonality.secondarySlots()];
        s.dispersion = 0.0;
        s.dispersionUpdates = 0;
        s.trend = 0.0;
        s.observations = 0L;
        s.lastTimestamp = Long.MIN_VALUE;
    }

    private static void requireFinite(double actual) {
        if (!Double.isFinite(actual)) {
            throw new IllegalArgumentException("actual must be a finite number, got " + actual);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    @Override
    public String toString() {
        return "SeasonalDetector{" + seasonality + ", warmup=" + warmup + ", " + config + '}';
    }
}
