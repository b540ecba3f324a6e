package mrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.embedded.LocalPipeline;
import mrs.sql.SqlRunner;
import mrs.udfs.ids.Ids;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka in the loop (slow end-to-end case, ~15 s): a real KRaft broker in this JVM, JSON lines
 * published to {@code mrs.sales} and {@code mrs.stores}, the job reading them with the Kafka source,
 * reports read back from Iceberg. This is the path {@code mrs replay} takes.
 */
class KafkaPipelineITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.create();

    @TempDir
    Path tmp;

    @Test
    void salesThroughTheBrokerBecomeReportsInIceberg() throws Exception {
        Path sales = tmp.resolve("sales.jsonl");
        Path stores = tmp.resolve("stores.jsonl");
        List<String> lines = TestData.withBadLines(TestData.salesLines(true));
        Files.write(sales, lines);
        Files.write(stores, TestData.storeLines());
        MrsConfig cfg = MrsConfig.defaults().with(java.util.Map.of(
                "mrs.data-dir", tmp.resolve("data").toString(),
                "mrs.job.checkpoint-interval", "PT1S"));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalPipeline.Outcome outcome = LocalPipeline.run(cfg, sales, stores, null, null, new PrintStream(log, true, StandardCharsets.UTF_8));

        long published = lines.stream().filter(l -> !l.isBlank()).count();
        assertThat(outcome.counter("parse-sales-accepted") + outcome.counter("parse-sales-refused")).isEqualTo(published);
        List<Row> reports = new SqlRunner(outcome.catalog())
                .query("SELECT DISTINCT report_id, store_id, city FROM minority_reports_detected_log").rows();
        assertThat(reports).extracting(r -> r.getField(0)).containsExactlyInAnyOrder(
                Ids.reportId(TestData.SPIKE_STORE, TestData.SPIKE_START),
                Ids.reportId(TestData.DROP_STORE, TestData.DROP_START));
        // The store dimension came through its own topic.
        assertThat(reports).extracting(r -> r.getField(2)).containsExactlyInAnyOrder("London", "Birmingham");
        List<Row> errors = new SqlRunner(outcome.catalog()).query("SELECT source, raw_payload FROM sales_errors").rows();
        assertThat(errors).hasSize((int) TestData.BAD_SALES.stream().filter(l -> !l.isBlank()).count());
        assertThat(errors).allSatisfy(r -> assertThat(r.getField(0)).isEqualTo("mrs.sales"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("published").contains("job finished");
        // The protection feed on Kafka carries exactly the directives of model_protection_log.
        List<String> logged = new SqlRunner(outcome.catalog()).query("SELECT directive_id FROM model_protection_log").rows()
                .stream().map(r -> (String) r.getField(0)).sorted().toList();
        List<String> feed = outcome.protectionFeed().stream()
                .map(json -> json.replaceAll(".*\"directive_id\":\"([^\"]+)\".*", "$1")).sorted().toList();
        assertThat(feed).as(outcome.protectionFeed().toString()).isNotEmpty().isEqualTo(logged);
    }
}
