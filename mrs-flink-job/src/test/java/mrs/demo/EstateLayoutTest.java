package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EstateLayoutTest {

    private final EstateGenerator estate = new EstateGenerator(EstateSpec.defaults());

    @Test
    void defaultEstateHas120UniquelyNumberedStoresInIdOrder() {
        List<String> ids = estate.stores().stream().map(Store::storeId).toList();

        assertThat(ids).hasSize(120).doesNotHaveDuplicates().isSorted();
        assertThat(ids).allMatch(id -> id.matches("[A-Z]{3}-\\d{3}"));
    }

    @Test
    void storesAreSpreadOverTheCitiesTheScenarioNeeds() {
        Map<String, Long> perCity =
                estate.stores().stream().collect(Collectors.groupingBy(Store::city, Collectors.counting()));

        assertThat(perCity).containsEntry("London", 30L).containsKeys("Norwich", "Leeds", "Manchester");
        assertThat(perCity.get("Birmingham")).isGreaterThanOrEqualTo(10);
        assertThat(perCity).hasSize(12);
        long waitroseSouthEast = estate.stores().stream()
                .filter(s -> s.retailer().equals("Waitrose") && s.region().equals("South East"))
                .count();
        assertThat(waitroseSouthEast).as("case study 2 needs 15 Waitrose SE stores").isGreaterThanOrEqualTo(15);
    }

    @Test
    void aCitysLargeFormatScaleMakesItsSupermarketsHypermarketsAndLeavesEveryOtherStoreAlone() {
        List<Store> plain = StoreLayout.build(EstateSpec.defaults());
        List<Store> demo = StoreLayout.build(DemoDay.estate());

        assertThat(plain.stream().map(Store::storeId))
                .containsExactlyElementsOf(demo.stream().map(Store::storeId).toList());
        for (int i = 0; i < plain.size(); i++) {
            Store p = plain.get(i);
            Store d = demo.get(i);
            boolean scaled = p.city().equals("Birmingham") && !p.hasTag("convenience");
            assertThat(d.retailer()).isEqualTo(p.retailer());
            assertThat(d.lat()).isEqualTo(p.lat());
            assertThat(d.size()).as(p.storeId())
                    .isCloseTo(scaled ? p.size() * DemoDay.BIRMINGHAM_HYPERMARKETS : p.size(),
                            org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(demo).filteredOn(s -> s.city().equals("Birmingham") && !s.hasTag("convenience"))
                .hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void fourCommuterStoresSitAroundWaterloo() {
        List<Store> waterloo =
                estate.stores().stream().filter(s -> s.hasTag(StoreLayout.WATERLOO_TAG)).toList();

        assertThat(waterloo).hasSize(4).allSatisfy(s -> {
            assertThat(s.city()).isEqualTo("London");
            assertThat(s.tags()).contains("commuter");
            assertThat(s.lat()).isBetween(51.49, 51.51);
            assertThat(s.lon()).isBetween(-0.125, -0.10);
        });
    }

    @Test
    void layoutDoesNotDependOnTheSeed() {
        EstateGenerator reseeded = new EstateGenerator(EstateSpec.defaults().withSeed(99));

        assertThat(reseeded.stores()).isEqualTo(estate.stores());
    }

    @Test
    void catalogueHas24SkusIncludingTheJupyterBarDuo() {
        assertThat(estate.skus()).hasSize(24).extracting(Sku::sku).doesNotHaveDuplicates();
        assertThat(estate.skus()).extracting(Sku::category).containsOnly("confectionery", "drinks", "snacks");
        assertThat(estate.skus())
                .filteredOn(s -> s.sku().equals("SKU-JUPDUO"))
                .singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("Jupyter Bar Duo"));
    }

    @Test
    void storeRecordsKeepTheStoresContract() {
        for (Store s : estate.stores()) {
            JsonNode o = SalesContract.parse(EstateJson.store(s));

            assertThat(o.fieldNames()).toIterable().containsExactly(
                    "store_id", "retailer", "city", "region", "country", "lat", "lon", "tags");
            assertThat(o.get("store_id").asText()).isEqualTo(s.storeId());
            assertThat(o.get("country").asText()).isEqualTo("GB");
            assertThat(o.get("lat").isNumber()).isTrue();
            assertThat(o.get("tags").isArray()).isTrue();
            assertThat(o.get("tags").get(0).asText()).isIn("convenience", "supermarket", "superstore");
        }
    }

    @Test
    void smallEstatesStillApportionEveryStore() {
        EstateGenerator small = new EstateGenerator(EstateSpec.defaults().withStores(7));

        assertThat(small.stores()).hasSize(7);
        assertThat(StoreLayout.apportion(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
    }
}
