package mrs.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import mrs.records.Signal;

/**
 * Parses and validates one {@code mrs.signals} record. Scope fields may sit at the top level or in a
 * {@code scope} object; kind-specific fields (platform, channel, spend, competitor, station, incident,
 * issue, hashtag, url, ...) may sit at the top level or in an {@code attributes} object.
 */
public final class SignalsDeserializer implements Serializable {
    public static final Set<String> KINDS = Set.of(
            "social_mention", "campaign", "competitor_stock", "transport_alert", "ops_incident", "feed_health");
    private static final Set<String> CORE = Set.of("signal_id", "kind", "source", "observed_at", "valid_from",
            "valid_to", "scope", "sku", "store_ids", "city", "region", "country", "strength", "payload", "attributes");

    public Signal parse(String payload) throws InvalidRecordException {
        ObjectNode o = JsonFields.object(payload);
        Signal s = new Signal();
        s.signalId = JsonFields.requiredId(o, "signal_id");
        s.kind = JsonFields.requiredText(o, "kind");
        if (!KINDS.contains(s.kind)) {
            throw new InvalidRecordException("kind must be one of " + new java.util.TreeSet<>(KINDS) + ", got '" + s.kind + "'");
        }
        s.source = JsonFields.optionalText(o, "source");
        s.observedAt = JsonFields.requiredTime(o, "observed_at");
        s.validFrom = JsonFields.requiredTime(o, "valid_from");
        s.validTo = JsonFields.requiredTime(o, "valid_to");
        if (s.validTo < s.validFrom) {
            throw new InvalidRecordException("valid_to is before valid_from", s.observedAt);
        }
        ObjectNode scope = o.get("scope") instanceof ObjectNode so ? so : o;
        s.sku = JsonFields.optionalText(scope, "sku");
        s.city = JsonFields.optionalText(scope, "city");
        s.region = JsonFields.optionalText(scope, "region");
        s.country = JsonFields.optionalText(scope, "country");
        List<String> stores = new ArrayList<>();
        JsonNode ids = scope.get("store_ids");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new InvalidRecordException("store_ids must be an array of store ids", s.observedAt);
            }
            for (JsonNode id : ids) {
                if (!id.isTextual() || id.asText().isBlank()) {
                    throw new InvalidRecordException("store_ids must be an array of store ids", s.observedAt);
                }
                stores.add(id.asText().trim());
            }
        }
        stores.sort(String::compareTo);
        s.storeIds = String.join(",", stores);
        JsonNode strength = o.get("strength");
        if (strength == null || !strength.isNumber() || strength.doubleValue() < 0 || strength.doubleValue() > 1) {
            throw new InvalidRecordException("strength must be a number in 0..1, got " + strength, s.observedAt);
        }
        s.strength = strength.doubleValue();
        JsonNode p = o.get("payload");
        s.payload = p == null || p.isNull() ? null : p.isTextual() ? p.asText() : p.toString();
        Map<String, String> attrs = new TreeMap<>();
        collect(o, attrs, true);
        if (o.get("attributes") instanceof ObjectNode a) {
            collect(a, attrs, false);
        }
        StringBuilder sb = new StringBuilder();
        attrs.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        s.attributes = sb.toString();
        return s;
    }

    private static void collect(ObjectNode o, Map<String, String> attrs, boolean skipCore) throws InvalidRecordException {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skipCore && CORE.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                String text = v.asText().replace(";", ",").replace("=", ":");
                attrs.put(e.getKey(), text);
            }
        }
    }
}
