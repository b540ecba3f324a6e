package mrs.udfs.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mrs.udfs.detect.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private static final LongFunction<String> ISO_LONDON = t ->
            ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), TestData.LONDON)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private static final LongFunction<String> SPACE_UTC = t ->
            LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    /** Day n of the series as a bare date: the n-th day after Monday 2 June 2025. */
    private static final LongFunction<String> DATE_ONLY = t ->
            LocalDate.of(2025, 6, 2).plusDays((t - TestData.MONDAY) / TestData.DAY).toString();

    // ---- ranking: every injected anomaly above every clean point after the warm-up ----

    @Test
    void hourlySpikesOutscoreEveryCleanHourAfterWarmUp() throws IOException {
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 35, 3.0, 21);
        Set<Integer> spikes = injectCountSpikes(s, 24 * 9, 10, 21);

        Scored scored = scoreOne(s, ISO_LONDON, true);

        assertThat(scored.warmupZeros()).isGreaterThanOrEqualTo(24 * 7);
        assertSpikesRankAboveCleanPoints(scored, spikes, 24 * 8);
        assertThat(outText()).contains("scored", "interval PT1H", "periods 24/168", "counts");
    }

    @Test
    void quarterHourSpikesOutscoreEveryCleanQuarterAfterWarmUp() throws IOException {
        TestData.Series s = TestData.retailCounts(Duration.ofMinutes(15), 28, 20.0, 22);
        Set<Integer> spikes = injectCountSpikes(s, 96 * 9, 10, 22);

        Scored scored = scoreOne(s, SPACE_UTC, true);

        assertSpikesRankAboveCleanPoints(scored, spikes, 96 * 8);
        assertThat(outText()).contains("interval PT15M", "periods 96/672");
    }

    @Test
    void dailySpikesOutscoreEveryCleanDayAfterWarmUp() throws IOException {
        TestData.Series s = TestData.retailCounts(Duration.ofDays(1), 365, 1.0, 23);
        Set<Integer> spikes = injectCountSpikes(s, 40, 10, 23);

        Scored scored = scoreOne(s, DATE_ONLY, false);

        assertSpikesRankAboveCleanPoints(scored, spikes, 28);
        assertThat(outText()).contains("interval PT24H", "periods 7 ");
    }

    @Test
    void continuousSeriesWithTrendAndNegativeValuesRanksUpAndDownSpikes() throws IOException {
        TestData.Series s = TestData.continuous(Duration.ofHours(1), 35, -100, 3, 2, 24);
        Random random = new Random(24);
        Set<Integer> spikes = new HashSet<>();
        while (spikes.size() < 10) {
            int i = 24 * 9 + random.nextInt(s.size() - 24 * 9);
            if (spikes.add(i)) {
                s.values()[i] += (spikes.size() % 2 == 0 ? 1 : -1) * 25; // ±12.5 noise sigmas
            }
        }

        Scored scored = scoreOne(s, ISO_LONDON, true);

        assertSpikesRankAboveCleanPoints(scored, spikes, 24 * 8);
        assertThat(outText()).contains("continuous", "periods 24 ");
    }

    @Test
    void missingHoursAreTolerated() throws IOException {
        TestData.Series full = TestData.retailCounts(Duration.ofHours(1), 35, 3.0, 25);
        Set<Integer> fullSpikes = injectCountSpikes(full, 24 * 9, 10, 25);
        Random random = new Random(25);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            if (fullSpikes.contains(i) || i == 0 || random.nextDouble() > 0.07) {
                kept.add(i);
            }
        }
        long[] ts = kept.stream().mapToLong(i -> full.timestamps()[i]).toArray();
        double[] v = kept.stream().mapToDouble(i -> full.values()[i]).toArray();
        Set<Integer> spikes = new HashSet<>();
        for (int k = 0; k < kept.size(); k++) {
            if (fullSpikes.contains(kept.get(k))) {
                spikes.add(k);
            }
        }
        TestData.Series gappy = new TestData.Series(ts, new double[ts.length], v);
        int warmRows = (int) kept.stream().filter(i -> i < 24 * 8).count();

        Scored scored = scoreOne(gappy, ISO_LONDON, true);

        assertThat(outText()).contains("interval PT1H", "periods 24/168");
        assertSpikesRankAboveCleanPoints(scored, spikes, warmRows);
    }

    @Test
    void localClockKeepsShopHoursAlignedAcrossTheClockChange() throws IOException {
        // 5 weeks over the end of British Summer Time (26 Oct 2025); offsets in the file go +01:00 -> Z
        long start = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, TestData.LONDON).toInstant().toEpochMilli();
        Random random = new Random(26);
        int n = 24 * 35;
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * TestData.HOUR;
            v[i] = TestData.poisson(TestData.retailMean(ts[i], TestData.HOUR, 20.0), random);
        }
        TestData.Series s = new TestData.Series(ts, new double[n], v);

        Scored scored = scoreOne(s, ISO_LONDON, true);

        int change = (int) ((ZonedDateTime.of(2025, 10, 26, 3, 0, 0, 0, TestData.LONDON).toInstant().toEpochMilli()
                - start) / TestData.HOUR);
        long suspicious = IntStream.range(change, change + 48).filter(i -> scored.scores()[i] > 0.2).count();
        double worst = IntStream.range(change, n).mapToDouble(i -> scored.scores()[i]).max().orElseThrow();
        // On the UTC clock every busy hour would be an hour off after the change: a dozen of the next 48
        // hours score above 0.2 that way. On the shop's clock nothing changes.
        assertThat(suspicious).isLessThanOrEqualTo(1);
        assertThat(worst).isLessThan(0.6);
        assertThat(scored.timestamps().get(change)).endsWith("Z");
        assertThat(scored.timestamps().get(0)).endsWith("+01:00");
    }

    // ---- files and directories ----

    @Test
    void outputEchoesTimestampsAndValuesWithScoresInRange() throws IOException {
        Path in = dir.resolve("s.csv");
        Files.writeString(in, "ts,units\n"
                + "2025-06-02T09:00:00+01:00,4\n"
                + "\"2025-06-02T10:00:00+01:00\", 5.50\n"
                + "\n"
                + "2025-06-02T11:00Z,6\n");
        Path outFile = dir.resolve("o.csv");

        int code = ScoreCommand.run(new String[] {"--input", in.toString(), "--output=" + outFile}, outStream(), errStream());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(outFile)).containsExactly(
                "timestamp,value,anomaly_score",
                "2025-06-02T09:00:00+01:00,4,0.000000",
                "2025-06-02T10:00:00+01:00,5.50,0.000000",
                "2025-06-02T11:00Z,6,0.000000");
        assertThat(errText()).isEmpty();
    }

    @Test
    void directoryInputIsMirroredUnderTheOutputDirectory() throws IOException {
        Path in = dir.resolve("in");
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 21, 3.0, 27);
        writeCsv(in.resolve("north/leeds/store-1.csv"), s, ISO_LONDON, true);
        writeCsv(in.resolve("north/store-2.CSV"), s, SPACE_UTC, false);
        writeCsv(in.resolve("store-3.csv"), s, ISO_LONDON, true);
        Files.writeString(in.resolve("north/readme.txt"), "not a series");
        Path outDir = dir.resolve("out/scores");

        int code = ScoreCommand.run(new String[] {"--input", in.toString(), "--output", outDir.toString()}, outStream(), errStream());

        assertThat(code).as(errText()).isZero();
        try (Stream<Path> files = Files.walk(outDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> outDir.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("north/leeds/store-1.csv", "north/store-2.CSV", "store-3.csv");
        }
        assertThat(Files.readAllLines(outDir.resolve("north/leeds/store-1.csv"))).hasSize(s.size() + 1);
        assertThat(outText().lines().filter(l -> l.startsWith("scored ") && l.contains(" -> "))).hasSize(3);
        assertThat(outText()).contains("scored 3 of 3 files");
    }

    @Test
    void rerunWithOutputInsideInputDoesNotScoreItsOwnOutput() throws IOException {
        Path in = dir.resolve("data");
        writeCsv(in.resolve("a.csv"), TestData.retailCounts(Duration.ofHours(1), 10, 3.0, 28), ISO_LONDON, true);
        String[] args = {"--input", in.toString(), "--output", in.resolve("scores").toString()};

        assertThat(ScoreCommand.run(args, outStream(), errStream())).isZero();
        assertThat(ScoreCommand.run(args, outStream(), errStream())).isZero();

        assertThat(in.resolve("scores/a.csv")).exists();
        assertThat(in.resolve("scores/scores")).doesNotExist();
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("bad timestamp", "timestamp,value\n2025-06-02T00:00:00Z,1\n2025-13-02 00:00:00,2\n",
                        ":3:", "bad timestamp '2025-13-02 00:00:00'"),
                Arguments.of("non-numeric value", "2025-06-02T00:00:00Z,1\n2025-06-02T01:00:00Z,lots\n",
                        ":2:", "non-numeric value 'lots'"),
                Arguments.of("NaN value", "2025-06-02T00:00:00Z,1\n2025-06-02T01:00:00Z,NaN\n",
                        ":2:", "non-numeric value 'NaN'"),
                Arguments.of("missing value", "2025-06-02T00:00:00Z,1\n2025-06-02T01:00:00Z,\n",
                        ":2:", "non-numeric value ''"),
                Arguments.of("three columns", "timestamp,value\n2025-06-02T00:00:00Z,1,x\n",
                        ":2:", "expected 2 columns (timestamp,value), found 3"),
                Arguments.of("one column", "2025-06-02T00:00:00Z\n", ":1:", "found 1"),
                Arguments.of("empty file", "", ":1:", "empty file"),
                Arguments.of("header only", "timestamp,value\n", ":2:", "no data rows after the header"),
                Arguments.of("time going backwards",
                        "2025-06-02T01:00:00Z,1\n2025-06-02T02:00:00Z,1\n\n2025-06-02T00:30:00Z,2\n",
                        ":4:", "is not after the previous row's '2025-06-02T02:00:00Z' (line 2)"),
                Arguments.of("duplicate timestamp",
                        "2025-06-02T01:00:00+01:00,1\n2025-06-02T00:00:00Z,1\n", ":2:", "is not after"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedCsvGivesOneClearLineAndNoOutput(String name, String content, String line, String message)
            throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, content);
        Path outFile = dir.resolve("scores.csv");

        int code = ScoreCommand.run(new String[] {"--input", in.toString(), "--output", outFile.toString()}, outStream(), errStream());

        assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
        assertThat(errText().lines()).hasSize(1);
        assertThat(errText()).startsWith("mrs score: error: " + in + line).contains(message);
        assertThat(errText()).doesNotContain("Exception", "\tat ");
        assertThat(outFile).doesNotExist();
    }

    @Test
    void oneBadFileInADirectoryStillLetsTheOthersBeScored() throws IOException {
        Path in = dir.resolve("in");
        writeCsv(in.resolve("good.csv"), TestData.retailCounts(Duration.ofHours(1), 10, 3.0, 29), ISO_LONDON, true);
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/bad.csv"), "timestamp,value\n2025-06-02T00:00:00Z,abc\n");
        Path outDir = dir.resolve("out");

        int code = ScoreCommand.run(new String[] {"--input", in.toString(), "--output", outDir.toString()}, outStream(), errStream());

        assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
        assertThat(outDir.resolve("good.csv")).exists();
        assertThat(outDir.resolve("sub/bad.csv")).doesNotExist();
        assertThat(errText().lines()).singleElement().asString().contains("bad.csv:2:", "non-numeric value 'abc'");
        assertThat(outText()).contains("scored 1 of 2 files");
    }

    @Test
    void helpPrintsUsageAndBadArgumentsExitWithTwo() {
        assertThat(ScoreCommand.run(new String[] {"--help"}, outStream(), errStream())).isZero();
        assertThat(outText()).startsWith("Usage: mrs score --input").contains("--output", "anomaly_score");

        assertThat(ScoreCommand.run(new String[] {"--input", "x.csv"}, outStream(), errStream())).isEqualTo(ScoreCommand.EXIT_USAGE);
        assertThat(ScoreCommand.run(new String[] {"--input"}, outStream(), errStream())).isEqualTo(ScoreCommand.EXIT_USAGE);
        assertThat(ScoreCommand.run(new String[] {"--frobnicate"}, outStream(), errStream())).isEqualTo(ScoreCommand.EXIT_USAGE);
        assertThat(ScoreCommand.run(new String[] {}, outStream(), errStream())).isEqualTo(ScoreCommand.EXIT_USAGE);
        assertThat(errText().lines()).containsExactly(
                "mrs score: --output is required (see mrs score --help)",
                "mrs score: --input needs a value (see mrs score --help)",
                "mrs score: unknown argument '--frobnicate' (see mrs score --help)",
                "mrs score: --input is required (see mrs score --help)");
    }

    @Test
    void missingInputIsAnInputError() {
        int code = ScoreCommand.run(new String[] {"--input", dir.resolve("nope.csv").toString(), "--output",
                dir.resolve("o.csv").toString()}, outStream(), errStream());

        assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
        assertThat(errText()).contains("nope.csv: no such file or directory");
    }

    // ---- helpers ----

    private record Scored(List<String> timestamps, double[] scores, int warmupZeros) {}

    /** Writes {@code s}, scores it through the command, checks the echo and returns the scores. */
    private Scored scoreOne(TestData.Series s, LongFunction<String> format, boolean header) throws IOException {
        Path in = dir.resolve("series.csv");
        Path outFile = dir.resolve("out/scores.csv");
        List<String> written = writeCsv(in, s, format, header);

        int code = ScoreCommand.run(new String[] {"--input", in.toString(), "--output", outFile.toString()}, outStream(), errStream());

        assertThat(code).as(errText()).isZero();
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score");
        assertThat(lines).hasSize(s.size() + 1);
        List<String> timestamps = new ArrayList<>();
        double[] scores = new double[s.size()];
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < s.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(f).hasSize(3);
            assertThat(f[0] + "," + f[1]).isEqualTo(written.get(i));
            timestamps.add(f[0]);
            scores[i] = Double.parseDouble(f[2]);
            assertThat(scores[i]).isBetween(0.0, 1.0);
            leading &= scores[i] == 0.0;
            if (leading) {
                zeros++;
            }
        }
        return new Scored(timestamps, scores, zeros);
    }

    private static List<String> writeCsv(Path file, TestData.Series s, LongFunction<String> format, boolean header)
            throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            double v = s.values()[i];
            String value = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
            rows.add(format.apply(s.timestamps()[i]) + "," + value);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, (header ? "timestamp,value\n" : "") + String.join("\n", rows) + "\n");
        return rows;
    }

    /** Replaces {@code count} busy points from {@code from} on with a draw at three times their mean. */
    private static Set<Integer> injectCountSpikes(TestData.Series s, int from, int count, long seed) {
        Random random = new Random(seed);
        double busy = 0;
        for (double m : s.means()) {
            busy = Math.max(busy, m);
        }
        Set<Integer> spikes = new HashSet<>();
        while (spikes.size() < count) {
            int i = from + random.nextInt(s.size() - from);
            if (s.means()[i] >= 0.3 * busy && spikes.add(i)) {
                s.values()[i] = TestData.poisson(3 * s.means()[i], random);
            }
        }
        return spikes;
    }

    private static void assertSpikesRankAboveCleanPoints(Scored scored, Set<Integer> spikes, int warmup) {
        double maxClean = 0;
        double minSpike = 1;
        for (int i = warmup; i < scored.scores().length; i++) {
            if (spikes.contains(i)) {
                minSpike = Math.min(minSpike, scored.scores()[i]);
            } else {
                maxClean = Math.max(maxClean, scored.scores()[i]);
            }
        }
        assertThat(spikes).allMatch(i -> i >= warmup);
        assertThat(minSpike).as("lowest spike vs highest clean point (%s)",
                spikes.stream().sorted().map(i -> i + "=" + scored.scores()[i]).collect(Collectors.joining(", ")))
                .isGreaterThan(maxClean);
        assertThat(minSpike).isGreaterThan(0.5); // above the detector's alert threshold too
    }

    private PrintStream outStream() {
        return new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    }

    private PrintStream errStream() {
        return new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    }

    private String outText() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
