package mrs.udfs.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    private static final Taxonomy T = Taxonomy.load();

    static Properties defaults() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static void assertRejected(Consumer<Properties> change, String... messageParts) throws Exception {
        Properties p = defaults();
        change.accept(p);
        assertThatThrownBy(() -> Taxonomy.fromProperties(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theDimensionsAreTheSeedsOnes() {
        assertThat(T.detectionTypes()).containsExactly("Data Error", "Marketing Misattribution",
                "Competitor Stockout", "Social/Viral Event", "Operational/Store Issue");
        assertThat(T.impactVectors()).containsExactly("baseline drift", "attribution error", "spend leakage",
                "operational disruption");
        assertThat(T.version()).isNotBlank();
        assertThat(T.otherLabel()).isEqualTo("Unexplained");
    }

    @Test
    void everyRequiredCauseIsPlacedInBothDimensions() {
        assertThat(T.causes()).extracting(Taxonomy.Cause::label).contains("TikTok Viral", "Instagram Reels",
                "Social Mention", "Campaign Spend", "Facebook Campaign Spend", "Delivery-App Promo",
                "Competitor Stock-Out", "Till Fault", "Feed Corruption", "Travel Disruption", "Store Operations");
        assertThat(T.detectionTypeOf("TikTok Viral")).isEqualTo("Social/Viral Event");
        assertThat(T.detectionTypeOf("Campaign Spend")).isEqualTo("Marketing Misattribution");
        assertThat(T.detectionTypeOf("Delivery-App Promo")).isEqualTo("Marketing Misattribution");
        assertThat(T.detectionTypeOf("Competitor Stock-Out")).isEqualTo("Competitor Stockout");
        assertThat(T.detectionTypeOf("Till Fault")).isEqualTo("Data Error");
        assertThat(T.detectionTypeOf("Feed Corruption")).isEqualTo("Data Error");
        assertThat(T.detectionTypeOf("Travel Disruption")).isEqualTo("Operational/Store Issue");
        assertThat(T.detectionTypeOf("Store Operations")).isEqualTo("Operational/Store Issue");
        assertThat(T.impactVectorOf("Campaign Spend")).isEqualTo("attribution error");
        assertThat(T.impactVectorOf("Facebook Campaign Spend")).isEqualTo("spend leakage");
        assertThat(T.impactVectorOf("TikTok Viral")).isEqualTo("baseline drift");
        assertThat(T.impactVectorOf("Travel Disruption")).isEqualTo("operational disruption");
        for (Taxonomy.Cause c : T.causes()) {
            assertThat(T.detectionTypes()).contains(c.detectionType());
            assertThat(T.impactVectors()).contains(c.impactVector());
        }
    }

    @Test
    void causeNamesMatchLenientlyAndNovelCausesAreUnknown() {
        assertThat(T.isKnownCause("Competitor Stock-Out")).isTrue();
        assertThat(T.isKnownCause("competitor stockout")).isTrue();
        assertThat(T.isKnownCause("COMPETITOR_STOCKOUT")).isTrue();
        assertThat(T.isKnownCause("tiktok_viral")).isTrue();
        assertThat(T.cause("delivery app promo").label()).isEqualTo("Delivery-App Promo");

        assertThat(T.isKnownCause("National TV recipe feature")).isFalse();
        assertThat(T.isKnownCause("Unexplained")).isFalse();
        assertThat(T.isKnownCause("unknown")).isFalse();
        assertThat(T.isKnownCause(null)).isFalse();
        assertThat(T.detectionTypeOf("Podcast mention")).isNull();
        assertThat(T.impactVectorOf("Podcast mention")).isNull();
    }

    @Test
    void tiersFollowTheDocumentedThresholds() {
        assertThat(T.tierOf(null)).isEqualTo("Unknown");
        assertThat(T.tierOf(Double.NaN)).isEqualTo("Unknown");
        assertThat(T.tierOf(0.0)).isEqualTo("Low");
        assertThat(T.tierOf(0.2999)).isEqualTo("Low");
        assertThat(T.tierOf(0.3)).isEqualTo("Medium");
        assertThat(T.tierOf(0.6999)).isEqualTo("Medium");
        assertThat(T.tierOf(0.7)).isEqualTo("High");
        assertThat(T.tierOf(1.0)).isEqualTo("High");
        assertThat(T.mediumThreshold()).isEqualTo(0.3);
        assertThat(T.highThreshold()).isEqualTo(0.7);
    }

    @Test
    void signalsMapToCausesByKindAndAttributes() {
        assertThat(causeOf(SignalView.SOCIAL_MENTION, "platform", "TikTok")).isEqualTo("TikTok Viral");
        assertThat(causeOf(SignalView.SOCIAL_MENTION, "platform", "instagram")).isEqualTo("Instagram Reels");
        assertThat(causeOf(SignalView.SOCIAL_MENTION, "platform", "youtube")).isEqualTo("Social Mention");
        assertThat(causeOf(SignalView.CAMPAIGN, "channel", "paid_social")).isEqualTo("Campaign Spend");
        assertThat(causeOf(SignalView.CAMPAIGN, "channel", "facebook")).isEqualTo("Facebook Campaign Spend");
        assertThat(causeOf(SignalView.CAMPAIGN, "channel", "delivery_app")).isEqualTo("Delivery-App Promo");
        assertThat(causeOf(SignalView.CAMPAIGN, "channel", "paid_social", "partner", "Deliveroo"))
                .isEqualTo("Delivery-App Promo");
        assertThat(causeOf(SignalView.COMPETITOR_STOCK, "status", "out_of_stock")).isEqualTo("Competitor Stock-Out");
        assertThat(causeOf(SignalView.COMPETITOR_STOCK, "status", "back_in_stock")).isNull();
        assertThat(causeOf(SignalView.TRANSPORT_ALERT, "station", "London Waterloo")).isEqualTo("Travel Disruption");
        assertThat(causeOf(SignalView.OPS_INCIDENT, "incident", "till_fault")).isEqualTo("Till Fault");
        assertThat(causeOf(SignalView.OPS_INCIDENT, "incident", "maintenance")).isEqualTo("Store Operations");
        assertThat(causeOf(SignalView.OPS_INCIDENT, "incident", "test_activity")).isEqualTo("Store Operations");
        assertThat(causeOf(SignalView.OPS_INCIDENT, "incident", "system_failure")).isEqualTo("System Failure");
        assertThat(causeOf(SignalView.FEED_HEALTH, "issue", "gaps")).isEqualTo("Feed Corruption");
        assertThat(causeOf("weather", "kind", "rain")).isNull();
    }

    private static String causeOf(String kind, String... attributes) {
        SignalView s = Fixtures.signal("s", kind, attributes).build();
        int i = T.causeIndexOf(s);
        return i < 0 ? null : T.causes().get(i).label();
    }

    @Test
    void aTyposKeyIsRejected() throws Exception {
        assertRejected(p -> p.setProperty("cause.tiktok_viral.prior_typo", "0.1"), "unknown keys",
                "cause.tiktok_viral.prior_typo");
    }

    @Test
    void aMissingKeyIsNamed() throws Exception {
        assertRejected(p -> p.remove("cause.till_fault.label"), "cause.till_fault.label", "is required");
        assertRejected(p -> p.remove("calibration.temperature"), "calibration.temperature");
    }

    @Test
    void aCauseMustPointAtDeclaredDimensions() throws Exception {
        assertRejected(p -> p.setProperty("cause.till_fault.detection_type", "gremlins"),
                "cause.till_fault.detection_type", "gremlins");
        assertRejected(p -> p.setProperty("cause.till_fault.impact_vector", "vibes"),
                "cause.till_fault.impact_vector", "vibes");
    }

    @Test
    void probabilityTablesAreChecked() throws Exception {
        assertRejected(p -> p.setProperty("cause.till_fault.feature.breadth", "0.5, 0.5"),
                "cause.till_fault.feature.breadth", "4 probabilities");
        assertRejected(p -> p.setProperty("cause.till_fault.feature.skus", "0.5, 0.3, 0.1"),
                "cause.till_fault.feature.skus", "sum to 1");
        assertRejected(p -> p.setProperty("cause.till_fault.feature.skus", "0.9, 0.1, 0"),
                "cause.till_fault.feature.skus", "(0, 1]");
        assertRejected(p -> p.setProperty("cause.till_fault.feature.impossible_values", "1.0"),
                "cause.till_fault.feature.impossible_values", "strictly between 0 and 1");
        assertRejected(p -> p.setProperty("cause.till_fault.feature.magnitude", "a, b, c, d"), "not a number");
    }

    @Test
    void priorsMustSumToOne() throws Exception {
        assertRejected(p -> p.setProperty("other.noise.prior", "0.9"), "priors must sum to 1");
    }

    @Test
    void aSignalMustBeEvidenceForItsCause() throws Exception {
        assertRejected(p -> p.setProperty("cause.campaign_spend.signal.decoy_rate", "0.9"),
                "cause.campaign_spend.signal.recall", "decoy_rate < recall");
    }

    @Test
    void tiersMustBeOrdered() throws Exception {
        assertRejected(p -> p.setProperty("tier.medium", "0.8"), "tier.medium < tier.high");
    }

    @Test
    void signalMappingsMustTargetDeclaredCauses() throws Exception {
        assertRejected(p -> p.setProperty("signal.campaign.channel.radio", "radio_spend"),
                "signal.campaign.channel.radio", "not a declared cause");
    }

    @Test
    void theCatchAllNameCannotBeACause() throws Exception {
        assertRejected(p -> p.setProperty("other.label", "Till Fault"), "other.label", "clashes");
    }

    @Test
    void loadsAnOverrideFileAndSurvivesJavaSerialisation(@TempDir Path dir) throws Exception {
        Properties p = defaults();
        p.setProperty("taxonomy.version", "override-1");
        Path file = dir.resolve("taxonomy.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "test override");
        }
        Taxonomy loaded = Taxonomy.load(file);
        assertThat(loaded.version()).isEqualTo("override-1");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(loaded);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Taxonomy copy = (Taxonomy) in.readObject();
            assertThat(copy.version()).isEqualTo("override-1");
            assertThat(copy.causes()).isEqualTo(loaded.causes());
            assertThat(copy.tierOf(0.75)).isEqualTo("High");
        }
    }

    @Test
    void causesListIsReadOnly() {
        List<Taxonomy.Cause> causes = T.causes();
        assertThatThrownBy(() -> causes.add(causes.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
