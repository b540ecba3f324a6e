package mrs.udfs.score;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mrs score}: scores {@code timestamp,value} CSV series offline with the streaming detector and
 * writes {@code timestamp,value,anomaly_score}. The {@code mrs} launcher calls {@link #run}, which never
 * exits the JVM or prints a stack trace, so it is safe to call from tests and other commands; {@link
 * #main} is the same for {@code java -cp mrs-udfs.jar mrs.udfs.score.ScoreCommand ...}.
 *
 * <p>{@code --input} is a file or a directory; for a directory every {@code *.csv} below it (recursively)
 * is scored into the same relative path under {@code --output}, directories created as needed. A file
 * that cannot be read or parsed is reported on {@code err} as one line naming file and line, gets no
 * output, and makes the exit code 1; the other files are still scored. One progress line per scored file
 * goes to {@code out}.
 */
public final class ScoreCommand {

    /** Everything scored. */
    public static final int EXIT_OK = 0;
    /** At least one input could not be read, parsed or written. */
    public static final int EXIT_INPUT_ERROR = 1;
    /** Bad command line. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = String.join("\n",
            "Usage: mrs score --input <file.csv|dir> --output <file.csv|dir>",
            "",
            "Scores each point of a timestamp,value series for anomalies, using only the points before it,",
            "and writes timestamp,value,anomaly_score (score in [0,1]; 0 during warm-up, 0.5 at the",
            "detector's alert threshold).",
            "",
            "  --input PATH   a CSV file, or a directory: every *.csv below it is scored",
            "  --output PATH  the output file, or (for a directory input) the directory that mirrors it",
            "  --help         print this help",
            "",
            "Input: one 'timestamp,value' per line, optional header. Timestamps ISO-8601 with or without",
            "offset (2025-08-12T09:00:00+01:00), 'yyyy-MM-dd HH:mm:ss', a date, or epoch seconds/millis;",
            "strictly increasing; any regular interval from minutes to days (missing points are fine).",
            "Seasonal periods (daily, weekly, other) are learned from the warm-up prefix of each series.",
            "",
            "Exit codes: 0 ok, 1 an input could not be scored, 2 bad command line.");

    private ScoreCommand() {}

    /** Runs the command on the process's streams and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return {@link #EXIT_OK}, {@link #EXIT_INPUT_ERROR} or {@link #EXIT_USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String input = null;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return EXIT_OK;
                case "--input":
                case "--output":
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            return usage(err, name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        return usage(err, name + " needs a value");
                    }
                    if (name.equals("--input")) {
                        input = value;
                    } else {
                        output = value;
                    }
                    break;
                default:
                    return usage(err, "unknown argument '" + a + "'");
            }
        }
        if (input == null) {
            return usage(err, "--input is required");
        }
        if (output == null) {
            return usage(err, "--output is required");
        }
        Path in = Paths.get(input);
        Path outPath = Paths.get(output);
        if (Files.isDirectory(in)) {
            return scoreDirectory(in, outPath, out, err);
        }
        if (!Files.isRegularFile(in)) {
            err.println("mrs score: error: " + input + ": no such file or directory");
            return EXIT_INPUT_ERROR;
        }
        Path target = Files.isDirectory(outPath) ? outPath.resolve(in.getFileName()) : outPath;
        return scoreFile(in, input, target, out, err) ? EXIT_OK : EXIT_INPUT_ERROR;
    }

    private static int scoreDirectory(Path in, Path outDir, PrintStream out, PrintStream err) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            err.println("mrs score: error: " + outDir + ": --output must be a directory when --input is one");
            return EXIT_INPUT_ERROR;
        }
        Path outAbs = outDir.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    // Scores written into the input tree by an earlier run are not inputs.
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(outAbs))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            err.println("mrs score: error: " + in + ": cannot list directory: " + message(e));
            return EXIT_INPUT_ERROR;
        }
        if (files.isEmpty()) {
            err.println("mrs score: error: " + in + ": no *.csv files found");
            return EXIT_INPUT_ERROR;
        }
        int failed = 0;
        for (Path file : files) {
            Path target = outDir.resolve(in.relativize(file).toString());
            if (!scoreFile(file, file.toString(), target, out, err)) {
                failed++;
            }
        }
        out.println("scored " + (files.size() - failed) + " of " + files.size() + " files into " + outDir);
        return failed == 0 ? EXIT_OK : EXIT_INPUT_ERROR;
    }

    /** Scores one file; reports success on {@code out}, any failure as one line on {@code err}. */
    private static boolean scoreFile(Path in, String displayName, Path target, PrintStream out, PrintStream err) {
        SeriesCsv.Series series;
        try {
            series = SeriesCsv.read(in, displayName);
        } catch (SeriesFormatException e) {
            err.println("mrs score: error: " + e.getMessage());
            return false;
        } catch (IOException | UncheckedIOException e) {
            // e.g. MalformedInputException for a file that is not UTF-8 text
            err.println("mrs score: error: " + displayName + ": cannot read: " + message(e));
            return false;
        }
        SeriesScorer.Result result;
        try {
            result = SeriesScorer.score(series.wallClock(), series.values());
        } catch (RuntimeException e) {
            // Not expected for a parsed series; still one line, never a stack trace, for the user.
            err.println("mrs score: error: " + displayName + ": cannot score: " + message(e));
            return false;
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                SeriesCsv.write(w, series, result.scores());
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("mrs score: error: " + target + ": cannot write: " + message(e));
            return false;
        }
        double max = 0;
        for (double s : result.scores()) {
            max = Math.max(max, s);
        }
        PeriodLearner.Result p = result.periods();
        out.println(String.format(Locale.ROOT,
                "scored %s -> %s: %d points, interval %s, periods %s (%s), warm-up %d, %s, max score %.3f",
                displayName, target, series.size(), Duration.ofMillis(result.intervalMillis()),
                periods(p), p.evidence().isEmpty() ? "no evidence" : p.evidence(),
                result.warmupObservations(), result.countData() ? "counts" : "continuous", max));
        return true;
    }

    private static String periods(PeriodLearner.Result p) {
        if (p.primaryPeriod() == 0) {
            return "none";
        }
        return p.secondaryPeriod() == 0
                ? String.valueOf(p.primaryPeriod())
                : p.primaryPeriod() + "/" + p.secondaryPeriod();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("mrs score: " + problem + " (see mrs score --help)");
        return EXIT_USAGE;
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
