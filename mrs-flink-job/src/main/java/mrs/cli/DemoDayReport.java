package mrs.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import mrs.demo.EstateSpec;
import mrs.demo.Scenario;
import mrs.demo.ScenarioPlan;

/**
 * What {@code mrs demo} and {@code mrs validate} print about a scenario run: the table of the cases'
 * Minority Events with their narratives, and for each case (and the replay validation) expected versus
 * observed with PASS or FAIL. Everything observed is read from the Iceberg logs of the run.
 */
public final class DemoDayReport {
    /** The id of the replay validation (the seed's third): case 3 replayed must be attributed alike. */
    public static final String REPLAY = "V3-replay";
    /** The case the replay validation replays. */
    public static final String REPLAYED_CASE = "3-competitor";

    /** One expectation checked. */
    public record Check(String what, String expected, String observed, boolean pass) {}

    /** A case's (or validation's) verdict. */
    public record Verdict(String id, String title, List<Check> checks) {
        public boolean pass() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::pass);
        }
    }

    /** One row of the event table. */
    public record EventLine(String caseId, String eventId, String scope, int stores, String firstCause,
            Double firstConfidence, String finalCause, Double confidence, String status, String priority,
            String narrative) {}

    private DemoDayReport() {}

    // ---------------------------------------------------------------- validation

    /** Every case's verdict, then the replay validation's. */
    public static List<Verdict> validate(ScenarioRun.Outcome run) {
        List<Verdict> out = new ArrayList<>();
        for (Scenario.Case c : run.plan().scenario().cases()) {
            out.add(verdict(c, run.cases().get(c.id())));
        }
        out.add(replay(run));
        return out;
    }

    static Verdict verdict(Scenario.Case c, ScenarioRun.Observed o) {
        List<Check> checks = new ArrayList<>();
        Scenario.Expect x = c.expect();
        if (o == null || o.eventId() == null) {
            checks.add(new Check("event", "a Minority Event for the case's stores", "none found", false));
            return new Verdict(c.id(), c.title(), checks);
        }
        checks.add(new Check("stores", ">= " + x.minStores() + " of the case's " + o.caseStores().size()
                + " stores in the event", o.storesOfCaseInEvent() + " in " + o.eventId(),
                o.storesOfCaseInEvent() >= x.minStores()));
        if (x.first() != null) {
            ScenarioRun.EventState s = o.stateAt(ScenarioPlan.millis(x.first().asOf()));
            checks.add(new Check("first proposal (as of " + local(ScenarioPlan.millis(x.first().asOf())) + ")",
                    x.first().toString(), s == null ? "no event yet" : s.cause() + " " + conf(s.confidence()),
                    s != null && x.first().holds(s.cause(), s.confidence())));
        }
        ScenarioRun.Proposal last = o.eventProposal();
        if (x.machine() != null) {
            checks.add(new Check("machine proposal for the event", x.machine().toString(),
                    last == null ? "none" : last.cause() + " " + conf(last.confidence()),
                    last != null && x.machine().holds(last.cause(), last.confidence())));
        }
        if (x.detectionType() != null) {
            checks.add(new Check("detection type", x.detectionType(), last == null ? "none" : last.detectionType(),
                    last != null && x.detectionType().equals(last.detectionType())));
        }
        if (x.alternative() != null) {
            Double alt = null;
            if (last != null) {
                int i = last.candidates().indexOf(x.alternative().cause());
                alt = i < 0 ? null : last.candidateConfidences().get(i);
            }
            checks.add(new Check("alternative candidate", x.alternative().toString(),
                    alt == null ? "not among " + (last == null ? "[]" : last.candidates()) : x.alternative().cause()
                            + " " + conf(alt), x.alternative().holds(x.alternative().cause(), alt)));
        }
        if (x.stable() != null) {
            long from = ScenarioPlan.millis(x.stable().asOf());
            int rows = 0;
            int ok = 0;
            double lo = 1;
            double hi = 0;
            java.util.TreeSet<String> days = new java.util.TreeSet<>();
            for (ScenarioRun.EventState s : o.history()) {
                if (s.at() >= from && s.confidence() != null) {
                    rows++;
                    if (x.stable().holds(s.cause(), s.confidence())) {
                        ok++;
                    }
                    lo = Math.min(lo, s.confidence());
                    hi = Math.max(hi, s.confidence());
                }
            }
            for (ScenarioRun.Proposal p : o.proposals()) {
                days.add(Instant.ofEpochMilli(p.at()).atZone(EstateSpec.ZONE).toLocalDate().toString());
            }
            checks.add(new Check("every event state from " + local(from), x.stable().toString(),
                    String.format(Locale.ROOT, "%d of %d states hold, confidence %.2f..%.2f", ok, rows, lo, hi),
                    rows > 0 && ok == rows));
            checks.add(new Check("refreshed over days", ">= 3 days with proposals", days.size() + " " + days,
                    days.size() >= 3));
        }
        ScenarioRun.EventState cur = o.current();
        if (x.finalCause() != null) {
            checks.add(new Check("final cause", x.finalCause(), cur == null ? "none" : cur.cause(),
                    cur != null && x.finalCause().equals(cur.cause())));
        }
        if (x.status() != null) {
            checks.add(new Check("status", x.status(), cur == null ? "none" : cur.status(),
                    cur != null && x.status().equals(cur.status())));
        }
        return new Verdict(c.id(), c.title(), checks);
    }

    /** The seed's third validation: the competitor stock-out, replayed, is attributed exactly alike. */
    static Verdict replay(ScenarioRun.Outcome run) {
        List<Check> checks = new ArrayList<>();
        ScenarioRun.Observed first = run.firstRun().get(REPLAYED_CASE);
        ScenarioRun.Observed again = run.cases().get(REPLAYED_CASE);
        ScenarioRun.Proposal a = first == null ? null : first.eventProposal();
        ScenarioRun.Proposal b = again == null ? null : again.eventProposal();
        checks.add(new Check("replayed attribution", "Competitor Stockout",
                b == null ? "none" : b.detectionType() + " (" + b.cause() + " " + conf(b.confidence()) + ")",
                b != null && "Competitor Stockout".equals(b.detectionType())));
        checks.add(new Check("same event id", first == null ? "?" : String.valueOf(first.eventId()),
                again == null ? "none" : String.valueOf(again.eventId()),
                first != null && again != null && first.eventId() != null && first.eventId().equals(again.eventId())));
        checks.add(new Check("same proposals", a == null ? "none" : a.cause() + " " + conf(a.confidence()) + " x"
                        + first.proposals().size(),
                b == null ? "none" : b.cause() + " " + conf(b.confidence()) + " x" + again.proposals().size(),
                a != null && b != null && a.cause().equals(b.cause()) && Objects.equals(a.confidence(), b.confidence())
                        && first.proposals().size() == again.proposals().size()));
        return new Verdict(REPLAY, "Validation: replayed competitor stock-out", checks);
    }

    /** Prints expected versus observed for every verdict and the tally; returns the number of failures. */
    public static int print(List<Verdict> verdicts, PrintStream out) {
        int failed = 0;
        out.println();
        out.println("Validation (expected vs observed, read from the Iceberg logs):");
        for (Verdict v : verdicts) {
            out.printf("%s  %-13s %s%n", v.pass() ? "PASS" : "FAIL", v.id(), v.title());
            for (Check c : v.checks()) {
                out.printf("        %-4s %-36s expected %-44s observed %s%n", c.pass() ? "ok" : "FAIL", c.what(),
                        c.expected(), c.observed());
            }
            failed += v.pass() ? 0 : 1;
        }
        out.printf("%d/%d PASS%n", verdicts.size() - failed, verdicts.size());
        return failed;
    }

    // ---------------------------------------------------------------- event table

    /** The cases' events as the table shows them. */
    public static List<EventLine> table(ScenarioRun.Outcome run) {
        List<EventLine> lines = new ArrayList<>();
        for (Scenario.Case c : run.plan().scenario().cases()) {
            ScenarioRun.Observed o = run.cases().get(c.id());
            if (o == null || o.eventId() == null || o.current() == null) {
                lines.add(new EventLine(c.id(), null, null, 0, null, null, null, null, null, null, "no event found"));
                continue;
            }
            ScenarioRun.EventState cur = o.current();
            // The first cause is the event's state when the case's analysts first look at it (the scenario's
            // first-look time), as the source document tells each case; else its first state with a cause.
            ScenarioRun.EventState first = null;
            if (c.expect().first() != null) {
                first = o.stateAt(ScenarioPlan.millis(c.expect().first().asOf()));
            }
            if (first == null || first.cause() == null) {
                first = o.history().get(0);
                for (ScenarioRun.EventState s : o.history()) {
                    if (s.cause() != null) {
                        first = s;
                        break;
                    }
                }
            }
            String[] cities = cur.cities() == null || cur.cities().isEmpty() ? new String[0] : cur.cities().split(",");
            String scope = cities.length == 1 ? cities[0] : cities.length + " cities";
            ScenarioRun.Proposal last = o.eventProposal();
            StringBuilder narrative = new StringBuilder(last == null || last.narrative() == null ? "" : last.narrative());
            for (String note : o.analystNotes()) {
                narrative.append("\n    analyst ").append(note);
            }
            lines.add(new EventLine(c.id(), o.eventId(), scope, cur.stores(), first.cause(), first.confidence(),
                    cur.cause(), cur.confidence(), cur.status(), cur.priority(), narrative.toString()));
        }
        return lines;
    }

    public static void printTable(List<EventLine> lines, PrintStream out) {
        out.println();
        out.println("Minority Events of the demo day (current rows of minority_events_log):");
        out.printf("%-13s %-15s %-12s %6s  %-26s %-26s %-24s %-8s%n", "case", "event", "scope", "stores",
                "first cause", "final cause (conf.)", "status", "priority");
        for (EventLine l : lines) {
            out.printf("%-13s %-15s %-12s %6d  %-26s %-26s %-24s %-8s%n", l.caseId(), nz(l.eventId()), nz(l.scope()),
                    l.stores(), shorten(l.firstCause(), l.firstConfidence()), shorten(l.finalCause(), l.confidence()),
                    nz(l.status()), nz(l.priority()));
        }
        out.println();
        out.println("Narratives:");
        for (EventLine l : lines) {
            out.printf("  %s %s: %s%n", l.caseId(), nz(l.eventId()), l.narrative());
        }
    }

    private static String shorten(String cause, Double confidence) {
        if (cause == null) {
            return "-";
        }
        String c = cause.length() > 19 ? cause.substring(0, 19) : cause;
        return confidence == null ? c : c + " " + conf(confidence);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    static String conf(Double c) {
        return c == null ? "NULL" : String.format(Locale.ROOT, "%.2f", c);
    }

    private static String local(long millis) {
        return Instant.ofEpochMilli(millis).atZone(EstateSpec.ZONE).toLocalDateTime().toString().replace('T', ' ');
    }
}
