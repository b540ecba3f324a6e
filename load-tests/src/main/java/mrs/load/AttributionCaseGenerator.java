package mrs.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import mrs.udfs.attribution.ReportView;
import mrs.udfs.attribution.SignalView;

/**
 * Deterministic generator of labelled attribution cases (a report revision, the signals around it and
 * the true cause) for calibration and accuracy checks of {@link mrs.udfs.attribution.AttributionModel}.
 *
 * <p>It describes a world in its own terms: per cause, a base rate, the geographic extent of the event
 * (single store, a few stores, a city, national), continuous distributions of lift, SKU count and
 * duration, data-health rates, and how its evidence shows up in the feeds (the chance that a genuine
 * signal exists, its strength range, scope mix and timing). On top of that it adds realistic
 * ambiguity: decoy signals for other causes (campaigns that run anyway, background chatter, an unrelated
 * transport alert) of any strength and broadly scoped, weak social chatter around novel media
 * events the taxonomy has no cause for, genuine signals that start late or are observed only after the
 * proposal, and signals for other SKUs or cities that must not match at all.
 *
 * <p>What it shares with the model are the stated rates an analyst team would write down: the
 * taxonomy's priors, signal recall/decoy rates and feature tables are this world read off in binned form
 * (seed 7, see the header of {@code taxonomy.properties}). What the model has to approximate is described
 * differently here: the model sees bins with a naive independence assumption, a strength-to-evidence
 * curve with a saturation point, fixed scope and timing factors, a noisy-OR over signals and a
 * two-component catch-all; this world has continuous shapes, per-cause strength ranges and scope and
 * timing mixes, broad decoys, correlated chatter on novel events and non-matching strays. Agreement
 * between the model's confidences and the accuracy observed on other seeds is therefore a real check,
 * not an identity (and an over-confident variant of the model fails it, see CalibrationTest).
 *
 * <p>Cases are reproducible from {@code (seed, index)}: each case draws from its own
 * {@link SplittableRandom} seeded by both, so any case can be regenerated alone.
 */
public final class AttributionCaseGenerator {

    /** Label of the true cause of cases no cause of the taxonomy explains. */
    public static final String UNEXPLAINED = "Unexplained";

    /**
     * One labelled case. {@code signals} are everything around the report, matching or not;
     * {@code scenario} refines an unexplained true cause ({@code noise} or {@code novel_demand}) and
     * equals {@code trueCause} otherwise.
     */
    public record LabelledCase(
            long index, String trueCause, String scenario, ReportView report, List<SignalView> signals) {}

    /** How an event spreads: single store, a few stores, one city, national. */
    private enum Extent { SINGLE, FEW, CITY, NATIONAL }

    /**
     * The world's description of one cause (or of one kind of unexplained case), built fluently in
     * {@link #WORLD}.
     */
    private static final class Profile {
        final String cause;
        final String scenario;
        final double rate;
        double[] extent = {1, 0, 0, 0};      // P(single store, a few, a city, national)
        double pOneSku = 1;                   // else 2 + geometric(extraSkus) SKUs
        double extraSkus = 1;
        double pSpike = 1;                    // P(DROP) = pDrop, the rest MIXED
        double pDrop;
        double liftMedian = 2;                // magnitude (>= 1.3) is log-normal(median, sigma)
        double liftSigma = 0.4;
        double meanWindows = 2;               // 1 + geometric
        double pAllZero;
        double pImpossible;
        double pCommuter = 0.2;
        String kind;                          // signal kind of the genuine evidence; null = none
        String[][] attributes = new String[0][];
        double recall;                        // a genuine signal exists
        double decoyRate;                     // a signal for this cause turns up on another class's report
        double strengthLo;
        double strengthHi;
        double[] scope = {0, 0, 0, 1, 0};     // P(store, city, region, country, unscoped) of genuine signals
        double pSkuSpecific;
        double pLate;                         // genuine signal valid only after the spike started
        double lagHours;                      // mean delay from valid to observed

