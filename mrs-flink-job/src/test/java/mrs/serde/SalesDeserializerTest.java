package mrs.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import mrs.records.SaleEvent;
import org.junit.jupiter.api.Test;

class SalesDeserializerTest {
    private static final long NOW = Instant.parse("2025-08-12T12:00:00Z").toEpochMilli();
    private final SalesDeserializer parser = new SalesDeserializer(Duration.ofDays(1), () -> NOW);

    private static String sale(String storeId, String time, String units) {
        return "{\"event_id\":\"e1\"," + (storeId == null ? "" : "\"store_id\":\"" + storeId + "\",")
                + "\"sku\":\"SKU-1\",\"event_time\":\"" + time + "\",\"units\":" + units
                + ",\"revenue\":5.97,\"currency\":\"GBP\",\"retailer\":\"Tesco\"}";
    }

    @Test
    void validSaleIsParsedWithEventTimeFromItsOffset() throws Exception {
        SaleEvent e = parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "3"));
        assertThat(e.storeId).isEqualTo("LON-001");
        assertThat(e.eventTime).isEqualTo(Instant.parse("2025-08-12T09:15:00Z").toEpochMilli());
        assertThat(e.units).isEqualTo(3);
        assertThat(e.revenue).isEqualTo(5.97);
        assertThat(e.retailer).isEqualTo("Tesco");
    }

    @Test
    void returnsWithNegativeUnitsAreAccepted() throws Exception {
        assertThat(parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "-2")).units).isEqualTo(-2);
    }

    @Test
    void contractBreachesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> parser.parse("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parser.parse(sale(null, "2025-08-12T10:15:00+01:00", "3")))
                .hasMessageContaining("store_id");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "yesterday", "3")))
                .hasMessageContaining("event_time");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-12T10:15:00", "3")))
                .hasMessageContaining("event_time");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "\"three\"")))
                .hasMessageContaining("units must be an integer");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "2.5")))
                .hasMessageContaining("units must be an integer");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "1000000000")))
                .hasMessageContaining("absurd");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-20T10:15:00+01:00", "3")))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "1970-01-01T00:00:00Z", "3")))
                .hasMessageContaining("before 2000");
        assertThatThrownBy(() -> parser.parse(sale("LON 001!", "2025-08-12T10:15:00+01:00", "3")))
                .hasMessageContaining("store_id");
    }

    @Test
    void refusalAfterTheTimeWasReadKeepsTheEventTime() {
        assertThatThrownBy(() -> parser.parse(sale("LON-001", "2025-08-12T10:15:00+01:00", "1000000000")))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.eventTime()).isEqualTo(Instant.parse("2025-08-12T09:15:00Z").toEpochMilli()));
    }
}
