package mrs.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Strict field readers shared by the per-topic deserializers. Each failure names the field. */
final class JsonFields {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/@#-]{0,127}");

    private JsonFields() {}

    static ObjectNode object(String payload) throws InvalidRecordException {
        if (payload == null || payload.isBlank()) {
            throw new InvalidRecordException("empty payload");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode)) {
            throw new InvalidRecordException("expected a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    static String requiredId(ObjectNode o, String field) throws InvalidRecordException {
        String v = requiredText(o, field);
        if (!ID.matcher(v).matches()) {
            throw new InvalidRecordException(
                    field + " must be 1-128 characters of letters, digits and _.:/@#-, got '" + v + "'");
        }
        return v;
    }

    static String requiredText(ObjectNode o, String field) throws InvalidRecordException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidRecordException("missing required field " + field);
        }
        if (!n.isTextual()) {
            throw new InvalidRecordException(field + " must be a string, got " + n.getNodeType());
        }
        String v = n.asText().trim();
        if (v.isEmpty()) {
            throw new InvalidRecordException(field + " must not be empty");
        }
        return v;
    }

    static String optionalText(ObjectNode o, String field) throws InvalidRecordException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidRecordException(field + " must be a string, got " + n.getNodeType());
        }
        String v = n.asText().trim();
        return v.isEmpty() ? null : v;
    }

    static long requiredTime(ObjectNode o, String field) throws InvalidRecordException {
        String v = requiredText(o, field);
        try {
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    field + " is not an ISO-8601 date-time with offset: '" + v + "'");
        }
    }

    static int requiredInt(ObjectNode o, String field) throws InvalidRecordException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidRecordException("missing required field " + field);
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new InvalidRecordException(field + " must be an integer, got " + n);
        }
        return n.intValue();
    }

    static BigDecimal requiredDecimal(ObjectNode o, String field) throws InvalidRecordException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidRecordException("missing required field " + field);
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidRecordException(field + " must be a decimal number, got " + n);
    }

    static Double optionalDouble(ObjectNode o, String field) throws InvalidRecordException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new InvalidRecordException(field + " must be a number, got " + n);
        }
        return n.doubleValue();
    }
}