        Profile(String cause, String scenario, double rate) {
            this.cause = cause;
            this.scenario = scenario;
            this.rate = rate;
        }

        Profile extent(double single, double few, double city, double national) {
            extent = new double[] {single, few, city, national};
            return this;
        }

        Profile skus(double pOne, double meanExtra) {
            pOneSku = pOne;
            extraSkus = meanExtra;
            return this;
        }

        Profile direction(double spike, double drop) {
            pSpike = spike;
            pDrop = drop;
            return this;
        }

        Profile magnitude(double median, double sigma) {
            liftMedian = median;
            liftSigma = sigma;
            return this;
        }

        Profile windows(double mean) {
            meanWindows = mean;
            return this;
        }

        Profile flags(double allZero, double impossible, double commuter) {
            pAllZero = allZero;
            pImpossible = impossible;
            pCommuter = commuter;
            return this;
        }

        Profile signal(String signalKind, double recallRate, double decoy, double lo, double hi) {
            kind = signalKind;
            recall = recallRate;
            decoyRate = decoy;
            strengthLo = lo;
            strengthHi = hi;
            return this;
        }

        Profile scope(double store, double city, double region, double country, double unscoped, double skuSpecific) {
            scope = new double[] {store, city, region, country, unscoped};
            pSkuSpecific = skuSpecific;
            return this;
        }

        Profile timing(double late, double meanLagHours) {
            pLate = late;
            lagHours = meanLagHours;
            return this;
        }

        Profile attribute(String name, String... values) {
            String[][] a = Arrays.copyOf(attributes, attributes.length + 1);
            String[] row = new String[values.length + 1];
            row[0] = name;
            System.arraycopy(values, 0, row, 1, values.length);
            a[attributes.length] = row;
            attributes = a;
            return this;
        }
    }

    private static Profile cause(String cause, double rate) {
        return new Profile(cause, cause, rate);
    }

