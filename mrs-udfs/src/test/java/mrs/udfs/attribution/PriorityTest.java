package mrs.udfs.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriorityTest {

    @ParameterizedTest(name = "{0} @ {1}, impact {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        // High: data errors, system failures and competitor moves with >= 70% or a high impact
        "Data Error,               0.95, 0.5,  High",
        "Data Error,               0.70, 0.2,  High",
        "Data Error,               0.50, 1.0,  High",
        "Data Error,               0.50, 0.5,  Medium",
        "System Failure,           0.80, 0.3,  High",
        "Competitor Stockout,      0.81, 0.9,  High",
        "Competitor Stockout,      0.40, 2.5,  High",
        "Competitor Stockout,      0.40, 0.5,  Medium",
        // Medium: misattribution, social/viral, operational, whatever the confidence above 30%
        "Marketing Misattribution, 0.92, 1.8,  Medium",
        "Marketing Misattribution, 0.55, 3.1,  Medium",
        "Social/Viral Event,       0.72, 3.1,  Medium",
        "Operational/Store Issue,  0.74, 0.9,  Medium",
        // Low: under 30% confidence or a negligible impact, whatever the type
        "Data Error,               0.29, 5.0,  Low",
        "Social/Viral Event,       0.28, 2.0,  Low",
        "Competitor Stockout,      0.90, 0.05, Low",
        "Data Error,               0.99, 0.0,  Low",
        // Null confidence: an analyst's decision counts as certain; a degraded row needs a human
        "Data Error,               null, 0.6,  High",
        "Social/Viral Event,       null, 0.6,  Medium",
        "Data Error,               null, 0.01, Low",
        "null,                     null, 3.0,  Medium",
        "unknown,                  null, 3.0,  Medium",
    })
    void followsTheSeedsRules(String type, Double confidence, double impact, String expected) {
        assertThat(Priority.priority(type, confidence, impact)).isEqualTo(expected);
    }

    @Test
    void boundariesAreInclusiveWhereTheSeedSaysAtLeast() {
        assertThat(Priority.priority("Data Error", 0.7, 0.5)).isEqualTo("High");
        assertThat(Priority.priority("Data Error", 0.6999, 0.5)).isEqualTo("Medium");
        assertThat(Priority.priority("Data Error", 0.3, 0.5)).isEqualTo("Medium");
        assertThat(Priority.priority("Data Error", 0.2999, 0.5)).isEqualTo("Low");
        assertThat(Priority.priority("data_error", 0.5, Priority.HIGH_IMPACT)).isEqualTo("High");
        assertThat(Priority.priority("Social/Viral Event", 0.5, Priority.NEGLIGIBLE_IMPACT)).isEqualTo("Medium");
        assertThat(Priority.priority("Social/Viral Event", 0.5, -0.5)).isEqualTo("Medium");
        assertThat(Priority.priority("Social/Viral Event", 0.5, Double.NaN)).isEqualTo("Low");
    }

    @Test
    void impactIsTheRelativeDistortion() {
        assertThat(Priority.impact(41, 10)).isEqualTo(3.1);
        assertThat(Priority.impact(0, 24)).isEqualTo(1.0);
        assertThat(Priority.impact(10.5, 10)).isEqualTo(0.05);
        assertThat(Priority.impact(3, 0)).isEqualTo(3.0);
    }
}
