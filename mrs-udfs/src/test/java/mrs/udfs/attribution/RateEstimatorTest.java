package mrs.udfs.attribution;

import static mrs.udfs.attribution.Fixtures.report;
import static mrs.udfs.attribution.Fixtures.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RateEstimatorTest {

    private final AttributionModel model = new AttributionModel();

    @Test
    void readsPriorsSignalRatesAndTablesOffLabelledCases() {
        RateEstimator e = new RateEstimator(model);
        SignalView tt = signal("tt", SignalView.SOCIAL_MENTION, "platform", "tiktok").sku("SKU-1").strength(0.9)
                .build();
        ReportView viral = report("A").skus("SKU-1").stores(10).spike(4.0).windows(3).build();
        ReportView noise = report("B").skus("SKU-1").stores(1).spike(1.6).windows(1).build();
        e.add(viral, List.of(tt), "TikTok Viral", null);
        e.add(viral, List.of(), "tiktok_viral", null);
        e.add(noise, List.of(tt), "Unexplained", "noise");
        e.add(noise, List.of(), "Unexplained", "noise");

        Map<String, String> m = e.estimates();
        assertThat(m).containsEntry("cause.tiktok_viral.prior", "0.500")
                .containsEntry("other.noise.prior", "0.500")
                .containsEntry("cause.tiktok_viral.signal.recall", "0.50")
                .containsEntry("cause.tiktok_viral.signal.decoy_rate", "0.500")
                .containsEntry("cause.tiktok_viral.feature.direction", "0.980, 0.010, 0.010")
                .containsEntry("cause.tiktok_viral.feature.all_skus_zero", "0.002")
                .containsEntry("other.noise.feature.breadth", "0.971, 0.010, 0.010, 0.010");
        assertThat(m).doesNotContainKey("cause.till_fault.prior");
        assertThat(e.format()).startsWith("cause.tiktok_viral.feature.all_skus_zero = 0.002");
    }

    @Test
    void theEstimatesAreValidTaxonomyValues() throws Exception {
        RateEstimator e = new RateEstimator(model);
        for (CaseStudies.Case c : List.of(CaseStudies.deliveroo(), CaseStudies.waterloo())) {
            e.add(c.report(), c.signals(), "Delivery-App Promo", null);
        }
        Properties p = TaxonomyTest.defaults();
        e.estimates().forEach((k, v) -> {
            if (!k.endsWith(".prior") && !k.contains(".signal.")) {
                p.setProperty(k, v);
            }
        });
        assertThat(Taxonomy.fromProperties(p).isKnownCause("Delivery-App Promo")).isTrue();
    }

    @Test
    void anUnknownLabelIsRefused() {
        RateEstimator e = new RateEstimator(model);
        ReportView r = report("A").build();
        assertThatThrownBy(() -> e.add(r, List.of(), "Weather", null)).hasMessageContaining("Weather");
        assertThatThrownBy(() -> e.add(r, List.of(), "Unexplained", "aliens")).hasMessageContaining("aliens");
    }
}
