package mrs.udfs.attribution;

import static mrs.udfs.attribution.Fixtures.at;
import static mrs.udfs.attribution.Fixtures.report;
import static mrs.udfs.attribution.Fixtures.signal;

import java.util.List;

/**
 * The seed's case studies and validations as evidence: each case is a report revision and the signals
 * that match it, with plausible strengths and timings, and nothing that names the case. The expected
 * causes and confidences live in {@link CaseStudiesTest}.
 */
final class CaseStudies {

    /** One case: a report revision and its matching signals. */
    record Case(String name, ReportView report, List<SignalView> signals) {}

    static final String JUPYTER = "JUPYTER-BAR-DUO";

    private CaseStudies() {}

    private static SignalView londonPaidSocial() {
        return signal("sig-cmp-jupyter", SignalView.CAMPAIGN, "channel", "paid_social", "campaign_id", "CMP-2025-081",
                "spend", "25000")
                .sku(JUPYTER).city("London").from(at(9, 0)).to(at(18, 23, 0)).strength(0.7).build();
    }

    private static SignalView jupyterTikTok() {
        return signal("sig-tt-jupyter", SignalView.SOCIAL_MENTION, "platform", "tiktok", "hashtag",
                "JupyterChallenge", "url", "https://www.tiktok.com/tag/jupyterchallenge")
                .sku(JUPYTER).country(Fixtures.UK).from(at(10, 30)).observed(at(13, 10)).to(at(15, 0, 0))
                .strength(0.85).build();
    }

    /** 1a. Jupyter Challenge, first proposal: a London paid-social campaign live, no social yet. */
    static Case jupyterFirst() {
        ReportView r = report("LON-001").skus(JUPYTER).start(at(11, 0)).windows(1).spike(4.1).stores(10)
                .asOf(at(12, 0)).build();
        return new Case("jupyter-first", r, List.of(londonPaidSocial()));
    }

    /** 1b. Jupyter Challenge, refreshed: the TikTok hashtag shows up in social listening at 13:10. */
    static Case jupyterRefreshed() {
        ReportView r = report("LON-001").skus(JUPYTER).start(at(11, 0)).windows(3).spike(4.1).stores(10)
                .asOf(at(14, 0)).build();
        return new Case("jupyter-refreshed", r, List.of(londonPaidSocial(), jupyterTikTok()));
    }

    /** 2. Till fault across 15 Waitrose stores in the South East: no signals, small lifts, one SKU. */
    static Case tillFault() {
        ReportView r = report("WTR-SE-007").retailer("Waitrose").place("Guildford", "South East")
                .skus("SKU-HUMMUS-200").start(at(10, 0)).windows(2).spike(1.6).stores(15).build();
        return new Case("till-fault", r, List.of());
    }

    /** 3. Competitor stock-out in Birmingham: a city-scoped out-of-stock and a sustained lift in 10 stores. */
    static Case birminghamStockOut() {
        SignalView oos = signal("sig-comp-bham", SignalView.COMPETITOR_STOCK, "competitor", "Rival Foods",
                "status", "out_of_stock")
                .sku("SKU-OATS-1KG").city("Birmingham").from(at(11, 6, 0)).to(at(16, 0, 0)).strength(0.7).build();
        ReportView r = report("BHM-004").place("Birmingham", "West Midlands").skus("SKU-OATS-1KG")
                .start(at(11, 8, 0)).windows(14).spike(1.9).stores(10).build();
        return new Case("competitor-stockout", r, List.of(oos));
    }

    /** 4. National TV recipe feature: not in the taxonomy; only a weak TikTok mention, 8 cities. */
    static Case tvFeature() {
        SignalView weak = signal("sig-tt-recipe", SignalView.SOCIAL_MENTION, "platform", "tiktok", "hashtag",
                "fiveminutepasta")
                .sku("SKU-PASTA-500").country(Fixtures.UK).from(at(19, 30)).to(at(13, 23, 0)).strength(0.3).build();
        ReportView r = report("MAN-002").place("Manchester", "North West").skus("SKU-PASTA-500")
                .start(at(19, 0)).windows(3).spike(3.0).stores(16).build();
        return new Case("tv-feature", r, List.of(weak));
    }

