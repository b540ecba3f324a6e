package mrs.it;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import mrs.records.RawRecord;

/**
 * Small, deterministic feeds for the cluster tests: a few stores and SKUs with a daily shape and
 * Poisson-like noise, plus injected anomalies. Sales are hourly-bucketed POS lines in time order.
 */
public final class TestData {
    public static final long HOUR = Duration.ofHours(1).toMillis();
    /** A Monday; four weeks of history follow. */
    public static final Instant START = Instant.parse("2025-07-07T00:00:00Z");
    public static final int DAYS = 28;
    public static final List<String> STORES = List.of("LON-001", "LON-002", "BHM-001", "MAN-001");
    public static final List<String> SKUS = List.of("SKU-A", "SKU-B", "SKU-C");
    /** The injected spike: LON-001 / SKU-A, x5 for 3 hours at noon on day 25. */
    public static final String SPIKE_STORE = "LON-001";
    public static final String SPIKE_SKU = "SKU-A";
    public static final long SPIKE_START = START.toEpochMilli() + 25 * 24 * HOUR + 12 * HOUR;
    /** The injected drop: BHM-001 sells almost nothing for 3 peak hours on day 26 (a till outage). */
    public static final String DROP_STORE = "BHM-001";
    public static final long DROP_START = START.toEpochMilli() + 26 * 24 * HOUR + 11 * HOUR;

    private TestData() {}

    /** A multiplicative shock to some stores' sales of one SKU for some hours. */
    public record Shock(List<String> stores, String sku, long start, int hours, double factor) {}

    /** Sales JSON lines of the given stores with the given shocks, same shape and noise as below. */
    public static List<String> salesLines(List<String> stores, List<Shock> shocks) {
        return salesLines(stores, shocks, s -> "Tesco");
    }

