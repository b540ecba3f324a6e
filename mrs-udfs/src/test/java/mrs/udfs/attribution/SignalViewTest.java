package mrs.udfs.attribution;

import static mrs.udfs.attribution.Fixtures.at;
import static mrs.udfs.attribution.Fixtures.report;
import static mrs.udfs.attribution.Fixtures.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalViewTest {

    /** London store, SKU-1, windows 11:00-13:00, as of 13:00. */
    private static final ReportView R = report("LON-001").skus("SKU-1", "SKU-2").start(at(11, 0)).windows(2).build();

    private static Fixtures.Signal campaign() {
        return signal("s1", SignalView.CAMPAIGN, "channel", "paid_social");
    }

    @Test
    void validityMustOverlapTheReportWindow() {
        assertThat(campaign().from(at(9, 0)).to(at(11, 0)).build().matches(R)).isFalse();
        assertThat(campaign().from(at(9, 0)).to(at(11, 1)).build().matches(R)).isTrue();
        assertThat(campaign().from(at(12, 59)).to(at(18, 0)).observed(at(12, 59)).build().matches(R)).isTrue();
        assertThat(campaign().from(at(13, 0)).to(at(18, 0)).observed(at(13, 0)).build().matches(R)).isFalse();
        // an instant inside the window
        assertThat(campaign().from(at(12, 0)).to(at(12, 0)).build().matches(R)).isTrue();
    }

    @Test
    void aSignalObservedAfterTheReportsAsOfIsNotYetKnown() {
        assertThat(campaign().from(at(10, 0)).observed(at(13, 0)).build().matches(R)).isTrue();
        assertThat(campaign().from(at(10, 0)).observed(at(13, 1)).build().matches(R)).isFalse();
    }

    @Test
    void scopeMatchesSkuStoresAndPlaces() {
        assertThat(campaign().sku("SKU-2").build().matches(R)).isTrue();
        assertThat(campaign().sku("SKU-9").build().matches(R)).isFalse();
        assertThat(campaign().stores("LON-002", "LON-001").build().matches(R)).isTrue();
        assertThat(campaign().stores("LON-002").build().matches(R)).isFalse();
        assertThat(campaign().city("london").build().matches(R)).isTrue();
        assertThat(campaign().city("Leeds").build().matches(R)).isFalse();
        assertThat(campaign().region("LONDON").country("uk").build().matches(R)).isTrue();
        assertThat(campaign().country("FR").build().matches(R)).isFalse();
        assertThat(campaign().city("  ").build().matches(R)).isTrue(); // blank = no restriction
    }

    @Test
    void aPlaceRestrictionNeedsTheReportToKnowThePlace() {
        ReportView noCity = report("X-1").place(null, null).build();
        assertThat(campaign().city("London").build().matches(noCity)).isFalse();
        assertThat(campaign().build().matches(noCity)).isTrue();
    }

    @Test
    void scopeLevelIsTheMostSpecificComponent() {
        assertThat(campaign().stores("LON-001").city("London").build().scopeLevel()).isEqualTo(ScopeLevel.STORE);
        assertThat(campaign().city("London").country("UK").build().scopeLevel()).isEqualTo(ScopeLevel.CITY);
        assertThat(campaign().region("London").build().scopeLevel()).isEqualTo(ScopeLevel.REGION);
        assertThat(campaign().country("UK").build().scopeLevel()).isEqualTo(ScopeLevel.COUNTRY);
        assertThat(campaign().build().scopeLevel()).isEqualTo(ScopeLevel.UNSCOPED);
    }

    @Test
    void matchingKeepsOnlyMatchingSignalsInOrder() {
        SignalView a = campaign().build();
        SignalView b = signal("s2", SignalView.CAMPAIGN).sku("SKU-9").build();
        SignalView c = signal("s3", SignalView.SOCIAL_MENTION, "platform", "tiktok").build();
        List<SignalView> all = new ArrayList<>(List.of(a, b, c));
        all.add(null);
        assertThat(SignalView.matching(all, R)).containsExactly(a, c);
        assertThat(SignalView.matching(null, R)).isEmpty();
    }

    @Test
    void contractViolationsAreRefused() {
        assertThatThrownBy(() -> campaign().strength(1.2).build()).hasMessageContaining("strength");
        assertThatThrownBy(() -> campaign().strength(Double.NaN).build()).hasMessageContaining("strength");
        assertThatThrownBy(() -> campaign().from(at(12, 0)).to(at(11, 0)).build()).hasMessageContaining("validTo");
        assertThatThrownBy(() -> signal(" ", SignalView.CAMPAIGN).build()).hasMessageContaining("signalId");
        assertThatThrownBy(() -> signal("x", null).build()).hasMessageContaining("kind");
    }

    @Test
    void attributesAreCaseTolerantCopiedAndReadOnly() {
        Map<String, String> attrs = new HashMap<>(Map.of("Platform", "TikTok", "hashtag", " #x "));
        attrs.put(null, "ignored");
        SignalView s = new SignalView("s", " Social_Mention ", "src", 0, 0, 1, null, null, null, null, null, 0.5,
                null, attrs);
        attrs.put("platform", "changed");
        assertThat(s.kind()).isEqualTo("social_mention");
        assertThat(s.attribute("platform")).isEqualTo("TikTok");
        assertThat(s.attribute("hashtag")).isEqualTo("#x");
        assertThat(s.attribute("missing")).isNull();
        assertThat(s.storeIds()).isEmpty();
        assertThatThrownBy(() -> s.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theUrlComesFromTheAttributeOrAUrlPayload() {
        assertThat(campaign().payload("https://ads.example/c/1").build().url()).isEqualTo("https://ads.example/c/1");
        assertThat(campaign().payload("campaign CMP-1").build().url()).isNull();
        assertThat(signal("s", SignalView.SOCIAL_MENTION, "url", "https://t.example/x").payload("https://other")
                .build().url()).isEqualTo("https://t.example/x");
    }

    @Test
    void survivesJavaSerialisationAndKeepsValueEquality() throws Exception {
        SignalView s = campaign().stores("LON-001").sku("SKU-1").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
            out.writeObject(R);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(s);
            assertThat(in.readObject()).isEqualTo(R);
        }
        assertThat(campaign().stores("LON-001").sku("SKU-1").build()).isEqualTo(s).hasSameHashCodeAs(s);
    }
}
