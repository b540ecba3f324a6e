package mrs.udfs.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One context signal from the {@code mrs.signals} feed as the attribution model sees it: a social
 * mention, a campaign, a competitor stock event, a transport alert, an ops incident or a feed-health
 * alert, with its validity interval, its scope and a strength in [0, 1] (the feed's belief that the
 * signal is real and material).
 *
 * <p>Scope: {@code sku} null means every SKU; an empty {@code storeIds} any store; a null
 * {@code city}/{@code region}/{@code country} no restriction on that level. {@link #matches(ReportView)}
 * is the single definition of "this signal is evidence for that report" that the job and the model
 * share: the validity interval overlaps the report's {@code [windowStart, windowEnd)}, the signal was
 * observed at or before the report's {@code asOf} (so a replay proposes exactly what was knowable then)
 * and every scope component matches (SKU exactly, places case-insensitively).
 *
 * <p>Times are epoch milliseconds. A signal with {@code validTo == validFrom} is an instant and matches
 * a window containing it. Collections are copied into {@link ArrayList}/{@link TreeMap} (Kryo-friendly
 * if the record is kept in Flink state) and exposed read-only; blank scope strings count as absent.
 */
public record SignalView(
        String signalId,
        String kind,
        String source,
        long observedAt,
        long validFrom,
        long validTo,
        String sku,
        List<String> storeIds,
        String city,
        String region,
        String country,
        double strength,
        String payload,
        Map<String, String> attributes)
        implements Serializable {

    /** Kind of a social-media mention (attribute {@code platform}, {@code hashtag}, {@code url}). */
    public static final String SOCIAL_MENTION = "social_mention";
    /** Kind of a marketing campaign (attributes {@code channel}, {@code partner}, {@code spend}, {@code campaign_id}). */
    public static final String CAMPAIGN = "campaign";
    /** Kind of a competitor stock event (attributes {@code competitor}, {@code status}). */
    public static final String COMPETITOR_STOCK = "competitor_stock";
    /** Kind of a transport alert (attributes {@code station}, {@code severity}). */
    public static final String TRANSPORT_ALERT = "transport_alert";
    /** Kind of an ops incident (attribute {@code incident}). */
    public static final String OPS_INCIDENT = "ops_incident";
    /** Kind of a feed-health alert (attribute {@code issue}). */
    public static final String FEED_HEALTH = "feed_health";

    /** Validates the contract, normalises the kind to lower case and takes defensive copies. */
    public SignalView {
        if (signalId == null || signalId.isBlank()) {
            throw new IllegalArgumentException("signalId is required");
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("signal " + signalId + ": kind is required");
        }
        kind = kind.trim().toLowerCase(Locale.ROOT);
        if (validTo < validFrom) {
            throw new IllegalArgumentException(
                    "signal " + signalId + ": validTo " + validTo + " is before validFrom " + validFrom);
        }
        if (!(strength >= 0.0 && strength <= 1.0)) {
            throw new IllegalArgumentException(
                    "signal " + signalId + ": strength must be in [0, 1], got " + strength);
        }
        sku = blankToNull(sku);
        city = blankToNull(city);
        region = blankToNull(region);
        country = blankToNull(country);
        List<String> ids = new ArrayList<>();
        if (storeIds != null) {
            for (String id : storeIds) {
                if (id != null && !id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        storeIds = ids;
        TreeMap<String, String> attrs = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> {
                if (k != null && v != null) {
                    attrs.put(k, v);
                }
            });
        }
        attributes = attrs;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Store ids the signal is limited to (empty = any store), read-only. */
    @Override
    public List<String> storeIds() {
        return Collections.unmodifiableList(storeIds);
    }

    /** Kind-specific attributes, sorted by name, read-only. */
    @Override
    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** The attribute's value (exact name first, then case-insensitively), trimmed; null when absent or blank. */
    public String attribute(String name) {
        String v = attributes.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The evidence link: attribute {@code url}, else the payload when it is a URL; null otherwise. */
    public String url() {
        String u = attribute("url");
        if (u != null) {
            return u;
        }
        if (payload != null) {
            String p = payload.trim();
            String lower = p.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && !p.contains(" ")) {
                return p;
            }
        }
        return null;
    }

    /**
     * Whether the validity interval overlaps {@code [start, end)}. An instantaneous signal (validTo ==
     * validFrom) overlaps when it lies inside.
     */
    public boolean overlaps(long start, long end) {
        long to = validTo > validFrom ? validTo : validFrom + 1;
        return validFrom < end && to > start;
    }

    /** Whether the signal's scope (SKU, stores, city, region, country) covers the report. */
    public boolean inScope(ReportView report) {
        if (sku != null && !report.skus().contains(sku)) {
            return false;
        }
        if (!storeIds.isEmpty() && !storeIds.contains(report.storeId())) {
            return false;
        }
        return placeMatches(city, report.city())
                && placeMatches(region, report.region())
                && placeMatches(country, report.country());
    }

    private static boolean placeMatches(String wanted, String actual) {
        return wanted == null || (actual != null && wanted.equalsIgnoreCase(actual.trim()));
    }

    /**
     * The single matching rule: validity overlaps the report's window, observed no later than its
     * {@code asOf}, and in scope.
     */
    public boolean matches(ReportView report) {
        Objects.requireNonNull(report, "report");
        return overlaps(report.windowStart(), report.windowEnd())
                && observedAt <= report.asOf()
                && inScope(report);
    }

    /**
     * The most specific geographic component of the scope (stores, then city, region, country). Only
     * meaningful for a signal that {@link #inScope(ReportView) is in scope}.
     */
    public ScopeLevel scopeLevel() {
        if (!storeIds.isEmpty()) {
            return ScopeLevel.STORE;
        }
        if (city != null) {
            return ScopeLevel.CITY;
        }
        if (region != null) {
            return ScopeLevel.REGION;
        }
        if (country != null) {
            return ScopeLevel.COUNTRY;
        }
        return ScopeLevel.UNSCOPED;
    }

    /** The signals of {@code signals} that {@link #matches(ReportView) match} the report, in their order. */
    public static List<SignalView> matching(Collection<SignalView> signals, ReportView report) {
        List<SignalView> out = new ArrayList<>();
        if (signals != null) {
            for (SignalView s : signals) {
                if (s != null && s.matches(report)) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
