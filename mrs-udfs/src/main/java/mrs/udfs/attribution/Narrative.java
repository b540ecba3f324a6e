package mrs.udfs.attribution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the plain-language narrative of a proposal: what happened (store, SKUs, size, start, how many
 * stores share it), which evidence matched (each signal named with its strength and timing, the
 * data-health checks that fired) and what the model concludes. Analysts read it in the UI instead of
 * the raw scores, so it names the evidence rather than the maths.
 *
 * <p>Deterministic by construction: no wall clock, {@link Locale#ROOT} number formatting, times in UTC
 * (the first one carries the date and "UTC", later ones only the time when on the same day).
 */
final class Narrative {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Signals named one by one; beyond that the narrative says "and N more". */
    private static final int NAMED_SIGNALS = 4;

    private Narrative() {}

    static String write(AttributionModel.Evaluation ev, List<Candidate> top) {
        ReportView r = ev.report;
        StringBuilder b = new StringBuilder();
        b.append(situation(r)).append(' ');
        b.append(signals(ev, r)).append(' ');
        String checks = checks(ev);
        if (!checks.isEmpty()) {
            b.append(checks).append(' ');
        }
        b.append(conclusion(ev, top));
        return b.toString();
    }

    private static String situation(ReportView r) {
        List<String> about = new ArrayList<>();
        if (r.city() != null) {
            about.add(r.city());
        }
        for (String tag : r.storeTags()) {
            about.add(tag + " store");
        }
        String store = "Store " + r.storeId() + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
        String what = skuText(r);
        String when = DATE_TIME.format(Instant.ofEpochMilli(r.windowStart())) + " UTC";
        double lift = r.lift();
        String moved;
        if (!Double.isFinite(lift)) {
            moved = store + " sold " + num(r.actualUnits(), 0) + " units of " + what + " against a usual "
                    + num(r.baselineUnits(), 1) + " from " + when;
        } else if (ReportView.SPIKE.equals(r.direction())) {
            moved = store + " sold " + num(lift, 1) + "x the usual " + what + " from " + when;
        } else if (ReportView.DROP.equals(r.direction())) {
            moved = store + " sold " + Math.round(lift * 100) + "% of the usual " + what + " from " + when;
        } else {
            moved = store + " saw mixed moves in " + what + " (" + num(lift, 1) + "x overall) from " + when;
        }
        int windows = r.anomalousWindows();
        if (windows > 0) {
            moved += " over " + windows + (windows == 1 ? " window" : " windows");
        }
        int stores = r.effectiveConcurrentStores();
        moved += stores > 1
                ? ", one of " + stores + " stores with the same SKU anomaly"
                : ", the only store showing it";
        return moved + ".";
    }

    private static String skuText(ReportView r) {
        List<String> skus = r.skus();
        int count = r.effectiveSkuCount();
        if (!skus.isEmpty() && skus.size() == count && count <= 3) {
            return String.join(", ", skus);
        }
        return count + " SKUs";
    }

    private static String signals(AttributionModel.Evaluation ev, ReportView r) {
        List<AttributionModel.Use> uses = ev.orderedUses();
        if (uses.isEmpty()) {
            return "No context signal matches.";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < uses.size() && i < NAMED_SIGNALS; i++) {
            parts.add(describe(uses.get(i), r));
        }
        String list = joinAnd(parts);
        if (uses.size() > NAMED_SIGNALS) {
            list += " and " + (uses.size() - NAMED_SIGNALS) + " more";
        }
        return "Evidence: " + list + (uses.size() == 1 ? " matches." : " match.");
    }

    private static String describe(AttributionModel.Use use, ReportView r) {
        SignalView s = use.signal();
        String what = switch (s.kind()) {
            case SignalView.SOCIAL_MENTION -> {
                String platform = platformName(s.attribute("platform"));
                String tag = s.attribute("hashtag");
                if (tag != null && !tag.startsWith("#")) {
                    tag = "#" + tag;
                }
                yield "a " + (platform == null ? "social" : platform) + " mention" + (tag == null ? "" : " " + tag);
            }
            case SignalView.CAMPAIGN -> {
                String channel = s.attribute("channel");
                String partner = s.attribute("partner");
                String id = s.attribute("campaign_id");
                String ch = channel == null ? null : channelName(channel);
                yield (ch == null ? "a campaign" : article(ch) + " " + ch + " campaign")
                        + (partner == null ? "" : " with " + capitalise(words(partner)))
                        + (id == null ? "" : " " + id);
            }
            case SignalView.COMPETITOR_STOCK -> {
                String competitor = s.attribute("competitor");
                yield "a competitor stock-out" + (competitor == null ? "" : " at " + competitor);
            }
            case SignalView.TRANSPORT_ALERT -> {
                String station = s.attribute("station");
                String severity = s.attribute("severity");
                yield (severity == null ? "a transport alert" : article(severity) + " " + severity + " transport alert")
                        + (station == null ? "" : " at " + station);
            }
            case SignalView.OPS_INCIDENT -> {
                String incident = s.attribute("incident");
                yield "an ops incident" + (incident == null ? "" : " reporting " + words(incident));
            }
            case SignalView.FEED_HEALTH -> {
                String issue = s.attribute("issue");
                yield "a feed-health alert" + (issue == null ? "" : " reporting " + words(issue));
            }
            default -> "a " + words(s.kind()) + " signal";
        };
        StringBuilder detail = new StringBuilder("strength ").append(num(s.strength(), 2));
        detail.append(s.validFrom() <= r.windowStart() ? ", live since " : ", live from ")
                .append(time(s.validFrom(), r.windowStart()));
        if (use.late()) {
            detail.append(", after the spike started");
        }
        if (s.observedAt() - s.validFrom() > 5 * 60_000L) {
            detail.append(", observed ").append(time(s.observedAt(), r.windowStart()));
        }
        if (s.scopeLevel() != ScopeLevel.STORE) {
            detail.append(", ").append(scopeText(s));
        }
        return what + " (" + detail + ")";
    }

    private static String scopeText(SignalView s) {
        return switch (s.scopeLevel()) {
            case CITY -> s.city() + "-wide";
            case REGION -> s.region() + "-wide";
            case COUNTRY -> s.country() + "-wide";
            default -> "unscoped";
        };
    }

    private static String checks(AttributionModel.Evaluation ev) {
        List<String> parts = new ArrayList<>();
        for (String c : ev.checks) {
            parts.add(switch (c) {
                case "all_skus_zero" -> "every SKU dropped to zero (feed gap pattern)";
                case "impossible_values" -> "impossible values (negative totals or absurd lines)";
                case "single_store_single_sku" -> "only this store and one SKU moved (till pattern)";
                default -> c;
            });
        }
        if (parts.isEmpty()) {
            return "";
        }
        return capitalise("data checks: " + String.join("; ", parts)) + ".";
    }

    private static String conclusion(AttributionModel.Evaluation ev, List<Candidate> top) {
        Candidate first = top.get(0);
        double other = AttributionModel.round(ev.unexplained());
        StringBuilder b = new StringBuilder();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            rest.add(top.get(i).cause() + " " + pct(top.get(i).confidence()));
        }
        if (first.confidence() >= ev.taxonomy().mediumThreshold()) {
            b.append(first.cause()).append(" is most likely (").append(pct(first.confidence())).append(')');
            if (!rest.isEmpty()) {
                b.append(", ").append(String.join(", ", rest));
            }
            b.append("; ").append(pct(other)).append(" unexplained.");
        } else {
            b.append("No cause is convincing: ").append(first.cause()).append(" is the best candidate at ")
                    .append(pct(first.confidence()));
            if (!rest.isEmpty()) {
                b.append(", then ").append(String.join(", ", rest));
            }
            b.append("; ").append(pct(other)).append(" stays unexplained.");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- formatting helpers

    private static String time(long millis, long reference) {
        Instant t = Instant.ofEpochMilli(millis);
        Instant ref = Instant.ofEpochMilli(reference);
        return DATE.format(t).equals(DATE.format(ref)) ? TIME.format(t) : DATE_TIME.format(t);
    }

    private static String pct(double p) {
        long v = Math.round(p * 100);
        if (v == 0 && p > 0) {
            return "<1%";
        }
        return v == 100 && p < 1 ? ">99%" : v + "%";
    }

    private static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String words(String s) {
        return s.replace('_', ' ').replace('-', ' ').trim();
    }

    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String platformName(String platform) {
        if (platform == null) {
            return null;
        }
        return switch (platform.toLowerCase(Locale.ROOT)) {
            case "tiktok" -> "TikTok";
            case "instagram" -> "Instagram";
            case "facebook" -> "Facebook";
            case "youtube" -> "YouTube";
            case "x", "twitter" -> "X";
            default -> capitalise(words(platform));
        };
    }

    /** Channel for prose: platform names capitalised, codes in words ("paid_social" → "paid social"). */
    private static String channelName(String channel) {
        return switch (channel.toLowerCase(Locale.ROOT)) {
            case "facebook", "instagram", "tiktok", "youtube" -> platformName(channel);
            case "tv" -> "TV";
            default -> words(channel);
        };
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