    /** As above, each store's lines carrying the retailer {@code retailerOf} gives it. */
    public static List<String> salesLines(List<String> stores, List<Shock> shocks, Function<String, String> retailerOf) {
        List<String> lines = new ArrayList<>();
        long start = START.toEpochMilli();
        SplittableRandom rnd = new SplittableRandom(20250707L);
        for (long h = start; h < start + DAYS * 24 * HOUR; h += HOUR) {
            for (String store : stores) {
                for (String sku : SKUS) {
                    double mean = mean(h, sku);
                    for (Shock s : shocks) {
                        if (s.stores().contains(store) && s.sku().equals(sku) && h >= s.start() && h < s.start() + s.hours() * HOUR) {
                            mean *= s.factor();
                        }
                    }
                    int units = poisson(rnd, mean);
                    if (units > 0) {
                        long t = h + rnd.nextLong(HOUR);
                        lines.add(String.format(
                                "{\"event_id\":\"%s-%s-%d\",\"store_id\":\"%s\",\"sku\":\"%s\",\"event_time\":\"%s\","
                                        + "\"units\":%d,\"revenue\":%.2f,\"currency\":\"GBP\",\"retailer\":\"%s\"}",
                                store, sku, h / HOUR, store, sku, Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC),
                                units, units * 1.99, retailerOf.apply(store)));
                    }
                }
            }
        }
        return lines;
    }

    /** Store records for the given stores: the prefix names the city. */
    public static List<String> storeLines(List<String> stores) {
        return storeLines(stores, s -> "Tesco");
    }

    /** Store records for the given stores with the retailer {@code retailerOf} gives each. */
    public static List<String> storeLines(List<String> stores, Function<String, String> retailerOf) {
        List<String> lines = new ArrayList<>();
        for (String s : stores) {
            String city = s.startsWith("LON") ? "London" : s.startsWith("BHM") ? "Birmingham" : "Manchester";
            String region = s.startsWith("LON") ? "London" : s.startsWith("BHM") ? "West Midlands" : "North West";
            lines.add("{\"store_id\":\"" + s + "\",\"retailer\":\"" + retailerOf.apply(s) + "\",\"city\":\"" + city
                    + "\",\"region\":\"" + region + "\",\"country\":\"GB\"}");
        }
        return lines;
    }

    /** A signal JSON line. */
    public static String signal(String id, String kind, long observedAt, long validFrom, long validTo, String sku,
            String city, double strength, String extra) {
        return "{\"signal_id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"source\":\"test\",\"observed_at\":\""
                + Instant.ofEpochMilli(observedAt) + "\",\"valid_from\":\"" + Instant.ofEpochMilli(validFrom)
                + "\",\"valid_to\":\"" + Instant.ofEpochMilli(validTo) + "\",\"sku\":\"" + sku + "\",\"city\":\"" + city
                + "\",\"country\":\"GB\",\"strength\":" + strength + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    // ---- the London-spike day shared by the attribution and Trino cases

    /** Four London stores, Birmingham and Manchester. */
    public static final List<String> LONDON_DAY_STORES =
            List.of("LON-001", "LON-002", "LON-003", "LON-004", "BHM-001", "MAN-001");
    /** Thursday 31 July 2025, 10:00 UTC: the London spike starts. */
    public static final long LONDON_SPIKE = START.toEpochMilli() + 25 * 24 * HOUR + 10 * HOUR;
    /** SKU-A at 4x in the four London stores for six hours; SKU-B at 4x in Birmingham a day later for four. */
    public static final List<Shock> LONDON_DAY_SHOCKS = List.of(
            new Shock(List.of("LON-001", "LON-002", "LON-003", "LON-004"), "SKU-A", LONDON_SPIKE, 6, 4.0),
            new Shock(List.of("BHM-001"), "SKU-B", LONDON_SPIKE + 24 * HOUR, 4, 4.0));
    /** A paid-social campaign for SKU-A in London, observed and live from a day before the spike. */
    public static final String LONDON_CAMPAIGN = signal("SIG-CAMPAIGN", "campaign", LONDON_SPIKE - 24 * HOUR,
            LONDON_SPIKE - 24 * HOUR, LONDON_SPIKE + 48 * HOUR, "SKU-A", "London", 0.7,
            "\"channel\":\"paid_social\",\"spend\":\"20000\"");

    /** The #JupyterChallenge mention of SKU-A in London: live from the spike, observed 2 h 10 min later. */
    public static String londonTikTok(String extraAttributes) {
        return signal("SIG-TIKTOK", "social_mention", LONDON_SPIKE + 2 * HOUR + 10 * 60_000, LONDON_SPIKE,
                LONDON_SPIKE + 48 * HOUR, "SKU-A", "London", 0.85,
                "\"platform\":\"tiktok\",\"hashtag\":\"JupyterChallenge\"" + extraAttributes);
    }

    /** Sales JSON lines; {@code withAnomalies=false} gives the same estate clean. */
    public static List<String> salesLines(boolean withAnomalies) {
        List<String> lines = new ArrayList<>();
        long start = START.toEpochMilli();
        SplittableRandom rnd = new SplittableRandom(20250707L); // one seeded stream, consumed in a fixed order
        for (long h = start; h < start + DAYS * 24 * HOUR; h += HOUR) {
            for (String store : STORES) {
                for (String sku : SKUS) {
                    double mean = mean(h, sku);
                    if (withAnomalies && store.equals(SPIKE_STORE) && sku.equals(SPIKE_SKU)
                            && h >= SPIKE_START && h < SPIKE_START + 3 * HOUR) {
                        mean *= 5;
                    }
                    if (withAnomalies && store.equals(DROP_STORE) && h >= DROP_START && h < DROP_START + 3 * HOUR) {
                        mean *= 0.02;
                    }
                    int units = poisson(rnd, mean);
                    if (units > 0) {
                        long t = h + rnd.nextLong(HOUR);
                        lines.add(String.format(
                                "{\"event_id\":\"%s-%s-%d\",\"store_id\":\"%s\",\"sku\":\"%s\",\"event_time\":\"%s\","
                                        + "\"units\":%d,\"revenue\":%.2f,\"currency\":\"GBP\",\"retailer\":\"Tesco\"}",
                                store, sku, h / HOUR, store, sku, Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC),
                                units, units * 1.99));
                    }
                }
            }
        }
        return lines;
    }

    private static double mean(long hourStart, String sku) {
        int hod = (int) ((hourStart / HOUR) % 24);
        double shape = hod < 7 || hod >= 22 ? 0.3 : (hod >= 11 && hod < 14) || (hod >= 17 && hod < 19) ? 1.6 : 1.0;
        return shape * (sku.equals("SKU-A") ? 8 : sku.equals("SKU-B") ? 6 : 10);
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        // Knuth's method: fine for the small means used here.
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    public static List<String> storeLines() {
        List<String> lines = new ArrayList<>();
        for (String s : STORES) {
            String city = s.startsWith("LON") ? "London" : s.startsWith("BHM") ? "Birmingham" : "Manchester";
            lines.add("{\"store_id\":\"" + s + "\",\"retailer\":\"Tesco\",\"city\":\"" + city
                    + "\",\"region\":\"UK\",\"country\":\"GB\"}");
        }
        return lines;
    }

    /** Wraps lines as raw records with line numbers as offsets, as a file source would. */
    public static List<RawRecord> raw(String source, List<String> lines) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new RawRecord(source, -1, i, -1, lines.get(i)));
        }
        return out;
    }

    /** A signal outside every test's scope and time: the signals stream is never empty. */
    public static final String NO_SIGNAL = "{\"signal_id\":\"SIG-NONE\",\"kind\":\"campaign\",\"observed_at\":\"2020-01-01T00:00:00Z\","
            + "\"valid_from\":\"2020-01-01T00:00:00Z\",\"valid_to\":\"2020-01-02T00:00:00Z\",\"country\":\"FR\",\"strength\":0.1}";

    /** Malformed and contract-breaking sales, one of each kind. */
    public static final List<String> BAD_SALES = List.of(
            "{this is not json",
            "{\"event_id\":\"x1\",\"sku\":\"SKU-A\",\"event_time\":\"2025-07-10T10:00:00Z\",\"units\":1,\"revenue\":1.0,\"currency\":\"GBP\"}",
            "{\"event_id\":\"x2\",\"store_id\":\"LON-001\",\"sku\":\"SKU-A\",\"event_time\":\"10/07/2025 10:00\",\"units\":1,\"revenue\":1.0,\"currency\":\"GBP\"}",
            "{\"event_id\":\"x3\",\"store_id\":\"LON-001\",\"sku\":\"SKU-A\",\"event_time\":\"2025-07-10T10:00:00Z\",\"units\":\"lots\",\"revenue\":1.0,\"currency\":\"GBP\"}",
            "{\"event_id\":\"x4\",\"store_id\":\"LON-001\",\"sku\":\"SKU-A\",\"event_time\":\"2025-07-10T10:00:00Z\",\"units\":999999999,\"revenue\":1.0,\"currency\":\"GBP\"}",
            "{\"event_id\":\"x5\",\"store_id\":\"LON-001\",\"sku\":\"SKU-A\",\"event_time\":\"2999-07-10T10:00:00Z\",\"units\":1,\"revenue\":1.0,\"currency\":\"GBP\"}",
            "");

    /** Puts the bad lines among the good ones at fixed positions. */
    public static List<String> withBadLines(List<String> good) {
        List<String> out = new ArrayList<>(good);
        for (int i = 0; i < BAD_SALES.size(); i++) {
            out.add(Math.min(out.size(), 500 + i * 997), BAD_SALES.get(i));
        }
        return out;
    }
}
