package mrs.udfs.attribution;

import static mrs.udfs.attribution.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportViewTest {

    @Test
    void magnitudeIsTheSizeOfTheMoveWhateverItsDirection() {
        assertThat(report("s").spike(4.0).build().magnitude()).isEqualTo(4.0);
        assertThat(report("s").drop(0.25).build().magnitude()).isEqualTo(4.0);
        assertThat(report("s").drop(0.0).build().magnitude()).isInfinite();
        assertThat(report("s").spike(Double.NaN).build().magnitude()).isInfinite();
        assertThat(report("s").spike(0.9).build().magnitude()).isEqualTo(1.0);
    }

    @Test
    void directionIsNormalisedAndChecked() {
        ReportView r = report("s").build();
        ReportView mixed = new ReportView("r", "s", null, null, null, null, null, null, 0, 1, 1, " mixed ", 1, 1,
                1.0, 0, 1, 1, 1, false, false);
        assertThat(r.direction()).isEqualTo("SPIKE");
        assertThat(mixed.direction()).isEqualTo("MIXED");
        assertThat(mixed.storeTags()).isEmpty();
        assertThatThrownBy(() -> new ReportView("r", "s", null, null, null, null, null, null, 0, 1, 1, "UP", 1, 1,
                1.0, 0, 1, 1, 1, false, false)).hasMessageContaining("direction");
        assertThatThrownBy(() -> new ReportView("r", "s", null, null, null, null, null, null, 5, 1, 1, "SPIKE", 1,
                1, 1.0, 0, 1, 1, 1, false, false)).hasMessageContaining("windowEnd");
    }

    @Test
    void listsAreCopiedCleanedAndReadOnly() {
        List<String> skus = new ArrayList<>(Arrays.asList("SKU-1", null, " ", " SKU-2 "));
        ReportView r = new ReportView("r", "s", null, null, null, null, List.of("Commuter"), skus, 0, 1, 1, "SPIKE",
                1, 1, 1.0, 0, 1, 0, 0, false, false);
        skus.add("SKU-3");
        assertThat(r.skus()).containsExactly("SKU-1", "SKU-2");
        assertThat(r.effectiveSkuCount()).isEqualTo(2);
        assertThat(r.effectiveConcurrentStores()).isEqualTo(1);
        assertThat(r.hasTag("commuter")).isTrue();
        assertThatThrownBy(() -> r.skus().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
