package mrs.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code mrs validate}: runs the demo day like {@code mrs demo} and prints, for each case study and
 * validation of the source document, what was expected and what the Iceberg logs show, PASS or FAIL.
 * Exits non-zero when anything fails.
 */
final class ValidateCommand {
    static final String USAGE = """
            usage: mrs validate [--seed N] [--days N] [--config FILE] [--set KEY=VALUE] [--data-dir DIR]

            Runs the demo day (see mrs demo --help: the same scenario, estate and two runs) and checks each of
            the source document's eight case studies and three validations against the Iceberg logs: the
            Minority Event holds the case's stores; the machine's first and latest proposals for the event
            (cause and confidence band, as produced by the attribution model from the evidence; an event's
            proposal is the consensus of its reports': most-proposed cause, median confidence); alternatives and
            stability where the case names them; the final cause after the analysts' input; and the final
            status. The third validation replays the competitor stock-out (the second run replays the first
            run's feeds) and requires the same event and the same attribution. Prints expected vs observed
            with PASS/FAIL per case and the tally; the exit code is 1 if anything fails.

              --seed N     seed of the background sales noise (the cases must hold under any seed)
              --days N     days of history (default 28)
            """;

    private ValidateCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("seed", "days", "config", "data-dir"), List.of());
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        ScenarioRun.Outcome run = ScenarioRun.run(DemoCommand.scenario(a), DemoCommand.bounded(a.config()), out);
        int failed = DemoDayReport.print(DemoDayReport.validate(run), out);
        if (failed > 0) {
            err.printf("mrs validate: %d case(s) FAILED%n", failed);
            return 1;
        }
        return 0;
    }
}
