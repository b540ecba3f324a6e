package mrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, usage errors, and {@code mrs score}. */
class MrsCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Mrs.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("demo", "replay", "sql", "score", "analyst", "ddl")) {
            out.reset();
            assertThat(run(cmd, "--help")).as(cmd).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(cmd).containsIgnoringCase("usage");
        }
        assertThat(run("--help")).isZero();
    }

    @Test
    void ddlCreatesTheTablesOnceAndPrintsTheViewsOfEitherDialect() {
        assertThat(run("ddl", "--data-dir", tmp.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created 14, migrated 0, up to date 0")
                .contains("created    minority_reports_detected_log").contains("give --trino-url");
        out.reset();
        assertThat(run("ddl", "--data-dir", tmp.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created 0, migrated 0, up to date 14")
                .doesNotContain("created    ");
        out.reset();
        assertThat(run("ddl", "--print", "trino")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-- mrs/ddl/views/trino/V101__current_rows.sql")
                .contains("CREATE VIEW stale_cohorts AS").contains("date_diff(");
        out.reset();
        assertThat(run("ddl", "--print", "flink")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TIMESTAMPDIFF(");
        assertThat(run("ddl", "--print", "spark")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--print takes flink or trino");
    }

    @Test
    void usageErrorsAreExplainedWithoutAStackTrace() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("replay")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sales is required").doesNotContain("Exception");
        assertThat(run("replay", "--sales", tmp.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(run("demo", "--set", "mrs.window.size=PT7M")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must divide one day");
        assertThat(run("sql", "SELECT 1", "--set", "mrs.no.such.option=1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown configuration key");
    }

    @Test
    void scoreRanksInjectedSpikesAboveEveryCleanPoint() throws Exception {
        Path in = tmp.resolve("series.csv");
        Path outFile = tmp.resolve("scores.csv");
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        LocalDateTime t = LocalDateTime.of(2025, 6, 2, 0, 0);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        List<Integer> spikes = List.of(24 * 20 + 12, 24 * 25 + 15, 24 * 30 + 10);
        for (int i = 0; i < 24 * 35; i++, t = t.plusHours(1)) {
            int hour = t.getHour();
            double mean = hour < 7 ? 3 : hour < 12 ? 20 : hour < 18 ? 35 : 12;
            long v = Math.round(mean + rnd.nextGaussian() * Math.sqrt(mean));
            if (spikes.contains(i)) {
                v = Math.round(mean * 4);
            }
            lines.add(t.toString().replace('T', ' ') + ":00," + Math.max(0, v));
        }
        Files.write(in, lines);
        assertThat(run("score", "--input", in.toString(), "--output", outFile.toString())).isZero();

        List<String> scored = Files.readAllLines(outFile);
        double minSpike = 1;
        double maxClean = 0;
        for (int i = 24 * 14; i < 24 * 35; i++) { // after the warm-up
            double s = Double.parseDouble(scored.get(i + 1).split(",")[2]);
            assertThat(s).isBetween(0.0, 1.0);
            if (spikes.contains(i)) {
                minSpike = Math.min(minSpike, s);
            } else {
                maxClean = Math.max(maxClean, s);
            }
        }
        assertThat(minSpike).isGreaterThan(maxClean);
    }

    @Test
    void analystSignsAnActionThatTheRosterVerifies() throws Exception {
        Path file = tmp.resolve("actions.jsonl");
        assertThat(run("analyst", "confirm", "--event", "ME-0123456789ab", "--analyst", "alice", "--reason", "checked with ops",
                "--issued-at", "2025-08-12T18:00:00Z", "--out", file.toString())).isZero();
        String line = Files.readAllLines(file).get(0);
        mrs.records.ActionRecord r = new mrs.serde.AnalystActionsDeserializer().parse(line);
        mrs.udfs.hitl.AnalystAction a = new mrs.udfs.hitl.AnalystAction(r.actionId, r.analyst, r.issuedAt,
                mrs.udfs.hitl.TargetKind.valueOf(r.targetKind), r.targetId, r.action, r.cause, r.detectionType, r.narrative,
                r.evidenceUrl, r.reason, r.signature);
        byte[] key = mrs.udfs.hitl.Roster.load().lookup("alice").orElseThrow().key();
        assertThat(mrs.udfs.hitl.Signer.verify(a, key)).isTrue();
        assertThat(mrs.udfs.hitl.Signer.verify(a.withSignature(mrs.udfs.hitl.Signer.sign(a, new byte[32])), key)).isFalse();
        assertThat(run("analyst", "confirm", "--event", "MR-0123456789abcdef", "--analyst", "alice", "--reason", "x",
                "--out", file.toString())).isEqualTo(2);
        assertThat(run("analyst", "confirm", "--event", "ME-0123456789ab", "--analyst", "mallory", "--reason", "x",
                "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not in the roster");
    }

    @Test
    void scoreRefusesAMalformedCsvNamingTheLine() throws Exception {
        Path in = tmp.resolve("bad.csv");
        Files.write(in, List.of("timestamp,value", "2025-06-02 00:00:00,3", "2025-06-02 01:00:00,lots"));
        int code = run("score", "--input", in.toString(), "--output", tmp.resolve("o.csv").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv").contains("3").doesNotContain("Exception");
    }
}
