package mrs.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.demo.EstateGenerator;
import mrs.demo.EstateSpec;
import mrs.demo.Scenario;
import mrs.demo.ScenarioPlan;
import mrs.embedded.LocalPipeline;
import mrs.sql.SqlRunner;
import mrs.udfs.attribution.EventConsensus;
import mrs.udfs.hitl.Roster;
import org.apache.flink.types.Row;

/**
 * Runs a {@link Scenario} end to end on the embedded pipeline, twice, as the analysts would live it:
 * the first run has only the machine (sales, stores, signals) and shows each case's Minority Event, as
 * the analysts' screen would; the analysts' actions are then signed and aimed at those events, and the
 * second run replays the same feeds with the actions at their times. Event ids are deterministic and
 * the cohorts do not depend on analyst input, so both runs give the same events. What each case looks
 * like in the second run's Iceberg logs is read back into {@link Observed}.
 */
public final class ScenarioRun {
    /** A proposal of the machine for one of the event's reports. */
    public record Proposal(String reportId, long at, int seq, String cause, String detectionType, Double confidence,
            List<String> candidates, List<Double> candidateConfidences, String narrative) {}

    /** A row of the event roll-up. */
    public record EventState(long at, String cause, Double confidence, String status, String priority, int stores,
            String cities) {}

    /** What the logs say about one case. */
    public record Observed(String caseId, List<String> caseStores, String eventId, int storesOfCaseInEvent,
            EventState current, List<EventState> history, List<Proposal> proposals, List<String> analystNotes,
            Map<String, TreeMap<Long, String>> assignments) {

        /** The machine's proposal for the event now: {@link #eventProposalAsOf} the end of the logs. */
        public Proposal eventProposal() {
            return eventProposalAsOf(Long.MAX_VALUE);
        }

        /**
         * The machine's proposal for the event as of {@code t}, read as the roll-up reads it: each report
         * in the event at {@code t} votes with its latest proposal by then, and the event's is the
         * {@link EventConsensus} of those (the cause most reports propose, at their median confidence);
         * the proposal returned is the median report's, so its confidence is the event's.
         */
        public Proposal eventProposalAsOf(long t) {
            Map<String, Proposal> latest = new TreeMap<>();
            for (Proposal p : proposals) {
                if (p.at() > t || !Objects.equals(eventId, groupAsOf(assignments.get(p.reportId()), t))) {
                    continue;
                }
                latest.merge(p.reportId(), p, (a, b) -> b.at() > a.at() || (b.at() == a.at() && b.seq() > a.seq()) ? b : a);
            }
            List<Proposal> voters = new ArrayList<>(latest.values());
            List<EventConsensus.Vote> votes = new ArrayList<>();
            for (Proposal p : voters) {
                votes.add(new EventConsensus.Vote(p.reportId(), p.at(), p.cause(), p.confidence()));
            }
            return EventConsensus.of(votes).map(r -> voters.get(r.representative())).orElse(null);
        }

        /** The event's state as of {@code t} (its latest roll-up row at or before it). */
        public EventState stateAt(long t) {
            EventState s = null;
            for (EventState e : history) {
                if (e.at() <= t) {
                    s = e;
                }
            }
            return s;
        }
    }

    /** The outcome of both runs. */
    public record Outcome(ScenarioPlan plan, CatalogSettings catalog, CatalogSettings firstCatalog,
            Map<String, Observed> cases, Map<String, Observed> firstRun, List<String> protectionFeed,
            double seconds) {}

    private ScenarioRun() {}

