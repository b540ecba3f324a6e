package mrs.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.embedded.LocalPipeline;
import mrs.job.MrsJob;
import mrs.sql.SqlRunner;
import mrs.udfs.score.ScoreCommand;

/** The {@code mrs} command line: demo, validate, replay, sql, analyst, score, ddl. */
public final class Mrs {
    static final String USAGE = """
            usage: mrs <command> [options]

            commands:
              demo      replay the demo day (12 August 2025: the eight case studies on a UK estate) on an
                        embedded Kafka broker, Iceberg catalog and Flink MiniCluster, print its events
              validate  run the demo day and check every case study and validation: PASS/FAIL, exit code
              replay    the same embedded pipeline over your own recorded feeds (JSON lines)
              sql       run a Flink SQL query on the MRS Iceberg catalog and print the rows
              score     score a timestamp,value CSV (or a directory of them) with the MRS detector, offline
              analyst   sign an analyst action (confirm, reject, edit, ...) and publish it or append it to a file
              ddl       create or migrate the MRS tables in any Iceberg catalog, and the views through Trino

            common options:
              --config FILE      properties file (see mrs-defaults.properties for every option)
              --set KEY=VALUE    override one option (repeatable), e.g. --set mrs.window.size=PT30M
              --data-dir DIR     embedded catalog/warehouse/broker directory (default: mrs-data)
              --help             help for a command: mrs <command> --help
            """;

    private Mrs() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String cmd = args[0];
        try {
            return switch (cmd) {
                case "demo" -> DemoCommand.run(args, out, err);
                case "validate" -> ValidateCommand.run(args, out, err);
                case "replay" -> replay(args, out, err);
                case "sql" -> sql(args, out, err);
                case "analyst" -> AnalystCommand.run(args, out, err);
                case "ddl" -> DdlCommand.run(args, out, err);
                case "score" -> ScoreCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
                default -> {
                    err.println("mrs: unknown command '" + cmd + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("mrs " + cmd + ": " + e.getMessage());
            err.println("(mrs " + cmd + " --help for usage)");
            return 2;
        } catch (Exception e) {
            err.println("mrs " + cmd + ": failed: " + rootMessage(e));
            if (System.getenv("MRS_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set MRS_DEBUG=1 for the stack trace)");
            }
            return 1;
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (cause: " + c + ")";
    }

    static final String REPLAY_USAGE = """
            usage: mrs replay --sales sales.jsonl [--stores stores.jsonl] [--signals signals.jsonl]
                              [--actions analyst-actions.jsonl] [options]

            Runs the MRS pipeline over your own recorded feeds: each file is JSON lines in its topic's
            contract (DESIGN.md: mrs.sales, mrs.stores, mrs.signals, mrs.analyst-actions, the last as written
            by 'mrs analyst'), published through an embedded Kafka
            broker; the job runs to the end of the data and writes the Iceberg logs in --data-dir, which it
            resets first. Malformed lines are not dropped: they land in sales_errors with the raw payload.
            The detector needs history before it alerts (mrs.detector.warmup-days, default 7).

            options: --config FILE, --set KEY=VALUE, --data-dir DIR (default mrs-data)
            """;

    static int replay(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("sales", "stores", "signals", "actions", "config", "data-dir"), List.of());
        if (a.help) {
            out.print(REPLAY_USAGE);
            return 0;
        }
        if (a.get("sales") == null) {
            throw new Args.UsageException("--sales is required");
        }
        Path sales = existing(a.get("sales"));
        Path stores = a.get("stores") == null ? null : existing(a.get("stores"));
        Path signals = a.get("signals") == null ? null : existing(a.get("signals"));
        Path actions = a.get("actions") == null ? null : existing(a.get("actions"));
        MrsConfig cfg = a.config();
        LocalPipeline.Outcome outcome = LocalPipeline.run(cfg, sales, stores, signals, actions, out);
        Reports.print(outcome.catalog(), out);
        return 0;
    }

    private static Path existing(String f) {
        Path p = Path.of(f);
        if (!Files.isRegularFile(p)) {
            throw new Args.UsageException("no such file: " + f);
        }
        return p;
    }

    static final String SQL_USAGE = """
            usage: mrs sql "<query>" [--config FILE] [--set KEY=VALUE] [--data-dir DIR]

            Runs one Flink SQL statement (batch mode) on the MRS Iceberg catalog, with the MRS namespace as
            the current database and UTC as the session time zone, and prints the rows. Tables:
            minority_reports_detected_log, minority_event_ended_log, minority_reports_clustered_log,
            minority_reports_proposed_attribution_log, minority_reports_cohort_log, minority_reports,
            minority_events_log, model_protection_log, edit_logs, minority_reports_finalisation_log,
            analyst_actions_refused, sales_errors, stores_errors, signals_errors. Views (mrs ddl --print flink):
            *_current (current row per key), report_audit_trail, event_audit_trail, override_register,
            sli_freshness, sli_coverage, sli_error_rate, status_distribution, stale_cohorts. Example:
              mrs sql "SELECT store_id, window_start, lift FROM minority_reports_detected_log"
            """;

    static int sql(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("config", "data-dir"), List.of());
        if (a.help) {
            out.print(SQL_USAGE);
            return 0;
        }
        if (a.positional.size() != 1) {
            throw new Args.UsageException("expected exactly one quoted query, got " + a.positional.size() + " arguments");
        }
        MrsConfig cfg = a.config();
        if (cfg.catalogProperties().isEmpty() && !Files.exists(cfg.dataDir().resolve("catalog.db"))) {
            err.println("mrs sql: no MRS catalog in " + cfg.dataDir().toAbsolutePath()
                    + " (run 'mrs demo' or 'mrs replay' first, or pass --data-dir / catalog properties)");
            return 1;
        }
        CatalogSettings catalog = MrsJob.catalog(cfg);
        SqlRunner runner = new SqlRunner(catalog);
        out.println(SqlRunner.format(runner.query(a.positional.get(0))));
        return 0;
    }
}
