package mrs.serde;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import mrs.records.SaleEvent;

/** Writes a sale back in the {@code mrs.sales} contract, for records refused after parsing. */
public final class SalesJson {
    private SalesJson() {}

    public static String toJson(SaleEvent e) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("event_id", e.eventId);
        o.put("store_id", e.storeId);
        o.put("sku", e.sku);
        o.put("event_time", Instant.ofEpochMilli(e.eventTime).atOffset(ZoneOffset.UTC).toString());
        o.put("units", e.units);
        o.put("revenue", e.revenue);
        o.put("currency", e.currency);
        if (e.retailer != null) o.put("retailer", e.retailer);
        if (e.channel != null) o.put("channel", e.channel);
        if (e.basketId != null) o.put("basket_id", e.basketId);
        return o.toString();
    }
}
