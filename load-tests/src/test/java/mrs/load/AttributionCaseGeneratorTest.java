package mrs.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mrs.load.AttributionCaseGenerator.LabelledCase;
import mrs.udfs.attribution.SignalView;
import mrs.udfs.attribution.Taxonomy;
import org.junit.jupiter.api.Test;

class AttributionCaseGeneratorTest {

    @Test
    void theSameSeedGivesTheSameCasesAndAnyCaseCanBeRegeneratedAlone() {
        List<LabelledCase> a = new AttributionCaseGenerator(11).generate(300);
        List<LabelledCase> b = new AttributionCaseGenerator(11).generate(300);
        assertThat(a).isEqualTo(b);
        assertThat(new AttributionCaseGenerator(11).generate(123L)).isEqualTo(a.get(123));
        assertThat(new AttributionCaseGenerator(12).generate(300)).isNotEqualTo(a);
    }

    @Test
    void everyCauseOfTheTaxonomyAndTheUnexplainedKindsAreGenerated() {
        Taxonomy taxonomy = Taxonomy.load();
        Set<String> seen = new HashSet<>();
        for (LabelledCase c : new AttributionCaseGenerator(3).generate(5_000)) {
            seen.add(c.scenario());
            assertThat(c.trueCause().equals(AttributionCaseGenerator.UNEXPLAINED)
                    || taxonomy.isKnownCause(c.trueCause())).isTrue();
        }
        for (Taxonomy.Cause cause : taxonomy.causes()) {
            assertThat(seen).contains(cause.label());
        }
        assertThat(seen).contains("noise", "novel_demand");
        assertThat(AttributionCaseGenerator.baseRates().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theSetIsAmbiguousLikeRealFeeds() {
        int decoyOnly = 0;
        int strays = 0;
        int genuineMissing = 0;
        List<LabelledCase> set = new AttributionCaseGenerator(5).generate(5_000);
        for (LabelledCase c : set) {
            List<SignalView> matched = SignalView.matching(c.signals(), c.report());
            strays += c.signals().size() - matched.size();
            if (c.trueCause().equals(AttributionCaseGenerator.UNEXPLAINED) && !matched.isEmpty()) {
                decoyOnly++;
            }
            if (!c.trueCause().equals(AttributionCaseGenerator.UNEXPLAINED) && matched.isEmpty()) {
                genuineMissing++;
            }
        }
        assertThat(strays).as("signals that must not match").isGreaterThan(1_000);
        assertThat(decoyOnly).as("unexplained cases with misleading signals").isGreaterThan(200);
        assertThat(genuineMissing).as("explained cases without any signal").isGreaterThan(300);
    }
}
