package mrs.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad records mixed into the sales stream so the pipeline's {@code _errors} path is exercised:
 * one of each kind in turn, spread evenly over the history, each written at the start of its hour
 * (before that hour's good lines) so the stream stays in event-time order wherever a time can be
 * read. Everything about them is a function of the spec, never of the noise.
 */
final class MalformedLines {

    /** What is wrong with a record, in the order the kinds are used. */
    enum Kind {
        /** Truncated mid-object: not JSON at all. */
        INVALID_JSON,
        /** Well-formed JSON without the required {@code store_id}. */
        MISSING_STORE_ID,
        /** {@code event_time} in a UK display format, not ISO-8601. */
        UNPARSEABLE_EVENT_TIME,
        /** {@code units} is a word. */
        NON_NUMERIC_UNITS,
        /** {@code units} is a billion: parses, but no till sells that. */
        ABSURD_UNITS
    }

    /** A bad record and the index (from the history start) of the hour it opens. */
    record Placed(int hourIndex, Kind kind, String raw) {}

    private static final DateTimeFormatter UK_DISPLAY = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    static final int ABSURD_UNITS = 1_000_000_000;

    private MalformedLines() {}

    static List<Placed> build(EstateSpec spec, List<Store> stores, List<Sku> skus, int hours) {
        int n = spec.malformedLines();
        List<Placed> placed = new ArrayList<>(n);
        Instant start = spec.historyStart();
        for (int i = 0; i < n; i++) {
            // Evenly spaced, never in hour 0: the stream should open with good data.
            int hour = (int) ((long) (i + 1) * hours / (n + 1));
            Kind kind = Kind.values()[i % Kind.values().length];
            // Stride through stores and SKUs so the bad records are not all about one key.
            Store store = stores.get((int) ((i * 37L) % stores.size()));
            Sku sku = skus.get((int) ((i * 11L) % skus.size()));
            ZonedDateTime local = start.plusSeconds(3600L * hour).atZone(EstateSpec.ZONE);
            placed.add(new Placed(hour, kind, line(spec.seed(), i, kind, store, sku, local)));
        }
        return placed;
    }

    private static String line(long seed, int i, Kind kind, Store store, Sku sku, ZonedDateTime local) {
        String eventId = "bad-" + Hashing.uuid("malformed", seed, i);
        String time = EstateJson.eventTime(OffsetDateTime.from(local));
        String units = "2";
        String revenue = sku.listPrice().multiply(BigDecimal.valueOf(2)).toPlainString();
        String storeId = store.storeId();
        switch (kind) {
            case MISSING_STORE_ID -> storeId = null;
            case UNPARSEABLE_EVENT_TIME -> time = local.format(UK_DISPLAY);
            case NON_NUMERIC_UNITS -> units = "\"two\"";
            case ABSURD_UNITS -> {
                units = Integer.toString(ABSURD_UNITS);
                revenue = sku.listPrice().multiply(BigDecimal.valueOf(ABSURD_UNITS)).toPlainString();
            }
            default -> { }
        }
        String json = EstateJson.sale(eventId, storeId, sku.sku(), time, units, revenue, EstateSpec.CURRENCY,
                store.retailer(), "store", null);
        if (kind == Kind.INVALID_JSON) {
            // Cut after the units, as a feed that lost the rest of its buffer would.
            return json.substring(0, json.indexOf(",\"revenue\""));
        }
        return json;
    }
}
