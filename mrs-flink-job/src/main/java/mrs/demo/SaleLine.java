package mrs.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One generated point-of-sale line in the {@code mrs.sales} contract. {@code line} is the line's
 * position within its (store, SKU, hour): it feeds the deterministic {@code eventId} and breaks
 * ordering ties, and is not written to the topic.
 *
 * @param eventId deterministic id, the same for the same seed, store, SKU, hour and line
 * @param storeId store id
 * @param sku SKU code
 * @param eventTime till time with the Europe/London offset, whole seconds
 * @param units units sold; negative for a return
 * @param revenue units times the store's shelf price, two decimal places (negative for a return)
 * @param currency always {@code GBP}
 * @param retailer the store's retailer
 * @param channel {@code store} or {@code delivery_app}
 * @param basketId the basket (till and minute) the line was rung up in
 * @param line position within its (store, SKU, hour)
 */
public record SaleLine(
        String eventId,
        String storeId,
        String sku,
        OffsetDateTime eventTime,
        int units,
        BigDecimal revenue,
        String currency,
        String retailer,
        String channel,
        String basketId,
        int line) {

    public SaleLine {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(currency, "currency");
    }
}
