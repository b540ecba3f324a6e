package mrs.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import mrs.records.StoreInfo;

/** Parses and validates one {@code mrs.stores} record (store to retailer, city, region). */
public final class StoresDeserializer implements Serializable {

    public StoreInfo parse(String payload) throws InvalidRecordException {
        ObjectNode o = JsonFields.object(payload);
        StoreInfo s = new StoreInfo();
        s.storeId = JsonFields.requiredId(o, "store_id");
        s.retailer = JsonFields.requiredText(o, "retailer");
        s.city = JsonFields.requiredText(o, "city");
        s.region = JsonFields.requiredText(o, "region");
        s.country = JsonFields.requiredText(o, "country");
        s.lat = JsonFields.optionalDouble(o, "lat");
        s.lon = JsonFields.optionalDouble(o, "lon");
        if (s.lat != null && (s.lat < -90 || s.lat > 90)) {
            throw new InvalidRecordException("lat must be within -90..90, got " + s.lat);
        }
        if (s.lon != null && (s.lon < -180 || s.lon > 180)) {
            throw new InvalidRecordException("lon must be within -180..180, got " + s.lon);
        }
        JsonNode tags = o.get("tags");
        List<String> list = new ArrayList<>();
        if (tags != null && !tags.isNull()) {
            if (!tags.isArray()) {
                throw new InvalidRecordException("tags must be an array of strings, got " + tags);
            }
            for (JsonNode t : tags) {
                if (!t.isTextual()) {
                    throw new InvalidRecordException("tags must be an array of strings, got " + tags);
                }
                list.add(t.asText().trim());
            }
        }
        list.sort(String::compareTo);
        s.tags = String.join(",", list);
        return s;
    }
}
