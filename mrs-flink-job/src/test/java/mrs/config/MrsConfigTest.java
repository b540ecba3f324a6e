package mrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MrsConfigTest {
    @Test
    void switchesAreStrictBooleans() {
        assertThat(MrsConfig.defaults().clusteringEnabled()).isTrue();
        assertThat(MrsConfig.defaults().with("mrs.cluster.enabled", "FALSE").clusteringEnabled()).isFalse();
        // A typo must not silently mean "false".
        assertThatThrownBy(() -> MrsConfig.defaults().with("mrs.cluster.enabled", "flase"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mrs.cluster.enabled must be true or false, got 'flase'");
        assertThatThrownBy(() -> MrsConfig.defaults().with("mrs.attribution.feeds-down", "yes"))
                .hasMessageContaining("mrs.attribution.feeds-down");
    }

    @Test
    void badDurationsFailAtStartUp() {
        assertThatThrownBy(() -> MrsConfig.defaults().with("mrs.window.size", "PT7M"))
                .hasMessageContaining("mrs.window.size must divide one day evenly");
    }

    @Test
    void theStoreDimensionMustGoIdleBeforeTheSales() {
        assertThatThrownBy(() -> MrsConfig.defaults().with(java.util.Map.of("mrs.window.idleness", "PT10S",
                "mrs.stores.idleness", "PT10S")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mrs.stores.idleness (PT10S) must be shorter than mrs.window.idleness (PT10S)");
        MrsConfig.defaults().with(java.util.Map.of("mrs.window.idleness", "PT10S", "mrs.stores.idleness", "PT2S"));
    }
}
