package mrs.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import mrs.load.AttributionCaseGenerator.LabelledCase;
import mrs.udfs.attribution.AttributionModel;
import mrs.udfs.attribution.RateEstimator;
import mrs.udfs.attribution.Taxonomy;

/**
 * Command line: generates a labelled attribution set with {@link AttributionCaseGenerator} and prints
 * how the attribution model does on it: top-1 detection-type and cause accuracy, the per-tier
 * calibration table, per-cause accuracy and a confusion summary by detection type. With
 * {@code --fit-temperature} it also scans the softmax temperature and prints the log-loss and the worst
 * tier gap for each value, which is how {@code calibration.temperature} in the taxonomy is chosen.
 * With {@code --estimate} it prints instead the stated rates read off the generated set
 * ({@link RateEstimator}: priors, signal recall/decoy rates, feature tables) as taxonomy lines, which is
 * how those numbers in the taxonomy were obtained ({@code --estimate --seed 7 --cases 200000}).
 *
 * <pre>
 * java -cp load-tests/target/load-tests-0.1.0-SNAPSHOT-all.jar mrs.load.AttributionAccuracy --cases 20000 --seed 42
 * </pre>
 *
 * <p>Exit code 0 on success, 2 on bad arguments.
 */
public final class AttributionAccuracy {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: mrs.load.AttributionAccuracy [--cases N] [--seed S] [--taxonomy FILE] [--fit-temperature]",
            "                                    [--estimate]",
            "",
            "Generates N labelled cases (report, signals, true cause) from seed S and prints the attribution",
            "model's top-1 detection-type and cause accuracy, the calibration table per confidence tier",
            "(mean top-1 confidence vs observed top-1 accuracy), per-cause accuracy and a confusion summary.",
            "",
            "  --cases N           number of generated cases (default 20000, at least 1)",
            "  --seed S            generator seed (default 42); the same seed gives the same set",
            "  --taxonomy FILE     taxonomy/model properties to evaluate instead of the built-in one",
            "  --fit-temperature   also scan calibration.temperature 0.50..2.00 and print log-loss and tier gaps",
            "  --estimate          print the stated rates read off the set as taxonomy.properties lines instead",
            "                      (the taxonomy's were read with --estimate --seed 7 --cases 200000)",
            "  --help              this text");

    private AttributionAccuracy() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, printing to {@code out}/{@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        int cases = 20_000;
        long seed = 42;
        Path taxonomyFile = null;
        boolean fit = false;
        boolean estimate = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--cases" -> cases = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--taxonomy" -> taxonomyFile = Path.of(value(args, ++i, a));
                    case "--fit-temperature" -> fit = true;
                    case "--estimate" -> estimate = true;
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            } catch (NumberFormatException e) {
                err.println("error: " + a + " needs a whole number");
                err.println(USAGE);
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.println(USAGE);
                return 2;
            }
        }
        if (cases < 1) {
            err.println("error: --cases must be at least 1");
            return 2;
        }
        Properties props = taxonomyProperties(taxonomyFile);
        Taxonomy taxonomy = Taxonomy.fromProperties(props);
        AttributionModel model = new AttributionModel(taxonomy);
        List<LabelledCase> set = new AttributionCaseGenerator(seed).generate(cases);
        if (estimate) {
            RateEstimator estimator = new RateEstimator(model);
            for (LabelledCase c : set) {
                estimator.add(c.report(), c.signals(), c.trueCause(), c.scenario());
            }
            out.printf(Locale.ROOT, "# stated rates read off %d generated cases, seed %d, with taxonomy %s%n", cases,
                    seed, taxonomy.version());
            out.print(estimator.format());
            return 0;
        }

        out.printf(Locale.ROOT, "attribution accuracy: taxonomy %s, temperature %s, %d generated cases, seed %d%n%n",
                taxonomy.version(), props.getProperty("calibration.temperature").trim(), cases, seed);
        out.print(AttributionEvaluation.format(AttributionEvaluation.evaluate(model, set)));
        if (fit) {
            out.printf(Locale.ROOT, "%ntemperature scan%n  %-6s %9s %12s %s%n", "T", "log-loss", "max tier gap",
                    "  (Low / Medium / High gap)");
            for (int k = 50; k <= 200; k += 5) {
                double t = k / 100.0;
                Properties p = new Properties();
                p.putAll(props);
                p.setProperty("calibration.temperature", Double.toString(t));
                AttributionEvaluation.Result r =
                        AttributionEvaluation.evaluate(new AttributionModel(Taxonomy.fromProperties(p)), set);
                out.printf(Locale.ROOT, "  %-6.2f %9.4f %12.3f    %.3f / %.3f / %.3f%n", t, r.logLoss(), r.maxTierGap(),
                        r.tier(Taxonomy.LOW).gap(), r.tier(Taxonomy.MEDIUM).gap(), r.tier(Taxonomy.HIGH).gap());
            }
        }
        return 0;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** The built-in taxonomy's properties, or the given file's. */
    static Properties taxonomyProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = file == null
                ? Taxonomy.class.getResourceAsStream(Taxonomy.DEFAULT_RESOURCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IOException("taxonomy resource " + Taxonomy.DEFAULT_RESOURCE + " not on the classpath");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        return props;
    }
}
