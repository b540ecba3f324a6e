package mrs.udfs.detect;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Describes the two seasonal cycles of a regularly sampled series and maps a timestamp to its slot in
 * each. The detector's expected value is {@code slotLevel[primarySlot] × secondaryFactor[secondarySlot]},
 * so this class decides how many baseline slots a key keeps and which of them an observation belongs to.
 *
 * <p>Two ways to build one, both ending in this single class so the streaming job and the offline scorer
 * run the very same detector:
 *
 * <ul>
 *   <li>{@link #calendar(Duration, ZoneId)}: slots from the local calendar (stores are in the UK, so the
 *       streaming default is {@link #UK}). Sub-daily intervals get a time-of-day primary cycle and a
 *       day-of-week secondary cycle; a one-day interval gets a day-of-week primary cycle; longer intervals
 *       get no cycle. Local time means the slot follows the shop's clock across daylight saving changes.
 *   <li>{@link #periodic(Duration, long, int, int)}: learned periods in observations, counted from an origin
 *       instant (used by the offline scorer, whose periods are estimated from the data).
 * </ul>
 *
 * <p>A cycle that is absent has exactly one slot, so callers never special-case "no seasonality".
 */
public final class Seasonality implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The streaming default zone: every store is in the UK. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * Upper bound on slots per cycle. One slot per minute of the day; finer cycles would make the per-key
     * state grow past what managed state should hold and each slot would learn from too few points.
     */
    public static final int MAX_SLOTS = 1440;

    private static final long MINUTE_MS = 60_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final int DAYS_PER_WEEK = 7;
    /** Epoch day 0 (1970-01-01) was a Thursday; with Monday = 0 that is index 3. */
    private static final int EPOCH_DAY_OF_WEEK = 3;
    /** Floor on any default warm-up: level and spread need a handful of points even without a cycle. */
    private static final int MIN_WARMUP = 14;

    private enum Kind {
        /** Time-of-day primary, day-of-week secondary (interval < 1 day and dividing it). */
        CALENDAR_INTRADAY,
        /** Day-of-week primary, no secondary (interval of exactly 1 day). */
        CALENDAR_DAILY,
        /** Slots counted in observations from an origin. Also used for "no cycle at all". */
        PERIODIC
    }

    private final Kind kind;
    private final long intervalMillis;
    private final ZoneId zone; // only for the calendar kinds
    private final long originMillis; // only for PERIODIC
    private final int primarySlots;
    private final int secondarySlots;
    private final int defaultWarmup;

    private Seasonality(
            Kind kind,
            long intervalMillis,
            ZoneId zone,
            long originMillis,
            int primarySlots,
            int secondarySlots,
            int defaultWarmup) {
        this.kind = kind;
        this.intervalMillis = intervalMillis;
        this.zone = zone;
        this.originMillis = originMillis;
        this.primarySlots = primarySlots;
        this.secondarySlots = secondarySlots;
        this.defaultWarmup = defaultWarmup;
    }

    /**
     * Calendar seasonality for windows of {@code interval} in {@code zone}.
     *
     * <ul>
     *   <li>interval &lt; 1 day: it must divide a day and be at least one minute; primary cycle = time of
     *       day ({@code 1 day / interval} slots), secondary = day of week (7 slots, Monday first).
     *   <li>interval = 1 day: primary = day of week, no secondary.
     *   <li>interval &gt; 1 day: no cycle.
     * </ul>
     *
     * <p>Default warm-up: seven days' worth of observations (at least three visits per primary slot and
     * at least {@value #MIN_WARMUP} observations).
     *
     * @throws IllegalArgumentException if the interval is not positive, is below a minute, or is
     *     sub-daily without dividing a day
     */
    public static Seasonality calendar(Duration interval, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        long ms = intervalMillis(interval);
        if (ms < DAY_MS) {
            if (ms < MINUTE_MS) {
                throw new IllegalArgumentException(
                        "calendar seasonality needs an interval of at least one minute, got " + interval);
            }
            if (DAY_MS % ms != 0) {
                throw new IllegalArgumentException(
                        "calendar seasonality needs a sub-daily interval that divides a day (e.g. PT15M,"
                                + " PT1H), got " + interval);
            }
            int perDay = (int) (DAY_MS / ms);
            int warmup = Math.max(Math.max(DAYS_PER_WEEK * perDay, 3 * perDay), MIN_WARMUP);
            return new Seasonality(Kind.CALENDAR_INTRADAY, ms, zone, 0L, perDay, DAYS_PER_WEEK, warmup);
        }
        if (ms == DAY_MS) {
            int warmup = Math.max(3 * DAYS_PER_WEEK, MIN_WARMUP);
            return new Seasonality(Kind.CALENDAR_DAILY, ms, zone, 0L, DAYS_PER_WEEK, 1, warmup);
        }
        return new Seasonality(Kind.PERIODIC, ms, zone, 0L, 1, 1, MIN_WARMUP);
    }

    /** {@link #calendar(Duration, ZoneId)} in {@link #UK} local time: the streaming default. */
    public static Seasonality calendar(Duration interval) {
        return calendar(interval, UK);
    }

    /**
     * Seasonality with periods counted in observations from {@code originMillis}: observation index
     * {@code i = round((t - origin) / interval)}, primary slot {@code i mod primaryPeriodObs}, secondary
     * slot {@code (i div primaryPeriodObs) mod (secondaryPeriodObs / primaryPeriodObs)}. Missing
     * observations simply leave their index unused, so gaps never shift later slots.
     *
     * <p>Default warm-up: one full secondary cycle, at least three primary cycles and at least
     * {@value #MIN_WARMUP} observations.
     *
     * @param primaryPeriodObs the finer period in observations, 0 or 1 for none
     * @param secondaryPeriodObs the coarser period in observations, 0 or 1 for none; must be a multiple of
     *     the primary period (the secondary cycle is made of whole primary cycles, like a week of days)
     * @throws IllegalArgumentException on a non-positive interval, negative or too many periods, or a
     *     secondary period that is not a whole multiple of the primary one
     */
    public static Seasonality periodic(
            Duration interval, long originMillis, int primaryPeriodObs, int secondaryPeriodObs) {
        long ms = intervalMillis(interval);
        if (primaryPeriodObs < 0 || secondaryPeriodObs < 0) {
            throw new IllegalArgumentException(
                    "periods must be >= 0 (0 = none), got primary=" + primaryPeriodObs
                            + " secondary=" + secondaryPeriodObs);
        }
        int primary = Math.max(1, primaryPeriodObs);
        if (primary > MAX_SLOTS) {
            throw new IllegalArgumentException(
                    "primary period must be <= " + MAX_SLOTS + " observations, got " + primaryPeriodObs);
        }
        int secondary = 1;
        if (secondaryPeriodObs > 1) {
            if (primary == 1) {
                throw new IllegalArgumentException(
                        "a secondary period needs a primary period; pass " + secondaryPeriodObs
                                + " as the primary period instead");
            }
            if (secondaryPeriodObs % primary != 0 || secondaryPeriodObs == primary) {
                throw new IllegalArgumentException(
                        "secondary period must be a whole multiple (>1) of the primary period, got primary="
                                + primaryPeriodObs + " secondary=" + secondaryPeriodObs);
            }
            secondary = secondaryPeriodObs / primary;
            if (secondary > MAX_SLOTS) {
                throw new IllegalArgumentException(
                        "secondary period spans more than " + MAX_SLOTS + " primary cycles: "
                                + secondaryPeriodObs);
            }
        }
        int warmup = Math.max(Math.max(primary * secondary, primary > 1 ? 3 * primary : 0), MIN_WARMUP);
        return new Seasonality(Kind.PERIODIC, ms, null, originMillis, primary, secondary, warmup);
    }

    /** No cycle at all: the baseline is a single robust level. */
    public static Seasonality none(Duration interval) {
        return periodic(interval, 0L, 0, 0);
    }

    private static long intervalMillis(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        long ms = interval.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("interval must be at least 1 ms, got " + interval);
        }
        return ms;
    }

    /** Number of slots in the primary cycle; 1 when there is none. */
    public int primarySlots() {
        return primarySlots;
    }

    /** Number of slots in the secondary cycle; 1 when there is none. */
    public int secondarySlots() {
        return secondarySlots;
    }

    /**
     * Observations that fall in one secondary slot (a day has {@code primarySlots()} of them). The
     * detector spreads a secondary factor's learning over this many observations.
     */
    public int observationsPerSecondarySlot() {
        return primarySlots;
    }

    /** The sampling interval. */
    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    /** Default warm-up in observations, as documented on the factory that built this instance. */
    public int defaultWarmupObservations() {
        return defaultWarmup;
    }

    /** Primary slot of the observation at {@code timestampMillis}, in {@code [0, primarySlots())}. */
    public int primarySlot(long timestampMillis) {
        switch (kind) {
            case CALENDAR_INTRADAY:
                return (int) (Math.floorMod(localMillis(timestampMillis), DAY_MS) / intervalMillis);
            case CALENDAR_DAILY:
                return dayOfWeek(timestampMillis);
            default:
                return primarySlots == 1 ? 0 : (int) Math.floorMod(index(timestampMillis), (long) primarySlots);
        }
    }

    /** Secondary slot of the observation at {@code timestampMillis}, in {@code [0, secondarySlots())}. */
    public int secondarySlot(long timestampMillis) {
        switch (kind) {
            case CALENDAR_INTRADAY:
                return dayOfWeek(timestampMillis);
            case CALENDAR_DAILY:
                return 0;
            default:
                if (secondarySlots == 1) {
                    return 0;
                }
                long cycle = Math.floorDiv(index(timestampMillis), (long) primarySlots);
                return (int) Math.floorMod(cycle, (long) secondarySlots);
        }
    }

    /** Observation index from the origin, rounded to the nearest interval so small jitter is harmless. */
    private long index(long timestampMillis) {
        return Math.floorDiv(timestampMillis - originMillis + intervalMillis / 2, intervalMillis);
    }

    private long localMillis(long timestampMillis) {
        int offsetSeconds =
                zone.getRules().getOffset(Instant.ofEpochMilli(timestampMillis)).getTotalSeconds();
        return timestampMillis + offsetSeconds * 1000L;
    }

    private int dayOfWeek(long timestampMillis) {
        long epochDay = Math.floorDiv(localMillis(timestampMillis), DAY_MS);
        return (int) Math.floorMod(epochDay + EPOCH_DAY_OF_WEEK, (long) DAYS_PER_WEEK);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Seasonality)) {
            return false;
        }
        Seasonality that = (Seasonality) o;
        return kind == that.kind
                && intervalMillis == that.intervalMillis
                && originMillis == that.originMillis
                && primarySlots == that.primarySlots
                && secondarySlots == that.secondarySlots
                && Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, intervalMillis, zone, originMillis, primarySlots, secondarySlots);
    }

    @Override
    public String toString() {
        switch (kind) {
            case CALENDAR_INTRADAY:
                return "Seasonality[calendar " + interval() + " in " + zone + ": time-of-day "
                        + primarySlots + " x day-of-week " + secondarySlots + "]";
            case CALENDAR_DAILY:
                return "Seasonality[calendar P1D in " + zone + ": day-of-week " + primarySlots + "]";
            default:
                if (primarySlots == 1) {
                    return "Seasonality[" + interval() + ": none]";
                }
                return "Seasonality[" + interval() + " from " + Instant.ofEpochMilli(originMillis)
                        + ": period " + primarySlots
                        + (secondarySlots > 1 ? " x " + secondarySlots + " (= " + primarySlots * secondarySlots
                                + " obs)" : "")
                        + "]";
        }
    }
}