    /** Generates the estate and feeds under {@code cfg}'s data dir and runs the scenario (both runs). */
    public static Outcome run(Scenario scenario, MrsConfig cfg, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        ScenarioPlan plan = ScenarioPlan.resolve(scenario);
        EstateSpec spec = plan.estate();
        Path dataDir = cfg.dataDir().toAbsolutePath();
        Path input = dataDir.resolve("demo-input");
        Files.createDirectories(input);
        Path stores = input.resolve("stores.jsonl");
        Path sales = input.resolve("sales.jsonl");
        Path signals = input.resolve("signals.jsonl");
        Path actions = input.resolve("actions.jsonl");
        EstateGenerator gen = new EstateGenerator(spec);
        log.printf("scenario %s: %d stores, %d SKUs, %d days of hourly sales up to %s (background seed %d)%n",
                scenario.name(), spec.stores(), spec.skus(), spec.days(), spec.endDate(), spec.seed());
        long n = gen.writeJsonLines(stores, sales);
        Files.write(signals, plan.signalLines());
        log.printf("wrote %,d sales records and %d signals to %s%n", n, plan.signalLines().size(), input);
        for (Scenario.Case c : scenario.cases()) {
            log.printf("  %-13s %-38s %2d stores  %s%n", c.id(), c.title(), plan.stores(c.id()).size(),
                    String.join(",", plan.cities(c.id())));
        }

        log.println("first run: the machine alone (what the analysts see) ...");
        MrsConfig firstCfg = cfg.with("mrs.data-dir", dataDir.resolve("first-run").toString());
        LocalPipeline.Outcome first = LocalPipeline.run(firstCfg, sales, stores, signals, null, log);
        Map<String, Observed> firstRun = observe(plan, first.catalog(), null);
        Map<String, String> events = new TreeMap<>();
        firstRun.forEach((id, o) -> {
            if (o.eventId() != null) {
                events.put(id, o.eventId());
            }
        });
        List<String> actionLines = plan.actionLines(events, Roster.load());
        Files.write(actions, actionLines);
        log.printf("%d analyst actions signed (demo roster) and aimed at their events%n", actionLines.size());

        log.println("second run: the same feeds with the analysts' actions at their times ...");
        LocalPipeline.Outcome second = LocalPipeline.run(cfg, sales, stores, signals, actions, log);
        Map<String, Observed> cases = observe(plan, second.catalog(), events);
        return new Outcome(plan, second.catalog(), first.catalog(), cases, firstRun, second.protectionFeed(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Reads each case's event from the logs. With {@code events} null the case's event is found: among
     * the cohort rows of the case's primary SKU and stores around the case's time, the event holding most
     * of the case's stores (ties: lowest id).
     */
    static Map<String, Observed> observe(ScenarioPlan plan, CatalogSettings catalog, Map<String, String> events)
            throws Exception {
        SqlRunner sql = new SqlRunner(catalog);
        List<Row> cohort = sql.query("SELECT report_id, report_group_id, store_id, primary_sku, event_start,"
                + " written_at FROM minority_reports_cohort_log").rows();
        // A report can change events (its primary SKU changes, so does its cohort): the cohort log holds
        // each assignment with the time it was written. A proposal belongs to the event its report was in
        // at the proposal's time; reading one group per report (whichever row came last, in no particular
        // order) made the event's proposals, and so validate's verdicts, vary from read to read.
        Map<String, TreeMap<Long, String>> groupOfReport = new TreeMap<>();
        for (Row r : cohort) {
            groupOfReport.computeIfAbsent((String) r.getField(0), k -> new TreeMap<>())
                    .merge(millis(r.getField(5)), (String) r.getField(1),
                            (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Map<String, Observed> out = new LinkedHashMap<>();
        List<Row> attributions = sql.query("SELECT report_id, a_written_at, proposal_seq, cause, detection_type,"
                + " confidence, cause_2, confidence_2, cause_3, confidence_3, narrative"
                + " FROM minority_reports_proposed_attribution_log").rows();
        List<Row> eventRows = sql.query("SELECT report_group_id, written_at, cause, confidence, status, priority,"
                + " store_count, cities, report_count FROM minority_events_log").rows();
        List<Row> notes = sql.query("SELECT target_id, issued_at, analyst, action, cause, narrative, evidence_url,"
                + " reason FROM edit_logs WHERE target_kind = 'EVENT' UNION ALL SELECT target_id, issued_at, analyst,"
                + " action, CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING), reason"
                + " FROM minority_reports_finalisation_log WHERE target_kind = 'EVENT'").rows();
        for (Scenario.Case c : plan.scenario().cases()) {
            List<String> caseStores = plan.stores(c.id());
            String event = events == null ? findEvent(c, caseStores, cohort) : events.get(c.id());
            int inEvent = 0;
            if (event != null) {
                TreeSet<String> s = new TreeSet<>();
                for (Row r : cohort) {
                    if (event.equals(r.getField(1)) && caseStores.contains((String) r.getField(2))) {
                        s.add((String) r.getField(2));
                    }
                }
                inEvent = s.size();
            }
            List<EventState> history = new ArrayList<>();
            record Keyed(long at, int reports, EventState s) {}
            List<Keyed> keyed = new ArrayList<>();
            for (Row r : eventRows) {
                if (event != null && event.equals(r.getField(0))) {
                    EventState s = new EventState(millis(r.getField(1)), (String) r.getField(2),
                            (Double) r.getField(3), (String) r.getField(4), (String) r.getField(5),
                            ((Number) r.getField(6)).intValue(), (String) r.getField(7));
                    keyed.add(new Keyed(s.at(), ((Number) r.getField(8)).intValue(), s));
                }
            }
            // Same order as the minority_events_current view: written_at, then report_count.
            keyed.sort(Comparator.comparingLong(Keyed::at).thenComparingInt(Keyed::reports));
            keyed.forEach(k -> history.add(k.s()));
            List<Proposal> proposals = new ArrayList<>();
            for (Row r : attributions) {
                String report = (String) r.getField(0);
                if (event != null && event.equals(groupAsOf(groupOfReport.get(report), millis(r.getField(1))))) {
                    List<String> cands = new ArrayList<>();
                    List<Double> confs = new ArrayList<>();
                    for (int[] f : new int[][] {{3, 5}, {6, 7}, {8, 9}}) {
                        if (r.getField(f[0]) != null) {
                            cands.add((String) r.getField(f[0]));
                            confs.add((Double) r.getField(f[1]));
                        }
                    }
                    proposals.add(new Proposal(report, millis(r.getField(1)), ((Number) r.getField(2)).intValue(),
                            (String) r.getField(3), (String) r.getField(4), (Double) r.getField(5), cands, confs,
                            (String) r.getField(10)));
                }
            }
            proposals.sort(Comparator.comparingLong(Proposal::at).thenComparing(Proposal::reportId)
                    .thenComparingInt(Proposal::seq));
            List<String> analystNotes = new ArrayList<>();
            record Note(long at, String text) {}
            List<Note> ns = new ArrayList<>();
            for (Row r : notes) {
                if (event != null && event.equals(r.getField(0))) {
                    StringBuilder b = new StringBuilder();
                    b.append(r.getField(2)).append(' ').append(r.getField(3));
                    for (int i = 4; i <= 7; i++) {
                        if (r.getField(i) != null) {
                            b.append(i == 4 ? " cause=" : i == 5 ? " narrative=" : i == 6 ? " evidence=" : " reason=")
                                    .append(r.getField(i));
                        }
                    }
                    ns.add(new Note(millis(r.getField(1)), b.toString()));
                }
            }
            ns.sort(Comparator.comparingLong(Note::at).thenComparing(Note::text));
            ns.forEach(x -> analystNotes.add(Instant.ofEpochMilli(x.at()).atZone(EstateSpec.ZONE).toLocalDateTime()
                    + " " + x.text()));
            Map<String, TreeMap<Long, String>> assignments = new TreeMap<>();
            for (Proposal p : proposals) {
                assignments.put(p.reportId(), groupOfReport.get(p.reportId()));
            }
            out.put(c.id(), new Observed(c.id(), caseStores, event, inEvent,
                    history.isEmpty() ? null : history.get(history.size() - 1), history, proposals, analystNotes,
                    assignments));
        }
        return out;
    }

    private static String findEvent(Scenario.Case c, List<String> stores, List<Row> cohort) {
        boolean allSkus = c.shape().primarySku().equals(Scenario.Shape.ALL_SKUS);
        long from = ScenarioPlan.millis(c.shape().start()) - 24 * 3_600_000L;
        long to = ScenarioPlan.millis(c.shape().start()) + (c.shape().hours() + 24) * 3_600_000L;
        Map<String, TreeSet<String>> byGroup = new TreeMap<>();
        for (Row r : cohort) {
            String store = (String) r.getField(2);
            long start = millis(r.getField(4));
            if (stores.contains(store) && (allSkus || c.shape().primarySku().equals(r.getField(3)))
                    && start >= from && start < to) {
                byGroup.computeIfAbsent((String) r.getField(1), k -> new TreeSet<>()).add(store);
            }
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, TreeSet<String>> e : byGroup.entrySet()) {
            if (e.getValue().size() > most) {
                best = e.getKey();
                most = e.getValue().size();
            }
        }
        return best;
    }

    /** The group a report was assigned to at {@code t} (its latest assignment written at or before it). */
    static String groupAsOf(TreeMap<Long, String> assignments, long t) {
        if (assignments == null || assignments.isEmpty()) {
            return null;
        }
        Map.Entry<Long, String> e = assignments.floorEntry(t);
        return e == null ? assignments.firstEntry().getValue() : e.getValue();
    }

    static long millis(Object v) {
        if (v instanceof Instant i) return i.toEpochMilli();
        if (v instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC).toEpochMilli();
        if (v instanceof Timestamp t) return t.toInstant().toEpochMilli();
        throw new IllegalStateException("unexpected timestamp type " + v);
    }
}
