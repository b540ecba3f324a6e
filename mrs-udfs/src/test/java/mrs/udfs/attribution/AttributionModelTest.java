package mrs.udfs.attribution;

import static mrs.udfs.attribution.Fixtures.at;
import static mrs.udfs.attribution.Fixtures.report;
import static mrs.udfs.attribution.Fixtures.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttributionModelTest {

    private static final AttributionModel MODEL = new AttributionModel();

    private static ReportView tenStoreSpike() {
        return report("LON-001").skus("SKU-1").start(at(11, 0)).windows(3).spike(3.5).stores(10).build();
    }

    private static Candidate candidate(List<Candidate> list, String cause) {
        return list.stream().filter(c -> c.cause().equals(cause)).findFirst().orElseThrow();
    }

    @Test
    void theDistributionIsAProbabilityOverCausesAndTheCatchAll() {
        SignalView tt = signal("tt", SignalView.SOCIAL_MENTION, "platform", "tiktok").sku("SKU-1").build();
        List<Candidate> all = MODEL.distribution(tenStoreSpike(), List.of(tt));

        assertThat(all).hasSize(MODEL.taxonomy().causes().size() + 1);
        assertThat(all.stream().mapToDouble(Candidate::confidence).sum()).isCloseTo(1.0, within(0.002));
        Candidate other = candidate(all, "Unexplained");
        assertThat(other.detectionType()).isNull();
        assertThat(other.impactVector()).isNull();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).confidence()).isLessThanOrEqualTo(all.get(i - 1).confidence());
        }
    }

    @Test
    void aProposalListsThreeCausesBestFirstWithTiesByName() {
        Proposal p = MODEL.propose(tenStoreSpike(), List.of());

        assertThat(p.candidates()).hasSize(3);
        assertThat(p.candidates()).extracting(Candidate::cause).doesNotContain("Unexplained");
        for (int i = 1; i < 3; i++) {
            Candidate prev = p.candidates().get(i - 1);
            Candidate cur = p.candidates().get(i);
            assertThat(cur.confidence()).isLessThanOrEqualTo(prev.confidence());
            if (cur.confidence().equals(prev.confidence())) {
                assertThat(cur.cause()).isGreaterThan(prev.cause());
            }
        }
        assertThat(p.cause(2)).isEqualTo(p.candidates().get(1).cause());
        assertThat(p.confidence(3)).isEqualTo(p.candidates().get(2).confidence());
        assertThat(p.cause(4)).isNull();
        assertThat(p.confidence(0)).isNull();
    }

    @Test
    void noEvidenceMeansALowConfidenceNotAMadeUpCause() {
        Proposal p = MODEL.propose(tenStoreSpike(), List.of());

        assertThat(p.confidence()).isLessThan(0.3);
        assertThat(p.tier()).isEqualTo("Low");
        assertThat(p.degraded()).isFalse();
        assertThat(p.candidates()).hasSize(3);
        assertThat(p.evidence()).isEmpty();
        assertThat(p.narrative()).contains("No context signal matches").contains("No cause is convincing");
        assertThat(MODEL.propose(tenStoreSpike(), null)).isEqualTo(p);
    }

    @Test
    void confidencesAreRoundedToFourDecimals() {
        Proposal p = MODEL.propose(tenStoreSpike(), List.of());
        for (Candidate c : p.candidates()) {
            assertThat(c.confidence() * 10_000).isCloseTo(Math.rint(c.confidence() * 10_000), within(1e-6));
        }
    }

    @Test
    void theSameEvidenceGivesTheSameProposalWhateverTheOrderAndDuplicates() {
        ReportView r = tenStoreSpike();
        SignalView a = signal("a", SignalView.CAMPAIGN, "channel", "paid_social").sku("SKU-1").city("London").build();
        SignalView b = signal("b", SignalView.SOCIAL_MENTION, "platform", "tiktok", "url", "https://t.example/b")
                .country("UK").strength(0.6).build();
        SignalView c = signal("c", SignalView.COMPETITOR_STOCK, "status", "out_of_stock").city("London")
                .strength(0.3).build();
        List<SignalView> signals = new ArrayList<>(List.of(a, b, c));
        Proposal first = MODEL.propose(r, signals);

        Collections.reverse(signals);
        assertThat(MODEL.propose(r, signals)).isEqualTo(first);
        signals.add(a);
        signals.add(b);
        assertThat(MODEL.propose(r, signals)).isEqualTo(first);
        assertThat(new AttributionModel().propose(r, List.of(c, a, b))).isEqualTo(first);
    }

    @Test
    void theNarrativeDoesNotDependOnTheDefaultLocale() {
        ReportView r = tenStoreSpike();
        SignalView a = signal("a", SignalView.CAMPAIGN, "channel", "paid_social").sku("SKU-1").strength(0.65).build();
        Locale before = Locale.getDefault();
        String root;
        String german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = MODEL.propose(r, List.of(a)).narrative();
            Locale.setDefault(Locale.GERMANY);
            german = MODEL.propose(r, List.of(a)).narrative();
        } finally {
            Locale.setDefault(before);
        }
        assertThat(german).isEqualTo(root).contains("3.5x").contains("strength 0.65");
    }

    @Test
    void signalsThatDoNotMatchAreIgnored() {
        ReportView r = tenStoreSpike();
        SignalView otherSku = signal("x1", SignalView.SOCIAL_MENTION, "platform", "tiktok").sku("SKU-9").build();
        SignalView future = signal("x2", SignalView.SOCIAL_MENTION, "platform", "tiktok").observed(at(23, 0)).build();
        SignalView otherCity = signal("x3", SignalView.CAMPAIGN).city("Leeds").build();
        SignalView unknownKind = signal("x4", "weather", "condition", "heatwave").build();

        assertThat(MODEL.propose(r, List.of(otherSku, future, otherCity, unknownKind)))
                .isEqualTo(MODEL.propose(r, List.of()));
    }

    @Test
    void theEvidenceStringNamesSignalsUrlsAndChecks() {
        ReportView r = report("LON-001").skus("SKU-1").windows(1).spike(9.0).build();
        SignalView tt = signal("sig-tt", SignalView.SOCIAL_MENTION, "platform", "tiktok", "url",
                "https://www.tiktok.com/tag/x").sku("SKU-1").build();
        SignalView till = signal("sig-till", SignalView.OPS_INCIDENT, "incident", "till_fault").stores("LON-001")
                .build();
        Proposal p = MODEL.propose(r, List.of(tt, till));

        assertThat(p.evidence()).isEqualTo("sig-till | sig-tt | https://www.tiktok.com/tag/x | check:single_store_single_sku");
        assertThat(p.narrative()).contains("an ops incident reporting till fault").contains("TikTok mention")
                .contains("only this store and one SKU moved");
    }

    @Test
    void aCampaignThatStartsAfterTheSpikeCountsLess() {
        ReportView r = tenStoreSpike();
        SignalView before = signal("c", SignalView.CAMPAIGN, "channel", "search").sku("SKU-1").from(at(9, 0)).build();
        SignalView after = signal("c", SignalView.CAMPAIGN, "channel", "search").sku("SKU-1").from(at(12, 30))
                .observed(at(12, 30)).build();

        double onTime = candidate(MODEL.distribution(r, List.of(before)), "Campaign Spend").confidence();
        double late = candidate(MODEL.distribution(r, List.of(after)), "Campaign Spend").confidence();
        assertThat(late).isLessThan(onTime - 0.1);
        assertThat(MODEL.propose(r, List.of(after)).narrative()).contains("live from 12:30, after the spike started");
    }

    @Test
    void aWeakSignalAimedAtTheStoreCountsMoreThanTheSameOneNationally() {
        ReportView r = tenStoreSpike();
        SignalView store = signal("c", SignalView.COMPETITOR_STOCK, "status", "out_of_stock").sku("SKU-1")
                .stores("LON-001").strength(0.35).build();
        SignalView national = signal("c", SignalView.COMPETITOR_STOCK, "status", "out_of_stock").sku("SKU-1")
                .country("UK").strength(0.35).build();
        double s = candidate(MODEL.distribution(r, List.of(store)), "Competitor Stock-Out").confidence();
        double n = candidate(MODEL.distribution(r, List.of(national)), "Competitor Stock-Out").confidence();
        double none = candidate(MODEL.distribution(r, List.of()), "Competitor Stock-Out").confidence();
        assertThat(s).isGreaterThan(n);
        assertThat(n).isGreaterThan(none);
    }

    @Test
    void aStrongSignalSaturatesSoTheExactStrengthHardlyMatters() {
        ReportView r = tenStoreSpike();
        double at60 = MODEL.propose(r, List.of(signal("d", SignalView.CAMPAIGN, "channel", "delivery_app")
                .sku("SKU-1").country("UK").strength(0.6).build())).confidence();
        double at95 = MODEL.propose(r, List.of(signal("d", SignalView.CAMPAIGN, "channel", "delivery_app")
                .sku("SKU-1").country("UK").strength(0.95).build())).confidence();
        assertThat(at95).isEqualTo(at60);
    }

    @Test
    void absenceOfAnExpectedSignalIsEvidenceAgainstItsCause() {
        // A delivery-app promo is nearly always logged by the partner; without the log it is unlikely.
        ReportView national = report("BRS-001").skus("SKU-1").windows(4).spike(2.8).stores(40).build();
        SignalView log = signal("d", SignalView.CAMPAIGN, "channel", "delivery_app").sku("SKU-1").country("UK")
                .build();
        double without = candidate(MODEL.distribution(national, List.of()), "Delivery-App Promo").confidence();
        double with = candidate(MODEL.distribution(national, List.of(log)), "Delivery-App Promo").confidence();
        assertThat(without).isLessThan(0.1);
        assertThat(with).isGreaterThan(0.9);
    }

    @Test
    void theDataHealthPatternsPointAtDataErrors() {
        ReportView till = report("LON-009").skus("SKU-1").windows(1).spike(12.0).stores(1).build();
        Proposal p = MODEL.propose(till, List.of());
        assertThat(p.cause()).isEqualTo("Till Fault");
        assertThat(p.detectionType()).isEqualTo("Data Error");

        ReportView zeros = report("LON-010").skus().skuCount(30).drop(0.0).stores(1).allZero().build();
        Proposal z = MODEL.propose(zeros, List.of());
        assertThat(z.detectionType()).isEqualTo("Data Error");
        assertThat(z.confidence()).isGreaterThan(0.7);
        assertThat(z.evidence()).isEqualTo("check:all_skus_zero");
    }

    @Test
    void plannedMaintenanceIsNotMisreadAsADataError() {
        ReportView closed = report("LON-010").skus().skuCount(30).drop(0.0).stores(1).allZero().build();
        SignalView maintenance = signal("ops-1", SignalView.OPS_INCIDENT, "incident", "maintenance")
                .stores("LON-010").strength(0.9).build();
        Proposal p = MODEL.propose(closed, List.of(maintenance));
        assertThat(p.cause()).isEqualTo("Store Operations");
        assertThat(p.detectionType()).isEqualTo("Operational/Store Issue");
        assertThat(p.cause(2)).isEqualTo("Feed Corruption");
    }

    @Test
    void theDegradedProposalIsExplicit() {
        Proposal d = AttributionModel.degraded("signals feed down since 10:00");

        assertThat(d.degraded()).isTrue();
        assertThat(d.cause()).isEqualTo("unknown");
        assertThat(d.confidence()).isNull();
        assertThat(d.detectionType()).isNull();
        assertThat(d.impactVector()).isNull();
        assertThat(d.tier()).isEqualTo("Unknown");
        assertThat(d.candidates()).hasSize(1);
        assertThat(d.cause(2)).isNull();
        assertThat(d.narrative()).contains("signals feed down since 10:00");
        assertThat(d.evidence()).isEmpty();
        assertThat(Proposal.degraded(null).narrative()).contains("no reason given");
        assertThat(MODEL.taxonomy().tierOf(d.confidence())).isEqualTo(d.tier());
    }

    @Test
    void aMissingReportIsAnErrorForTheCallerToTurnIntoADegradedRow() {
        assertThatThrownBy(() -> MODEL.propose(null, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theModelSurvivesJavaSerialisation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(MODEL);
        }
        AttributionModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AttributionModel) in.readObject();
        }
        CaseStudies.Case c = CaseStudies.jupyterRefreshed();
        assertThat(copy.propose(c.report(), c.signals())).isEqualTo(MODEL.propose(c.report(), c.signals()));
    }
}
