package mrs.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Properties;
import mrs.load.AttributionCaseGenerator.LabelledCase;
import mrs.udfs.attribution.AttributionModel;
import mrs.udfs.attribution.RateEstimator;
import org.junit.jupiter.api.Test;

/**
 * The taxonomy's stated rates are this generator's world read off in binned form: re-reading them
 * from a fresh sample must give the taxonomy's values back (up to sampling noise), so a change to the
 * world or to the taxonomy that is not made on both sides fails here.
 */
class StatedRatesTest {

    @Test
    void theTaxonomyHoldsTheGeneratorsStatedRates() throws Exception {
        AttributionModel model = new AttributionModel();
        RateEstimator estimator = new RateEstimator(model);
        for (LabelledCase c : new AttributionCaseGenerator(7).generate(40_000)) {
            estimator.add(c.report(), c.signals(), c.trueCause(), c.scenario());
        }
        Map<String, String> estimated = estimator.estimates();
        Properties taxonomy = AttributionAccuracy.taxonomyProperties(null);

        assertThat(estimated).isNotEmpty();
        for (Map.Entry<String, String> e : estimated.entrySet()) {
            String stated = taxonomy.getProperty(e.getKey());
            assertThat(stated).as(e.getKey()).isNotNull();
            String[] a = e.getValue().split(",");
            String[] b = stated.split(",");
            assertThat(a).as(e.getKey()).hasSameSizeAs(b);
            for (int i = 0; i < a.length; i++) {
                double tolerance = e.getKey().endsWith(".prior") ? 0.005 : 0.05;
                assertThat(Double.parseDouble(a[i].trim())).as(e.getKey() + "[" + i + "]")
                        .isCloseTo(Double.parseDouble(b[i].trim()), within(tolerance));
            }
        }
    }
}