    /**
     * The world: base rates (summing to 1), shape and evidence per cause, then the two kinds of
     * unexplained cases.
     */
    private static final List<Profile> WORLD = List.of(
            cause("TikTok Viral", 0.05).extent(0.05, 0.20, 0.45, 0.30).skus(0.85, 1.5).direction(0.96, 0.01)
                    .magnitude(3.5, 0.45).windows(6).flags(0, 0, 0.2)
                    .signal(SignalView.SOCIAL_MENTION, 0.65, 0.06, 0.15, 1.0).scope(0, 0.05, 0.05, 0.6, 0.3, 0.85)
                    .timing(0.25, 2.0).attribute("platform", "tiktok")
                    .attribute("hashtag", "#snackhack", "#jupyterchallenge", "#fyp", "#tastetest"),
            cause("Instagram Reels", 0.03).extent(0.10, 0.30, 0.40, 0.20).skus(0.85, 1.5).direction(0.96, 0.01)
                    .magnitude(3.0, 0.45).windows(6).flags(0, 0, 0.2)
                    .signal(SignalView.SOCIAL_MENTION, 0.55, 0.03, 0.15, 1.0).scope(0, 0.15, 0.1, 0.5, 0.25, 0.8)
                    .timing(0.3, 3.0).attribute("platform", "instagram")
                    .attribute("hashtag", "#reels", "#foodie", "#treatyourself"),
            cause("Social Mention", 0.03).extent(0.10, 0.25, 0.35, 0.30).skus(0.75, 1.5).direction(0.92, 0.03)
                    .magnitude(2.3, 0.45).windows(5).flags(0, 0, 0.2)
                    .signal(SignalView.SOCIAL_MENTION, 0.5, 0.05, 0.15, 0.95).scope(0, 0.1, 0.1, 0.5, 0.3, 0.7)
                    .timing(0.3, 4.0).attribute("platform", "youtube", "facebook", "x", "reddit", "podcast"),
            cause("Campaign Spend", 0.08).extent(0.05, 0.20, 0.40, 0.35).skus(0.65, 2.0).direction(0.92, 0.03)
                    .magnitude(2.5, 0.5).windows(8).flags(0, 0, 0.2)
                    .signal(SignalView.CAMPAIGN, 0.85, 0.33, 0.4, 0.95).scope(0.05, 0.35, 0.2, 0.35, 0.05, 0.8)
                    .timing(0.1, 0.5)
                    .attribute("channel", "paid_social", "search", "display", "email", "tv", "outdoor"),
            cause("Facebook Campaign Spend", 0.04).extent(0.10, 0.30, 0.40, 0.20).skus(0.65, 2.0)
                    .direction(0.92, 0.03).magnitude(2.4, 0.5).windows(8).flags(0, 0, 0.2)
                    .signal(SignalView.CAMPAIGN, 0.85, 0.13, 0.4, 0.95).scope(0.05, 0.45, 0.2, 0.25, 0.05, 0.8)
                    .timing(0.1, 0.5).attribute("channel", "facebook"),
            cause("Delivery-App Promo", 0.04).extent(0.02, 0.08, 0.30, 0.60).skus(0.7, 1.5).direction(0.95, 0.02)
                    .magnitude(2.6, 0.45).windows(8).flags(0, 0, 0.2)
                    .signal(SignalView.CAMPAIGN, 0.85, 0.06, 0.5, 1.0).scope(0, 0.2, 0.1, 0.65, 0.05, 0.9)
                    .timing(0.1, 0.5).attribute("channel", "delivery_app")
                    .attribute("partner", "deliveroo", "uber_eats", "just_eat"),
            cause("Competitor Stock-Out", 0.06).extent(0.15, 0.30, 0.45, 0.10).skus(0.55, 2.0).direction(0.98, 0.0)
                    .magnitude(2.0, 0.35).windows(10).flags(0, 0, 0.2)
                    .signal(SignalView.COMPETITOR_STOCK, 0.55, 0.18, 0.4, 1.0).scope(0.1, 0.6, 0.2, 0.1, 0, 0.7)
                    .timing(0.3, 1.0).attribute("status", "out_of_stock")
                    .attribute("competitor", "Rival Foods", "ValueMart", "QuickShop"),
            cause("Till Fault", 0.06).extent(0.80, 0.12, 0.06, 0.02).skus(0.85, 1.0).direction(0.65, 0.25)
                    .magnitude(6.0, 0.8).windows(2).flags(0.02, 0.25, 0.2)
                    .signal(SignalView.OPS_INCIDENT, 0.3, 0.01, 0.5, 1.0).scope(0.9, 0.05, 0.05, 0, 0, 0)
                    .timing(0.5, 1.0).attribute("incident", "till_fault"),
            cause("Feed Corruption", 0.05).extent(0.75, 0.15, 0.07, 0.03).skus(0.1, 12).direction(0.15, 0.6)
                    .magnitude(8.0, 0.8).windows(4).flags(0.6, 0.3, 0.2)
                    .signal(SignalView.FEED_HEALTH, 0.5, 0.01, 0.5, 1.0).scope(0.85, 0.05, 0.05, 0.05, 0, 0)
                    .timing(0.6, 1.0).attribute("issue", "corruption", "gaps", "duplicates"),
            cause("System Failure", 0.02).extent(0.35, 0.30, 0.20, 0.15).skus(0.1, 12).direction(0.2, 0.6)
                    .magnitude(8.0, 0.8).windows(2).flags(0.3, 0.1, 0.2)
                    .signal(SignalView.OPS_INCIDENT, 0.6, 0.01, 0.5, 1.0).scope(0.5, 0.2, 0.2, 0.1, 0, 0)
                    .timing(0.5, 1.0).attribute("incident", "system_failure"),
            cause("Travel Disruption", 0.04).extent(0.25, 0.50, 0.22, 0.03).skus(0.2, 6).direction(0.6, 0.35)
                    .magnitude(1.8, 0.35).windows(2).flags(0, 0, 0.45)
                    .signal(SignalView.TRANSPORT_ALERT, 0.7, 0.25, 0.5, 1.0).scope(0.2, 0.7, 0.1, 0, 0, 0)
                    .timing(0.2, 0.3).attribute("station", "London Waterloo", "Manchester Piccadilly",
                            "Birmingham New Street", "Leeds").attribute("severity", "major", "minor"),
            cause("Store Operations", 0.04).extent(0.85, 0.10, 0.04, 0.01).skus(0.2, 10).direction(0.15, 0.75)
                    .magnitude(4.0, 0.8).windows(2).flags(0.2, 0.02, 0.2)
                    .signal(SignalView.OPS_INCIDENT, 0.6, 0.02, 0.5, 1.0).scope(0.9, 0.05, 0.05, 0, 0, 0)
                    .timing(0.3, 1.0).attribute("incident", "maintenance", "test_activity"),
            // Noise: mostly one store, small and short, no cause.
            new Profile(UNEXPLAINED, "noise", 0.34).extent(0.75, 0.18, 0.05, 0.02).skus(0.5, 1.5)
                    .direction(0.55, 0.35).magnitude(1.8, 0.5).windows(2).flags(0.01, 0.01, 0.2),
            // Novel demand shocks (TV, podcasts, weather, local events): shaped like social/marketing events.
            new Profile(UNEXPLAINED, "novel_demand", 0.12).extent(0.05, 0.15, 0.35, 0.45).skus(0.75, 1.5)
                    .direction(0.92, 0.04).magnitude(3.0, 0.5).windows(6).flags(0, 0, 0.2));

