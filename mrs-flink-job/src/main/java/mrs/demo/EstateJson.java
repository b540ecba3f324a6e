package mrs.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes stores and sales lines as single-line JSON in the {@code mrs.stores} and {@code mrs.sales}
 * contracts, fields in contract order. Hand-written rather than through an object mapper so the
 * bytes are fixed by this class alone (field order, number format, offset {@code +00:00} rather
 * than {@code Z} in winter), which is what makes the generated files byte-identical for a seed.
 */
public final class EstateJson {
    /** ISO-8601 with seconds and a numeric offset, e.g. {@code 2025-08-12T10:15:00+01:00}. */
    public static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private EstateJson() {}

    /** One {@code mrs.stores} record. */
    public static String store(Store s) {
        StringBuilder b = new StringBuilder(200).append('{');
        text(b, "store_id", s.storeId()).append(',');
        text(b, "retailer", s.retailer()).append(',');
        text(b, "city", s.city()).append(',');
        text(b, "region", s.region()).append(',');
        text(b, "country", s.country()).append(',');
        raw(b, "lat", coordinate(s.lat())).append(',');
        raw(b, "lon", coordinate(s.lon())).append(',');
        b.append("\"tags\":[");
        for (int i = 0; i < s.tags().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            quote(b, s.tags().get(i));
        }
        return b.append("]}").toString();
    }

    /** One {@code mrs.sales} record. */
    public static String sale(SaleLine l) {
        return sale(l.eventId(), l.storeId(), l.sku(), l.eventTime().format(EVENT_TIME),
                Integer.toString(l.units()), l.revenue().toPlainString(), l.currency(), l.retailer(),
                l.channel(), l.basketId());
    }

    /**
     * A sales record from already-formatted parts; {@code storeId} may be null (the field is then
     * left out) and {@code units} is written verbatim, so malformed records can be built too.
     */
    static String sale(String eventId, String storeId, String sku, String eventTime, String unitsJson,
            String revenue, String currency, String retailer, String channel, String basketId) {
        StringBuilder b = new StringBuilder(260).append('{');
        text(b, "event_id", eventId).append(',');
        if (storeId != null) {
            text(b, "store_id", storeId).append(',');
        }
        text(b, "sku", sku).append(',');
        text(b, "event_time", eventTime).append(',');
        raw(b, "units", unitsJson).append(',');
        raw(b, "revenue", revenue).append(',');
        text(b, "currency", currency);
        if (retailer != null) {
            text(b.append(','), "retailer", retailer);
        }
        if (channel != null) {
            text(b.append(','), "channel", channel);
        }
        if (basketId != null) {
            text(b.append(','), "basket_id", basketId);
        }
        return b.append('}').toString();
    }

    /** A local time in the contract's format. */
    public static String eventTime(OffsetDateTime t) {
        return t.format(EVENT_TIME);
    }

    private static String coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static StringBuilder text(StringBuilder b, String name, String value) {
        quote(b, name).append(':');
        return quote(b, value);
    }

    private static StringBuilder raw(StringBuilder b, String name, String json) {
        return quote(b, name).append(':').append(json);
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
