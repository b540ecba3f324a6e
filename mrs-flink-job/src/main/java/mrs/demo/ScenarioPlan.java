package mrs.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mrs.serde.ActionJson;
import mrs.udfs.hitl.AnalystAction;
import mrs.udfs.hitl.Roster;
import mrs.udfs.hitl.Signer;
import mrs.udfs.hitl.TargetKind;

/**
 * A {@link Scenario} resolved against its estate: the stores each case hits, the injections that shape
 * their sales (a store serves one case at a time), the signal records, and (once the case's Minority Event is known) the signed analyst
 * actions. Deterministic: the same scenario gives the same stores, lines and signatures.
 */
public final class ScenarioPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shapes at one store closer than this would share an episode (and its primary SKU). */
    static final long APART = 12 * 3_600_000L;

    private final Scenario scenario;
    private final EstateSpec spec;
    private final Map<String, List<String>> stores;
    private final Map<String, Store> storeById = new TreeMap<>();

    private ScenarioPlan(Scenario scenario, EstateSpec spec, Map<String, List<String>> stores, List<Store> all) {
        this.scenario = scenario;
        this.spec = spec;
        this.stores = stores;
        all.forEach(s -> storeById.put(s.storeId(), s));
    }

    /** Chooses every case's stores (in case order, a store serving one case only) and builds the injections. */
    public static ScenarioPlan resolve(Scenario scenario) {
        EstateSpec base = scenario.estate().withInjections(List.of());
        List<Store> all = StoreLayout.build(base);
        List<Sku> skus = List.copyOf(base.catalogue().subList(0, base.skus()));
        DemandModel baseline = new DemandModel(all, skus, base.endDate(), List.of());
        Map<String, List<long[]>> used = new TreeMap<>();
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        List<Injection> injections = new ArrayList<>();
        // The most specific places choose first (a tagged set, one city, a retailer's region, several
        // cities, anywhere), so a national case does not take the stores a local one needs.
        List<Scenario.Case> order = new ArrayList<>(scenario.cases());
        order.sort(Comparator.comparingInt(ScenarioPlan::specificity));
        for (Scenario.Case c : order) {
            String primary = c.shape().primarySku().equals(Scenario.Shape.ALL_SKUS) ? skus.get(0).sku()
                    : c.shape().primarySku();
            List<String> picked = pick(c, primary, all, baseline, used);
            if (picked.isEmpty()) {
                throw new IllegalStateException("case " + c.id() + ": no store of the estate fits " + c.pick());
            }
            long[] busy = {millis(c.shape().start()), millis(c.shape().start().plusHours(c.shape().hours()))};
            picked.forEach(id -> used.computeIfAbsent(id, k -> new ArrayList<>()).add(busy));
            chosen.put(c.id(), List.copyOf(picked));
            Instant start = c.shape().start().atZone(EstateSpec.ZONE).toInstant();
            for (Map.Entry<String, Double> e : c.shape().skus().entrySet()) {
                List<String> targets = e.getKey().equals(Scenario.Shape.ALL_SKUS)
                        ? skus.stream().map(Sku::sku).toList() : List.of(e.getKey());
                for (String sku : targets) {
                    String label = c.id() + (targets.size() > 1 || c.shape().skus().size() > 1 ? "/" + sku : "");
                    injections.add(e.getValue() > 1
                            ? Injection.spike(label, sku, start, c.shape().hours(), e.getValue(), picked)
                            : Injection.drop(label, sku, start, c.shape().hours(), e.getValue(), picked));
                }
            }
        }
        Map<String, List<String>> inCaseOrder = new LinkedHashMap<>();
        scenario.cases().forEach(c -> inCaseOrder.put(c.id(), chosen.get(c.id())));
        return new ScenarioPlan(scenario, base.withInjections(injections), inCaseOrder, all);
    }

    /**
     * Whether a store already hit by other cases is free for this shape: a store's anomalous windows
     * form one episode (with one primary SKU), so two cases share a store only when their shapes are
     * {@link #APART} apart.
     */
    private static boolean free(List<long[]> busy, Scenario.Shape shape) {
        if (busy == null) {
            return true;
        }
        long start = millis(shape.start());
        long end = millis(shape.start().plusHours(shape.hours()));
        for (long[] b : busy) {
            if (start < b[1] + APART && b[0] < end + APART) {
                return false;
            }
        }
        return true;
    }

    private static int specificity(Scenario.Case c) {
        Scenario.Pick p = c.pick();
        return p.tag() != null ? 0 : p.cities().size() == 1 ? 1 : p.retailer() != null || p.region() != null ? 2
                : !p.cities().isEmpty() ? 3 : 4;
    }

    private static List<String> pick(Scenario.Case c, String sku, List<Store> all, DemandModel baseline,
            Map<String, List<long[]>> used) {
        Scenario.Pick p = c.pick();
        int k = baseline.indexOfSku(sku);
        double multiplier = c.shape().skus().values().iterator().next();
        double floor = detectableAt(multiplier);
        Instant start = c.shape().start().atZone(EstateSpec.ZONE).toInstant();
        int hours = Math.min(c.shape().hours(), 6);
        record Candidate(Store store, double level) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Store s : all) {
            boolean fits = free(used.get(s.storeId()), c.shape())
                    && (p.cities().isEmpty() || p.cities().contains(s.city()))
                    && (p.region() == null || p.region().equals(s.region()))
                    && (p.retailer() == null || p.retailer().equals(s.retailer()))
                    && (p.tag() == null || s.hasTag(p.tag()));
            if (fits) {
                candidates.add(new Candidate(s, mean(baseline, baseline.indexOfStore(s.storeId()), k, start, hours)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::level).reversed()
                .thenComparing(cand -> cand.store().storeId()));
        Map<String, Integer> perCity = new TreeMap<>();
        List<String> out = new ArrayList<>();
        for (Candidate cand : candidates) {
            // A place-defined set (a tag such as the Waterloo stores) is the case whatever its volume;
            // otherwise only stores busy enough for the shape to be detectable at its expectation.
            if (p.tag() == null && cand.level() < floor) {
                continue;
            }
            if (p.perCity() > 0 && perCity.getOrDefault(cand.store().city(), 0) >= p.perCity()) {
                continue;
            }
            perCity.merge(cand.store().city(), 1, Integer::sum);
            out.add(cand.store().storeId());
            if (out.size() == p.count()) {
                break;
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /**
     * The lowest baseline (units an hour) at which a shape of this multiplier is detectable at its
     * expectation: {@code |m − 1| × e ≥ 4 √e} and {@code |m − 1| × e ≥ 10} (twice the detector's minimum
     * delta), as in {@link DefaultInjections#detectableFloor} but without its extra volume margin, so a
     * small city's busiest stores can carry a strong spike.
     */
    static double detectableAt(double multiplier) {
        double change = Math.abs(multiplier - 1);
        double z = DefaultInjections.DETECT_Z / change;
        return Math.max(z * z, DefaultInjections.DETECT_DELTA / change);
    }

    private static double mean(DemandModel m, int s, int k, Instant start, int hours) {
        double sum = 0;
        for (int h = 0; h < hours; h++) {
            long second = start.getEpochSecond() + 3600L * h;
            ZonedDateTime local = Instant.ofEpochSecond(second).atZone(EstateSpec.ZONE);
            sum += m.expected(s, k, m.hourFactor(s, local), second);
        }
        return sum / hours;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The estate with the cases' shapes as its injections. */
    public EstateSpec estate() {
        return spec;
    }

    /** The stores of a case, sorted. */
    public List<String> stores(String caseId) {
        return stores.getOrDefault(caseId, List.of());
    }

    /** The cities of a case's stores, sorted. */
    public List<String> cities(String caseId) {
        return stores(caseId).stream().map(id -> storeById.get(id).city()).distinct().sorted().toList();
    }

    /** Every case's signals as {@code mrs.signals} JSON lines, in order of observation. */
    public List<String> signalLines() {
        record Line(long observed, String id, String json) {}
        List<Line> lines = new ArrayList<>();
        for (Scenario.Case c : scenario.cases()) {
            for (Scenario.SignalSpec s : c.signals()) {
                ObjectNode o = JSON.createObjectNode();
                o.put("signal_id", s.id());
                o.put("kind", s.kind());
                o.put("source", s.source());
                o.put("observed_at", time(s.observedAt()));
                o.put("valid_from", time(s.validFrom()));
                o.put("valid_to", time(s.validTo()));
                if (s.namesSku()) {
                    o.put("sku", c.shape().primarySku());
                }
                List<String> ids = stores(c.id());
                Store first = storeById.get(ids.get(0));
                switch (s.scope()) {
                    case STORES -> {
                        ArrayNode a = o.putArray("store_ids");
                        ids.forEach(a::add);
                    }
                    case CITY -> o.put("city", first.city());
                    case REGION -> o.put("region", first.region());
                    case COUNTRY -> o.put("country", first.country());
                }
                o.put("strength", s.strength());
                s.attributes().forEach(o::put);
                lines.add(new Line(s.observedAt().atZone(EstateSpec.ZONE).toInstant().toEpochMilli(), s.id(),
                        o.toString()));
            }
        }
        lines.sort(Comparator.comparingLong(Line::observed).thenComparing(Line::id));
        return lines.stream().map(Line::json).toList();
    }

    /**
     * The analysts' actions as signed {@code mrs.analyst-actions} JSON lines, in order of issue, each
     * aimed at its case's Minority Event ({@code events}: case id to {@code report_group_id}); a case
     * whose event is unknown gets no actions (there is nothing for an analyst to act on).
     */
    public List<String> actionLines(Map<String, String> events, Roster roster) {
        record Line(long at, String id, String json) {}
        List<Line> lines = new ArrayList<>();
        for (Scenario.Case c : scenario.cases()) {
            String event = events.get(c.id());
            if (event == null) {
                continue;
            }
            int n = 0;
            for (Scenario.ActionSpec a : c.actions()) {
                n++;
                long at = a.at().atZone(EstateSpec.ZONE).toInstant().toEpochMilli();
                String id = "ACT-" + c.id() + "-" + n;
                AnalystAction action = new AnalystAction(id, a.analyst(), at, TargetKind.EVENT, event, a.action(),
                        a.cause(), a.detectionType(), a.narrative(), a.evidenceUrl(), a.reason(), null);
                Roster.Analyst who = roster.lookup(a.analyst()).orElseThrow(
                        () -> new IllegalStateException("analyst " + a.analyst() + " is not in the roster"));
                lines.add(new Line(at, id, ActionJson.toJson(Signer.signed(action, who.key()))));
            }
        }
        lines.sort(Comparator.comparingLong(Line::at).thenComparing(Line::id));
        return lines.stream().map(Line::json).toList();
    }

    /** Epoch millis of a local scenario time. */
    public static long millis(LocalDateTime local) {
        return local.atZone(EstateSpec.ZONE).toInstant().toEpochMilli();
    }

    private static String time(LocalDateTime local) {
        return local.atZone(EstateSpec.ZONE).toOffsetDateTime().toString();
    }
}