    /** Decoy strength range: a feed cannot tell a campaign that moved sales from one that did not. */
    private static final double DECOY_STRENGTH_LO = 0.1;
    private static final double DECOY_STRENGTH_HI = 0.9;
    /** Decoy scope mix: P(store, city, region, country, unscoped); decoys are broad. */
    private static final double[] DECOY_SCOPE = {0.05, 0.3, 0.2, 0.35, 0.1};
    /** A novel media event draws weak social chatter about the SKU: probability and strength range. */
    private static final double[] NOVEL_CHATTER = {0.35, 0.05, 0.45};

    private static final String[] CITIES = {"London", "Birmingham", "Manchester", "Leeds", "Glasgow", "Bristol",
        "Norwich", "Newcastle", "Liverpool", "Cardiff", "Sheffield", "Brighton"};
    private static final String[] REGIONS = {"London", "West Midlands", "North West", "Yorkshire", "Scotland",
        "South West", "East of England", "North East", "North West", "Wales", "Yorkshire", "South East"};
    private static final long DAY0 = 1_754_956_800_000L; // 2025-08-12T00:00:00Z
    private static final long HOUR = 3_600_000L;

    private final long seed;

    /** A generator for the seed; {@link #generate(long)} is a pure function of (seed, index). */
    public AttributionCaseGenerator(long seed) {
        this.seed = seed;
    }

