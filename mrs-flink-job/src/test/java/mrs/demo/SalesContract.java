package mrs.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code mrs.sales} and {@code mrs.stores} contracts as the tests read them, with Jackson, so
 * the generator is checked against the contract rather than against its own writer.
 */
final class SalesContract {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** A line above this many units is a feed fault (same bound as the job's parser). */
    static final int MAX_ABS_UNITS = 10_000;

    private SalesContract() {}

    /** Parses a line Jackson must accept. */
    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** What is wrong with a sales line, or empty when it keeps the contract. */
    static Optional<String> violation(String line) {
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (Exception e) {
            return Optional.of("invalid JSON");
        }
        return violation(o);
    }

    /** What is wrong with a parsed sales record, or empty when it keeps the contract. */
    static Optional<String> violation(JsonNode o) {
        if (o == null || !o.isObject()) {
            return Optional.of("not an object");
        }
        for (String f : new String[] {"event_id", "store_id", "sku", "event_time", "currency"}) {
            if (!o.path(f).isTextual() || o.path(f).asText().isEmpty()) {
                return Optional.of("missing " + f);
            }
        }
        try {
            OffsetDateTime.parse(o.get("event_time").asText());
        } catch (DateTimeParseException e) {
            return Optional.of("unparseable event_time");
        }
        if (!o.path("units").isInt()) {
            return Optional.of("units not an int");
        }
        if (Math.abs(o.get("units").asInt()) > MAX_ABS_UNITS) {
            return Optional.of("absurd units");
        }
        if (!o.path("revenue").isNumber()) {
            return Optional.of("revenue not a number");
        }
        for (String f : new String[] {"retailer", "channel", "basket_id"}) {
            if (o.has(f) && !o.get(f).isTextual()) {
                return Optional.of(f + " not text");
            }
        }
        return Optional.empty();
    }
}
