package mrs.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.demo.DemoDay;
import mrs.demo.EstateGenerator;
import mrs.demo.EstateSpec;
import mrs.demo.Injection;
import mrs.demo.Scenario;
import mrs.embedded.LocalPipeline;
import mrs.sql.SqlRunner;
import org.apache.flink.types.Row;

/**
 * {@code mrs demo}: replays the demo day ({@link DemoDay}) on the embedded broker, catalog and
 * MiniCluster and prints the cases' Minority Events; with {@code --estate}, the plain estate with a
 * handful of injected spikes and drops, and the detected reports next to the injected ground truth.
 */
final class DemoCommand {
    static final String USAGE = """
            usage: mrs demo [--seed N] [--days N] [--estate [--stores N]] [--config FILE] [--set KEY=VALUE] [--data-dir DIR]

            Replays the demo day, 12 August 2025: a UK estate (120 stores in 12 cities, 12 SKUs, 28 days of
            hourly sales with daily and weekly seasonality and noise) with the source document's eight case
            studies and validations on top of it (each case's sales shape, its signals at the times they are
            observed, its analysts' signed actions at the times they are issued). Publishes it to an embedded
            Kafka broker and runs the MRS job on a local Flink MiniCluster twice: first the machine alone (what
            the analysts see, so their actions can name the Minority Events), then the same feeds with the
            analysts' actions. Writes the Iceberg logs into --data-dir (default mrs-data, reset first; the
            first run's logs in DIR/first-run), prints the validation tally (mrs validate prints the detail),
            then the table of the cases' events (id, scope, stores, first and final cause with confidence,
            status, priority) and each event's narrative.

              --seed N     seed of the background sales noise (the cases' shapes, signals and actions stay)
              --days N     days of history (default 28; at least 14 for warm-up and baselines)
              --estate     the plain estate instead: default 120 stores, 24 SKUs, 35 days, 5 injected spikes
                           and drops, 5 malformed records; prints the reports next to the injected truth
              --stores N   with --estate: number of stores

            Afterwards, query the logs:  mrs sql "SELECT * FROM minority_events_current"
            """;

    private DemoCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("seed", "stores", "days", "config", "data-dir"), List.of("estate"));
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        MrsConfig cfg = bounded(a.config());
        if (a.get("estate") == null) {
            if (a.get("stores") != null) {
                throw new Args.UsageException("--stores applies to --estate only (the demo day needs its 120 stores)");
            }
            ScenarioRun.Outcome run = ScenarioRun.run(scenario(a), cfg, out);
            List<DemoDayReport.Verdict> verdicts = DemoDayReport.validate(run);
            long failed = verdicts.stream().filter(v -> !v.pass()).count();
            out.printf("%nscenario run in %.0f s; validation %d/%d PASS (mrs validate prints expected vs observed)%n",
                    run.seconds(), verdicts.size() - failed, verdicts.size());
            DemoDayReport.printTable(DemoDayReport.table(run), out);
            out.println();
            out.println("The logs are Iceberg tables in " + cfg.dataDir().toAbsolutePath() + "; query them with e.g.");
            out.println("  ./mrs sql \"SELECT report_group_id, cause, confidence, status FROM minority_events_current\"");
            return 0;
        }
        EstateSpec spec = EstateSpec.defaults().withMalformedLines(5);
        if (a.get("seed") != null) spec = spec.withSeed(Long.parseLong(a.get("seed")));
        if (a.get("stores") != null) spec = spec.withStores(Integer.parseInt(a.get("stores")));
        if (a.get("days") != null) spec = spec.withDays(Integer.parseInt(a.get("days")));

        Path input = cfg.dataDir().toAbsolutePath().resolve("demo-input");
        Files.createDirectories(input);
        Path stores = input.resolve("stores.jsonl");
        Path sales = input.resolve("sales.jsonl");
        EstateGenerator gen = new EstateGenerator(spec);
        out.printf("generating estate: %d stores, %d SKUs, %d days of hourly sales up to %s (seed %d) ...%n",
                spec.stores(), spec.skus(), spec.days(), spec.endDate(), spec.seed());
        long t0 = System.nanoTime();
        long n = gen.writeJsonLines(stores, sales);
        out.printf("wrote %,d sales records (%d of them malformed on purpose) to %s (%.1f s)%n", n,
                gen.malformedLines().size(), sales, (System.nanoTime() - t0) / 1e9);
        out.println("injected anomalies (ground truth):");
        for (Injection inj : gen.injections()) {
            out.printf("  %-5s x%-4s %-32s %-11s %s +%dh  %d store(s)%n", inj.kind(), inj.multiplier(), inj.label(),
                    inj.sku(), inj.start(), inj.hours(), inj.storeIds().size());
        }

        LocalPipeline.Outcome outcome = LocalPipeline.run(cfg, sales, stores, null, null, out);
        Reports.print(outcome.catalog(), out);
        summarise(gen.injections(), Reports.current(outcome.catalog()), out);
        out.println();
        out.println("The logs are Iceberg tables in " + cfg.dataDir().toAbsolutePath() + "; query them with e.g.");
        out.println("  ./mrs sql \"SELECT count(*) FROM minority_reports_detected_log\"");
        return 0;
    }

    /** The demo day, on the background the options ask for. */
    static Scenario scenario(Args a) {
        Scenario s = DemoDay.scenario();
        EstateSpec e = s.estate();
        if (a.get("seed") != null) e = e.withSeed(Long.parseLong(a.get("seed")));
        if (a.get("days") != null) e = e.withDays(Integer.parseInt(a.get("days")));
        return s.withEstate(e);
    }

    /** A bounded local run commits sooner than the production default. */
    static MrsConfig bounded(MrsConfig cfg) {
        if (cfg.asMap().get("mrs.job.checkpoint-interval").equals("PT30S")) {
            return cfg.with("mrs.job.checkpoint-interval", "PT10S");
        }
        return cfg;
    }

    /** Matches reports to the injected anomalies: same store, overlapping time, SKU involved. */
    static void summarise(List<Injection> injections, SqlRunner.Result reports, PrintStream out) {
        List<String> cols = reports.columns();
        int store = cols.indexOf("store_id");
        int skus = cols.indexOf("skus");
        int start = cols.indexOf("window_start");
        int end = cols.indexOf("window_end");
        boolean[] matched = new boolean[reports.rows().size()];
        out.println();
        out.println("Injected anomalies found:");
        int found = 0;
        for (Injection inj : injections) {
            int hits = 0;
            for (int i = 0; i < reports.rows().size(); i++) {
                Row r = reports.rows().get(i);
                Instant s = instant(r.getField(start));
                Instant e = instant(r.getField(end));
                boolean overlap = s.isBefore(inj.end()) && e.isAfter(inj.start());
                if (inj.storeIds().contains((String) r.getField(store)) && overlap
                        && List.of(((String) r.getField(skus)).split(",")).contains(inj.sku())) {
                    matched[i] = true;
                    hits++;
                }
            }
            found += hits > 0 ? 1 : 0;
            out.printf("  %-32s %2d of %2d stores reported%n", inj.label(), hits, inj.storeIds().size());
        }
        int others = 0;
        for (boolean m : matched) {
            others += m ? 0 : 1;
        }
        out.printf("%d of %d injected anomalies detected; %d other report(s) (%d reports in all)%n", found,
                injections.size(), others, reports.rows().size());
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) return i;
        if (v instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
        if (v instanceof Timestamp t) return t.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + v);
    }

}
