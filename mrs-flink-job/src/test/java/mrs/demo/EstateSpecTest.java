package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateSpecTest {

    @Test
    void defaultsDescribeTheDemoEstate() {
        EstateSpec spec = EstateSpec.defaults();

        assertThat(spec.stores()).isEqualTo(120);
        assertThat(spec.skus()).isEqualTo(24);
        assertThat(spec.days()).isEqualTo(35);
        assertThat(spec.endDate()).isEqualTo(LocalDate.of(2025, 8, 12));
        assertThat(spec.malformedLines()).isZero();
        assertThat(spec.injections()).isEmpty();
        assertThat(spec.catalogue()).extracting(Sku::sku).contains("SKU-JUPDUO");
        assertThat(spec.cities()).extracting(City::region).containsOnly("London", "West Midlands",
                "North West", "Yorkshire", "South West", "East of England", "South East");
    }

    @Test
    void historyRunsFromMidnightToTheEndOfTheEndDateInLondonTime() {
        EstateSpec spec = EstateSpec.defaults();

        assertThat(spec.historyStart()).isEqualTo(OffsetDateTime.parse("2025-07-09T00:00:00+01:00").toInstant());
        assertThat(spec.historyEnd()).isEqualTo(OffsetDateTime.parse("2025-08-13T00:00:00+01:00").toInstant());
    }

    @Test
    void withMethodsReturnNewSpecsAndLeaveTheOriginalUntouched() {
        EstateSpec base = EstateSpec.defaults();
        EstateSpec changed = base.withSeed(7).withStores(10).withSkus(5).withDays(3)
                .withEndDate(LocalDate.of(2025, 1, 31)).withMalformedLines(2).withInjections(List.of());

        assertThat(base).isEqualTo(EstateSpec.defaults());
        assertThat(changed.seed()).isEqualTo(7);
        assertThat(changed.stores()).isEqualTo(10);
        assertThat(changed.skus()).isEqualTo(5);
        assertThat(changed.days()).isEqualTo(3);
        assertThat(changed.endDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(changed.malformedLines()).isEqualTo(2);
        assertThat(changed.injections()).contains(List.of());
        assertThat(changed.withDefaultInjections().injections()).isEmpty();
    }

    @Test
    void winterHistoryUsesGreenwichMeanTime() {
        EstateSpec spec = EstateSpec.defaults().withEndDate(LocalDate.of(2025, 1, 31)).withDays(1);

        assertThat(spec.historyStart()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
    }

    @Test
    void impossibleSpecsAreRefused() {
        EstateSpec spec = EstateSpec.defaults();

        assertThatThrownBy(() -> spec.withStores(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withSkus(spec.catalogue().size() + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withMalformedLines(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withCities(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