    /** The first {@code n} cases. */
    public List<LabelledCase> generate(int n) {
        List<LabelledCase> out = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
            out.add(generate(i));
        }
        return out;
    }

    /** Case number {@code index}. */
    public LabelledCase generate(long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Profile p = pick(rnd);
        int cityIdx = rnd.nextInt(CITIES.length);
        String city = CITIES[cityIdx];
        String region = REGIONS[cityIdx];
        String storeId = String.format(Locale.ROOT, "%s-%03d",
                city.substring(0, 3).toUpperCase(Locale.ROOT), rnd.nextInt(1, 60));

        Extent extent = Extent.values()[choose(rnd, p.extent)];
        int stores = switch (extent) {
            case SINGLE -> 1;
            case FEW -> rnd.nextInt(2, 6);
            case CITY -> rnd.nextInt(4, 15);
            case NATIONAL -> (int) Math.round(Math.exp(rnd.nextDouble(Math.log(10), Math.log(80))));
        };
        int skuCount = rnd.nextDouble() < p.pOneSku ? 1 : 2 + geometric(rnd, p.extraSkus);
        boolean allZero = rnd.nextDouble() < p.pAllZero;
        boolean impossible = rnd.nextDouble() < p.pImpossible;
        String direction;
        double u = rnd.nextDouble();
        if (allZero) {
            direction = ReportView.DROP;
            skuCount = Math.max(skuCount, 6 + rnd.nextInt(20));
        } else if (u < p.pSpike) {
            direction = ReportView.SPIKE;
        } else if (u < p.pSpike + p.pDrop) {
            direction = ReportView.DROP;
        } else {
            direction = ReportView.MIXED;
        }
        double magnitude = Math.max(1.3, p.liftMedian * Math.exp(p.liftSigma * gaussian(rnd)));
        double lift = allZero ? 0.0
                : direction.equals(ReportView.DROP) ? 1.0 / magnitude
                : direction.equals(ReportView.MIXED) ? (rnd.nextBoolean() ? magnitude : 1 / magnitude)
                : magnitude;
        int windows = 1 + geometric(rnd, Math.max(p.meanWindows - 1, 0.01));
        long start = DAY0 + rnd.nextInt(6, 20) * HOUR;
        long end = start + windows * HOUR;
        boolean commuter = rnd.nextDouble() < p.pCommuter;
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < Math.min(skuCount, 3); s++) {
            skus.add("SKU-" + (100 + rnd.nextInt(400)));
        }
        double baseline = 5 + rnd.nextDouble() * 60;
        ReportView report = new ReportView(
                "MR-" + seed + "-" + index, storeId, "Retailer" + rnd.nextInt(7), city, region, "UK",
                commuter ? List.of("commuter") : List.of(), skus, start, end, end, direction,
                baseline * lift, baseline, lift, direction.equals(ReportView.DROP) ? -5.0 : 5.0, windows,
                skuCount, stores, allZero, impossible);

        List<SignalView> signals = new ArrayList<>();
        int[] counter = {0};
        if (p.kind != null && rnd.nextDouble() < p.recall) {
            double strength = rnd.nextDouble(p.strengthLo, p.strengthHi);
            boolean late = rnd.nextDouble() < p.pLate;
            long validFrom = late
                    ? start + (long) (rnd.nextDouble(1.1, 1.0 + Math.max(windows, 2)) * HOUR)
                    : start - (long) (rnd.nextDouble(0.0, 8.0) * HOUR);
            long observedAt = validFrom + (long) (exponential(rnd, p.lagHours) * HOUR);
            signals.add(signal(rnd, index, counter, p.kind, p.attributes, report, strength,
                    choose(rnd, p.scope), rnd.nextDouble() < p.pSkuSpecific, validFrom, observedAt));
        }
        for (Profile other : WORLD) {
            if (other.kind == null || other.cause.equals(p.cause)) {
                continue;
            }
            if (rnd.nextDouble() < other.decoyRate) {
                // Running anyway: valid from before the spike, broadly scoped, as strong as any signal.
                long validFrom = start - (long) (rnd.nextDouble(-2.0, 48.0) * HOUR);
                double strength = rnd.nextDouble(DECOY_STRENGTH_LO, DECOY_STRENGTH_HI);
                signals.add(signal(rnd, index, counter, other.kind, other.attributes, report, strength,
                        choose(rnd, DECOY_SCOPE), rnd.nextDouble() < 0.5, validFrom,
                        validFrom + (long) (rnd.nextDouble(0, 2) * HOUR)));
            }
        }
        if (p.kind == null && p.extent[3] > 0.3 && rnd.nextDouble() < NOVEL_CHATTER[0]) {
            // A TV feature or a podcast gets talked about: weak, national chatter about the SKU.
            String platform = rnd.nextBoolean() ? "tiktok" : (rnd.nextBoolean() ? "instagram" : "x");
            long validFrom = start + (long) (rnd.nextDouble(-1.0, 3.0) * HOUR);
            signals.add(signal(rnd, index, counter, SignalView.SOCIAL_MENTION,
                    new String[][] {{"platform", platform}}, report,
                    rnd.nextDouble(NOVEL_CHATTER[1], NOVEL_CHATTER[2]), 3, true, validFrom,
                    validFrom + (long) (rnd.nextDouble(0, 2) * HOUR)));
        }
        // Signals that must not match: another SKU, or another city.
        int strays = rnd.nextInt(3);
        for (int s = 0; s < strays; s++) {
            SignalView stray = signal(rnd, index, counter, SignalView.CAMPAIGN,
                    new String[][] {{"channel", "paid_social"}}, report, rnd.nextDouble(0.3, 1.0), 1, true,
                    start - HOUR, start - HOUR);
            signals.add(rnd.nextBoolean()
                    ? copyWith(stray, "SKU-OTHER-" + s, stray.city())
                    : copyWith(stray, stray.sku(), city.equals("Leeds") ? "York" : "Leeds"));
        }
        return new LabelledCase(index, p.cause, p.scenario, report, signals);
    }

    private static SignalView copyWith(SignalView s, String sku, String city) {
        return new SignalView(s.signalId(), s.kind(), s.source(), s.observedAt(), s.validFrom(), s.validTo(), sku,
                s.storeIds(), city, s.region(), s.country(), s.strength(), s.payload(), s.attributes());
    }

    private static SignalView signal(SplittableRandom rnd, long index, int[] counter, String kind,
            String[][] attributeChoices, ReportView r, double strength, int scope, boolean skuSpecific,
            long validFrom, long observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        for (String[] choice : attributeChoices) {
            attrs.put(choice[0], choice[1 + rnd.nextInt(choice.length - 1)]);
        }
        String id = "SIG-" + index + "-" + (counter[0]++);
        if (kind.equals(SignalView.SOCIAL_MENTION)) {
            attrs.put("url", "https://social.example/" + id);
        }
        List<String> storeIds = scope == 0 ? List.of(r.storeId()) : List.of();
        String city = scope == 1 ? r.city() : null;
        String region = scope == 2 ? r.region() : null;
        String country = scope == 3 ? r.country() : null;
        String sku = skuSpecific && !r.skus().isEmpty() ? r.skus().get(0) : null;
        return new SignalView(id, kind, "generator", observedAt, validFrom, validFrom + 24 * HOUR, sku, storeIds,
                city, region, country, Math.min(1.0, Math.max(0.0, strength)), null, attrs);
    }

    private static Profile pick(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double acc = 0;
        for (Profile p : WORLD) {
            acc += p.rate;
            if (u < acc) {
                return p;
            }
        }
        return WORLD.get(WORLD.size() - 1);
    }

    private static int choose(SplittableRandom rnd, double[] probs) {
        double total = 0;
        for (double p : probs) {
            total += p;
        }
        double u = rnd.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < probs.length; i++) {
            acc += probs[i];
            if (u < acc) {
                return i;
            }
        }
        return probs.length - 1;
    }

    /** Geometric count (0, 1, 2, ...) with the given mean. */
    private static int geometric(SplittableRandom rnd, double mean) {
        double q = mean / (1 + mean);
        int k = 0;
        while (rnd.nextDouble() < q && k < 1000) {
            k++;
        }
        return k;
    }

    private static double exponential(SplittableRandom rnd, double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    /** Standard normal by Box–Muller (one value; deterministic given the stream). */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The world's base rate of each true cause (unexplained kinds summed). */
    public static Map<String, Double> baseRates() {
        Map<String, Double> out = new TreeMap<>();
        for (Profile p : WORLD) {
            out.merge(p.cause, p.rate, Double::sum);
        }
        return out;
    }
}
