package mrs.serde;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import mrs.records.SaleEvent;

/**
 * Parses and validates one {@code mrs.sales} record against the contract in DESIGN.md. Refuses
 * missing ids, unparseable times, non-integer units, absurd values and event times far in the future,
 * each with a message naming the field.
 */
public final class SalesDeserializer implements Serializable {
    /** More units than this on one POS line is a feed fault, not a sale. */
    public static final int MAX_ABS_UNITS = 10_000;
    /** Revenue beyond this on one line is a feed fault. */
    public static final BigDecimal MAX_ABS_REVENUE = new BigDecimal("1000000");
    /** Event times before this are corrupt (epoch-zero clocks, truncated years). */
    public static final long MIN_EVENT_TIME = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private final long maxFutureSkewMillis;
    private final WallClock clock;

    /** Wall clock for the "far in the future" check only; tests pass a fixed one. */
    @FunctionalInterface
    public interface WallClock extends Serializable {
        long nowMillis();
    }

    public SalesDeserializer(Duration maxFutureSkew) {
        this(maxFutureSkew, System::currentTimeMillis);
    }

    public SalesDeserializer(Duration maxFutureSkew, WallClock clock) {
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
        this.clock = clock;
    }

    public SaleEvent parse(String payload) throws InvalidRecordException {
        ObjectNode o = JsonFields.object(payload);
        SaleEvent e = new SaleEvent();
        e.eventId = JsonFields.requiredId(o, "event_id");
        e.storeId = JsonFields.requiredId(o, "store_id");
        e.sku = JsonFields.requiredId(o, "sku");
        e.eventTime = JsonFields.requiredTime(o, "event_time");
        if (e.eventTime < MIN_EVENT_TIME) {
            throw new InvalidRecordException(
                    "event_time " + Instant.ofEpochMilli(e.eventTime) + " is before 2000-01-01", e.eventTime);
        }
        long now = clock.nowMillis();
        if (e.eventTime > now + maxFutureSkewMillis) {
            throw new InvalidRecordException(
                    "event_time " + Instant.ofEpochMilli(e.eventTime) + " is more than "
                            + Duration.ofMillis(maxFutureSkewMillis) + " in the future",
                    e.eventTime);
        }
        e.units = JsonFields.requiredInt(o, "units");
        if (Math.abs((long) e.units) > MAX_ABS_UNITS) {
            throw new InvalidRecordException(
                    "units " + e.units + " is absurd for one line (limit " + MAX_ABS_UNITS + ")", e.eventTime);
        }
        BigDecimal revenue = JsonFields.requiredDecimal(o, "revenue");
        if (revenue.abs().compareTo(MAX_ABS_REVENUE) > 0) {
            throw new InvalidRecordException(
                    "revenue " + revenue.toPlainString() + " is absurd for one line", e.eventTime);
        }
        e.revenue = revenue.doubleValue();
        e.currency = JsonFields.requiredText(o, "currency");
        if (!CURRENCY.matcher(e.currency).matches()) {
            throw new InvalidRecordException(
                    "currency must be an ISO-4217 code like GBP, got '" + e.currency + "'", e.eventTime);
        }
        e.retailer = JsonFields.optionalText(o, "retailer");
        e.channel = JsonFields.optionalText(o, "channel");
        e.basketId = JsonFields.optionalText(o, "basket_id");
        return e;
    }
}