    /** 5. Podcast mention: 7 cities, no signals at all. */
    static Case podcast() {
        ReportView r = report("LDS-003").place("Leeds", "Yorkshire").skus("SKU-KOMBUCHA")
                .start(at(8, 0)).windows(5).spike(2.2).stores(12).build();
        return new Case("podcast", r, List.of());
    }

    /** 6. London Waterloo train disruption: a transport alert and 4 commuter stores. */
    static Case waterloo() {
        SignalView alert = signal("sig-tfl-waterloo", SignalView.TRANSPORT_ALERT, "station", "London Waterloo",
                "severity", "major")
                .city("London").from(at(6, 50)).to(at(11, 0)).strength(0.8).build();
        ReportView r = report("LON-WAT-2").tags("commuter").skus("SKU-MEAL-DEAL", "SKU-COFFEE", "SKU-WATER", "SKU-CRISPS")
                .skuCount(4).start(at(7, 0)).windows(3).spike(1.9).stores(4).build();
        return new Case("waterloo", r, List.of(alert));
    }

    /** 7. Deliveroo free-bar campaign: a UK-wide delivery-app campaign for the SKU, 40 stores up. */
    static Case deliveroo() {
        SignalView cmp = signal("sig-cmp-deliveroo", SignalView.CAMPAIGN, "channel", "delivery_app", "partner",
                "deliveroo", "campaign_id", "DLV-FREEBAR-0812", "spend", "60000")
                .sku(JUPYTER).country(Fixtures.UK).from(at(11, 0)).to(at(14, 0, 0)).strength(0.9).build();
        ReportView r = report("BRS-001").place("Bristol", "South West").skus(JUPYTER).start(at(12, 0))
                .windows(4).spike(2.8).stores(40).build();
        return new Case("deliveroo", r, List.of(cmp));
    }

    /** 8. Norwich: a Facebook campaign is live; the Instagram Reels that really drove it is not seen yet. */
    static Case norwich() {
        SignalView fb = signal("sig-cmp-fb-norwich", SignalView.CAMPAIGN, "channel", "facebook", "campaign_id",
                "FB-EAST-77")
                .sku("SKU-CHOC-ORANGE").city("Norwich").from(at(8, 0)).to(at(15, 0, 0)).strength(0.6).build();
        ReportView r = report("NWI-001").place("Norwich", "East of England").skus("SKU-CHOC-ORANGE")
                .start(at(15, 0)).windows(2).spike(3.2).stores(5).build();
        return new Case("norwich", r, List.of(fb));
    }

    /** Validation: store-feed corruption flagged by feed health, every SKU to zero. */
    static Case feedCorruptionSignalled() {
        SignalView fh = signal("sig-feed-nwc", SignalView.FEED_HEALTH, "issue", "corruption")
                .stores("NCL-005").from(at(11, 30)).observed(at(12, 40)).to(at(13, 0, 0)).strength(0.9).build();
        ReportView r = report("NCL-005").place("Newcastle", "North East").skus().skuCount(24)
                .start(at(11, 0)).windows(2).drop(0.0).allZero().build();
        return new Case("feed-corruption-signalled", r, List.of(fh));
    }

    /** Validation: store-feed corruption seen only in the data (impossible values, every SKU zero). */
    static Case feedCorruptionUnsignalled() {
        ReportView r = report("NCL-006").place("Newcastle", "North East").skus().skuCount(24)
                .start(at(11, 0)).windows(2).drop(0.0).allZero().impossible().build();
        return new Case("feed-corruption-data-only", r, List.of());
    }

    /** Validation: an injected viral signal on a multi-store spike. */
    static Case injectedViral() {
        SignalView tt = signal("sig-inject-viral", SignalView.SOCIAL_MENTION, "platform", "tiktok", "hashtag",
                "InjectedTest")
                .sku("SKU-CRISPS").country(Fixtures.UK).from(at(9, 0)).to(at(20, 0)).strength(0.9).build();
        ReportView r = report("LIV-001").place("Liverpool", "North West").skus("SKU-CRISPS").start(at(10, 0))
                .windows(3).spike(3.5).stores(12).build();
        return new Case("injected-viral", r, List.of(tt));
    }
}
