package mrs.udfs.attribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for reports and signals on the demo day (12 August 2025, times in UTC). */
final class Fixtures {

    static final String UK = "UK";

    private Fixtures() {}

    /** Epoch millis of 2025-08-{day} hh:mm UTC. */
    static long at(int day, int hh, int mm) {
        return Instant.parse(String.format("2025-08-%02dT%02d:%02d:00Z", day, hh, mm)).toEpochMilli();
    }

    /** Epoch millis of 2025-08-12 hh:mm UTC. */
    static long at(int hh, int mm) {
        return at(12, hh, mm);
    }

    static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A report builder with neutral defaults: one store, one SKU, a 2x spike over 2 hourly windows. */
    static Report report(String storeId) {
        return new Report(storeId);
    }

    static final class Report {
        String storeId;
        String retailer = "Tesco";
        String city = "London";
        String region = "London";
        String country = UK;
        List<String> tags = List.of();
        List<String> skus = List.of("SKU-1");
        long windowStart = at(11, 0);
        int windows = 2;
        long asOf = -1;
        String direction = ReportView.SPIKE;
        double baseline = 20;
        double lift = 2.0;
        int skuCount = -1;
        int stores = 1;
        boolean allZero;
        boolean impossible;

        Report(String storeId) {
            this.storeId = storeId;
        }

        Report retailer(String v) { retailer = v; return this; }
        Report place(String c, String r) { city = c; region = r; return this; }
        Report tags(String... v) { tags = List.of(v); return this; }
        Report skus(String... v) { skus = List.of(v); return this; }
        Report skuCount(int v) { skuCount = v; return this; }
        Report start(long v) { windowStart = v; return this; }
        Report windows(int v) { windows = v; return this; }
        Report asOf(long v) { asOf = v; return this; }
        Report drop(double l) { direction = ReportView.DROP; lift = l; return this; }
        Report spike(double l) { direction = ReportView.SPIKE; lift = l; return this; }
        Report baseline(double v) { baseline = v; return this; }
        Report stores(int v) { stores = v; return this; }
        Report allZero() { allZero = true; return this; }
        Report impossible() { impossible = true; return this; }

        ReportView build() {
            long end = windowStart + windows * 3_600_000L;
            return new ReportView(
                    "MR-" + storeId + "-" + windowStart, storeId, retailer, city, region, country, tags, skus,
                    windowStart, end, asOf < 0 ? end : asOf, direction, baseline * lift, baseline, lift,
                    direction.equals(ReportView.SPIKE) ? 6.0 : -6.0, windows,
                    skuCount < 0 ? skus.size() : skuCount, stores, allZero, impossible);
        }
    }

    /** A signal builder: valid all day, observed at validFrom, unscoped, strength 0.8. */
    static Signal signal(String id, String kind, String... attributes) {
        return new Signal(id, kind, attrs(attributes));
    }

    static final class Signal {
        final String id;
        final String kind;
        final Map<String, String> attributes;
        long validFrom = at(9, 0);
        long validTo = at(13, 23, 59);
        long observedAt = Long.MIN_VALUE;
        String sku;
        List<String> storeIds = List.of();
        String city;
        String region;
        String country;
        double strength = 0.8;
        String payload;

        Signal(String id, String kind, Map<String, String> attributes) {
            this.id = id;
            this.kind = kind;
            this.attributes = attributes;
        }

        Signal from(long v) { validFrom = v; return this; }
        Signal to(long v) { validTo = v; return this; }
        Signal observed(long v) { observedAt = v; return this; }
        Signal sku(String v) { sku = v; return this; }
        Signal stores(String... v) { storeIds = List.of(v); return this; }
        Signal city(String v) { city = v; return this; }
        Signal region(String v) { region = v; return this; }
        Signal country(String v) { country = v; return this; }
        Signal strength(double v) { strength = v; return this; }
        Signal payload(String v) { payload = v; return this; }

        SignalView build() {
            return new SignalView(id, kind, "test", observedAt == Long.MIN_VALUE ? validFrom : observedAt,
                    validFrom, validTo, sku, storeIds, city, region, country, strength, payload, attributes);
        }
    }
}
