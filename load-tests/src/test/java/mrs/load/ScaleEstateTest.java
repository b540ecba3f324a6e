package mrs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import mrs.demo.EstateJson;
import mrs.demo.Injection;
import mrs.demo.SaleLine;
import mrs.demo.Store;
import org.junit.jupiter.api.Test;

class ScaleEstateTest {
    @Test
    void isDeterministicAndScalesTheCatalogueWithALongTail() {
        ScaleEstate a = new ScaleEstate(60, 120, 30, 5L, 1);
        ScaleEstate b = new ScaleEstate(60, 120, 30, 5L, 1);
        List<String> ha = a.generator().salesInHour(a.hourStart(12)).stream().map(EstateJson::sale).toList();
        List<String> hb = b.generator().salesInHour(b.hourStart(12)).stream().map(EstateJson::sale).toList();
        assertThat(ha).isNotEmpty().isEqualTo(hb);
        assertThat(a.generator().skus()).hasSize(120);
        assertThat(a.generator().stores()).hasSize(60);
        assertThat(a.keys()).isEqualTo(7200);
        // Long tail: the last synthetic SKU is far less popular than the best seller.
        assertThat(a.generator().skus().get(119).popularity()).isLessThan(0.1 * a.generator().skus().get(0).popularity());
        assertThat(ScaleEstate.catalogue(500)).extracting(s -> s.sku()).doesNotHaveDuplicates();
    }

    @Test
    void plantsSpikesOnTheBusiestStoresOnceTheDetectorCanSeeThem() {
        int hours = ScaleEstate.hoursThroughSpikes(1);
        ScaleEstate e = new ScaleEstate(100, 30, hours, 1L, 1);
        List<Injection> spikes = e.injections();
        assertThat(spikes).isNotEmpty();
        Instant day3 = e.hourStart(48);
        Instant end = e.hourStart(hours);
        double smallestSpiked = Double.MAX_VALUE;
        for (Injection i : spikes) {
            assertThat(i.start()).isAfterOrEqualTo(day3);
            assertThat(i.end()).isBeforeOrEqualTo(end);
            for (String id : i.storeIds()) {
                smallestSpiked = Math.min(smallestSpiked, size(e, id));
            }
        }
        long spikedStores = spikes.stream().flatMap(i -> i.storeIds().stream()).distinct().count();
        assertThat(spikedStores).isEqualTo(5); // 5% of 100
        double threshold = smallestSpiked;
        long biggerUnspiked = e.generator().stores().stream()
                .filter(s -> spikes.stream().noneMatch(i -> i.storeIds().contains(s.storeId())))
                .filter(s -> s.size() > threshold)
                .count();
        assertThat(biggerUnspiked).isZero();
        // The spiked hour really sells more.
        Injection first = spikes.get(0);
        String store = first.storeIds().get(0);
        double expected = e.generator().expectedUnits(store, first.sku(), first.start());
        double before = e.generator().expectedUnits(store, first.sku(), first.start().minusSeconds(7 * 24 * 3600 / 7));
        assertThat(expected).isGreaterThan(3 * before);
        assertThat(e.generator().salesInHour(first.start()).stream()
                .filter(l -> l.storeId().equals(store) && l.sku().equals(first.sku()))
                .mapToInt(SaleLine::units).sum()).isPositive();
    }

    private static double size(ScaleEstate e, String storeId) {
        return e.generator().stores().stream().filter(s -> s.storeId().equals(storeId)).mapToDouble(Store::size)
                .findFirst().orElseThrow();
    }
}
