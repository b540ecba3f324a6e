package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One pass over the whole default history (about 1.7 million lines, a few seconds), every line read
 * back with Jackson; the tests then assert on what the pass saw.
 */
class DefaultEstateTest {
    private static final List<String> SALES_FIELDS = List.of("event_id", "store_id", "sku", "event_time", "units",
            "revenue", "currency", "retailer", "channel", "basket_id");
    /** Checked on the text: Jackson's tree would read 2.90 as the double 2.9. */
    private static final Pattern REVENUE = Pattern.compile(".*\"revenue\":-?\\d+\\.\\d\\d,.*");
    private static final Pattern EVENT_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+01:00");

    private static long lines;
    private static long returns;
    private static long unitsSold;
    private static final List<String> contractBreaches = new ArrayList<>();
    private static final List<String> orderBreaches = new ArrayList<>();
    private static final List<String> priceBreaches = new ArrayList<>();
    private static int maxLinesPerCell;
    private static long nightUnits;
    private static long middayUnits;

    @BeforeAll
    static void generateTheDefaultEstateOnce() {
        EstateGenerator estate = new EstateGenerator(EstateSpec.defaults());
        Map<String, String> retailerOf = new HashMap<>();
        estate.stores().forEach(s -> retailerOf.put(s.storeId(), s.retailer()));
        String[] previous = {null, null, null};
        long[] previousSecond = {Long.MIN_VALUE};
        Map<String, Integer> cellLines = new HashMap<>();
        Map<String, BigDecimal> unitPrice = new HashMap<>();
        long[] cellHour = {Long.MIN_VALUE};
        estate.forEachSalesRecord(json -> {
            lines++;
            JsonNode o = SalesContract.parse(json);
            List<String> fields = new ArrayList<>();
            o.fieldNames().forEachRemaining(fields::add);
            String time = o.path("event_time").asText();
            boolean ok = fields.equals(SALES_FIELDS)
                    && SalesContract.violation(o).isEmpty()
                    && EVENT_TIME.matcher(time).matches()
                    && REVENUE.matcher(json).matches()
                    && o.get("units").asInt() != 0
                    && o.get("currency").asText().equals("GBP")
                    && o.get("retailer").asText().equals(retailerOf.get(o.get("store_id").asText()))
                    && o.get("units").asInt() * o.get("revenue").asDouble() > 0;
            if (!ok && contractBreaches.size() < 5) {
                contractBreaches.add(json);
            }
            OffsetDateTime eventTime = OffsetDateTime.parse(time);
            long second = eventTime.toEpochSecond();
            String store = o.get("store_id").asText();
            String sku = o.get("sku").asText();
            int units = o.get("units").asInt();
            BigDecimal price = new BigDecimal(o.get("revenue").asText()).divide(BigDecimal.valueOf(units));
            BigDecimal first = unitPrice.putIfAbsent(store + "|" + sku, price);
            if (first != null && first.compareTo(price) != 0 && priceBreaches.size() < 5) {
                priceBreaches.add(json);
            }
            // The line number is not in the record, so order is checked on (time, store, SKU).
            int cmp = previous[0] == null ? 1 : Long.compare(second, previousSecond[0]);
            if (cmp == 0) {
                cmp = store.compareTo(previous[1]);
            }
            if (cmp == 0) {
                cmp = sku.compareTo(previous[2]);
            }
            if (cmp < 0 && orderBreaches.size() < 5) {
                orderBreaches.add(json);
            }
            previous[0] = time;
            previous[1] = store;
            previous[2] = sku;
            previousSecond[0] = second;
            long hour = Math.floorDiv(second, 3600);
            if (hour != cellHour[0]) {
                cellLines.clear();
                cellHour[0] = hour;
            }
            maxLinesPerCell = Math.max(maxLinesPerCell, cellLines.merge(store + "|" + sku, 1, Integer::sum));
            if (units < 0) {
                returns++;
            } else {
                unitsSold += units;
            }
            int localHour = eventTime.getHour();
            if (localHour >= 0 && localHour < 5) {
                nightUnits += units;
            } else if (localHour == 12) {
                middayUnits += units;
            }
        });
    }

    @Test
    void volumeStaysUnderTwoMillionLinesWithSeveralUnitsALine() {
        assertThat(lines).isBetween(1_400_000L, 2_000_000L);
        assertThat((double) unitsSold / lines).isBetween(2.0, 3.0);
    }

    @Test
    void everyLineKeepsTheSalesContractWithLondonOffsets() {
        assertThat(contractBreaches).isEmpty();
    }

    @Test
    void revenueIsUnitsTimesTheStoresShelfPrice() {
        assertThat(priceBreaches).isEmpty();
    }

    @Test
    void linesAscendByEventTimeThenStoreThenSku() {
        assertThat(orderBreaches).isEmpty();
    }

    @Test
    void aStoreSkuHourHasAtMostThreeTillLinesAndOneReturn() {
        assertThat(maxLinesPerCell).isBetween(3, 4);
    }

    @Test
    void returnsHappenButAreRare() {
        assertThat(returns).isPositive();
        assertThat((double) returns / lines).isLessThan(0.01);
    }

    @Test
    void nightsAreNearlyEmptyAndMiddayIsBusy() {
        // 00:00-05:00 spans five hours, 12:00-13:00 one: nights must still sell far less.
        assertThat(nightUnits).isLessThan(middayUnits / 20);
        assertThat(unitsSold).isGreaterThan(lines);
    }
}
