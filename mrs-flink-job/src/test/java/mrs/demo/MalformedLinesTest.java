package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedLinesTest {
    private static final EstateSpec SPEC = EstateSpec.defaults().withStores(12).withDays(4);

    @TempDir Path dir;

    @Test
    void exactlyTheRequestedNumberOfBadRecordsIsMixedIn() throws Exception {
        EstateGenerator estate = new EstateGenerator(SPEC.withMalformedLines(7));
        long written = estate.writeJsonLines(dir.resolve("stores.jsonl"), dir.resolve("sales.jsonl"));
        List<String> lines = Files.readAllLines(dir.resolve("sales.jsonl"));
        List<String> bad = lines.stream().filter(l -> SalesContract.violation(l).isPresent()).toList();
        long good = new EstateGenerator(SPEC).sales().count();

        assertThat(estate.malformedLines()).hasSize(7);
        assertThat(bad).containsExactlyElementsOf(estate.malformedLines());
        assertThat(written).isEqualTo(lines.size()).isEqualTo(good + 7);
    }

    @Test
    void everyKindOfBreakageAppears() {
        List<String> bad = new EstateGenerator(SPEC.withMalformedLines(5)).malformedLines();

        assertThat(bad).extracting(l -> SalesContract.violation(l).orElse("valid")).containsExactly(
                "invalid JSON", "missing store_id", "unparseable event_time", "units not an int", "absurd units");
    }

    @Test
    void noneByDefault() throws Exception {
        EstateGenerator estate = new EstateGenerator(SPEC);
        estate.writeJsonLines(dir.resolve("stores.jsonl"), dir.resolve("sales.jsonl"));

        assertThat(estate.malformedLines()).isEmpty();
        try (var lines = Files.lines(dir.resolve("sales.jsonl"))) {
            assertThat(lines.filter(l -> SalesContract.violation(l).isPresent())).isEmpty();
        }
    }

    @Test
    void badRecordsAreSpreadOutAndKeepEventTimeOrderWhereATimeIsReadable() {
        List<String> records = new ArrayList<>();
        EstateGenerator estate = new EstateGenerator(SPEC.withMalformedLines(5));
        estate.forEachSalesRecord(records::add);
        List<Integer> positions = estate.malformedLines().stream().map(records::indexOf).toList();

        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(p -> p > 0 && p < records.size() - 1);
        assertThat(positions.get(positions.size() - 1) - positions.get(0)).isGreaterThan(records.size() / 2);
        OffsetDateTime previous = null;
        for (String record : records) {
            Optional<OffsetDateTime> time = readableTime(record);
            if (time.isPresent()) {
                if (previous != null) {
                    assertThat(time.get()).isAfterOrEqualTo(previous);
                }
                previous = time.get();
            }
        }
    }

    @Test
    void badRecordsAreTheSameForTheSameSpec() {
        assertThat(new EstateGenerator(SPEC.withMalformedLines(5)).malformedLines())
                .isEqualTo(new EstateGenerator(SPEC.withMalformedLines(5)).malformedLines());
    }

    private static Optional<OffsetDateTime> readableTime(String record) {
        try {
            return Optional.of(OffsetDateTime.parse(SalesContract.MAPPER.readTree(record).get("event_time").asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
