package mrs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism and streaming behaviour, on a small estate so each run takes well under a second. */
class EstateGeneratorTest {

    private static final EstateSpec SMALL =
            EstateSpec.defaults().withStores(30).withDays(9).withMalformedLines(5);

    @TempDir Path dir;

    @Test
    void sameSpecWritesByteIdenticalFiles() throws Exception {
        long first = new EstateGenerator(SMALL).writeJsonLines(dir.resolve("a/stores.jsonl"), dir.resolve("a/sales.jsonl"));
        long second = new EstateGenerator(SMALL).writeJsonLines(dir.resolve("b/stores.jsonl"), dir.resolve("b/sales.jsonl"));

        assertThat(first).isEqualTo(second).isGreaterThan(10_000);
        assertThat(Files.mismatch(dir.resolve("a/sales.jsonl"), dir.resolve("b/sales.jsonl"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a/stores.jsonl"), dir.resolve("b/stores.jsonl"))).isEqualTo(-1L);
        assertThat(Files.lines(dir.resolve("a/sales.jsonl")).count()).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherSalesOnTheSameStores() throws Exception {
        new EstateGenerator(SMALL).writeJsonLines(dir.resolve("a/stores.jsonl"), dir.resolve("a/sales.jsonl"));
        new EstateGenerator(SMALL.withSeed(SMALL.seed() + 1))
                .writeJsonLines(dir.resolve("b/stores.jsonl"), dir.resolve("b/sales.jsonl"));

        assertThat(Files.mismatch(dir.resolve("a/sales.jsonl"), dir.resolve("b/sales.jsonl"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a/stores.jsonl"), dir.resolve("b/stores.jsonl"))).isEqualTo(-1L);
    }

    @Test
    void eventIdsAreUniqueAndLinesOfACellAreNumberedFromZero() {
        List<SaleLine> lines = new EstateGenerator(SMALL).sales().toList();

        assertThat(lines).extracting(SaleLine::eventId).doesNotHaveDuplicates();
        assertThat(lines).extracting(SaleLine::line).contains(0, 1, 2).allMatch(n -> n >= 0 && n <= 3);
    }

    @Test
    void anHourGeneratedAloneEqualsThatHourOfAFullRun() {
        EstateGenerator estate = new EstateGenerator(SMALL);
        Instant hour = OffsetDateTime.parse("2025-08-09T12:00:00+01:00").toInstant();
        List<SaleLine> fromFullRun = new ArrayList<>();
        estate.forEachSale(l -> {
            if (!l.eventTime().toInstant().isBefore(hour) && l.eventTime().toInstant().isBefore(hour.plusSeconds(3600))) {
                fromFullRun.add(l);
            }
        });

        assertThat(new EstateGenerator(SMALL).salesInHour(hour)).isNotEmpty().isEqualTo(fromFullRun);
    }

    @Test
    void iteratorStreamAndCallbackYieldTheSameLines() {
        EstateSpec tiny = SMALL.withStores(5).withDays(2);
        List<SaleLine> viaCallback = new ArrayList<>();
        new EstateGenerator(tiny).forEachSale(viaCallback::add);
        List<SaleLine> viaIterator = new ArrayList<>();
        new EstateGenerator(tiny).salesIterator().forEachRemaining(viaIterator::add);

        assertThat(viaIterator).isNotEmpty().isEqualTo(viaCallback);
        assertThat(new EstateGenerator(tiny).sales().toList()).isEqualTo(viaCallback);
    }

    @Test
    void historyLengthDoesNotChangeTheSalesOfADay() {
        Instant hour = OffsetDateTime.parse("2025-08-11T17:00:00+01:00").toInstant();

        assertThat(new EstateGenerator(SMALL.withDays(3)).salesInHour(hour))
                .isEqualTo(new EstateGenerator(SMALL.withDays(30)).salesInHour(hour));
    }

    @Test
    void hoursOutsideTheHistoryAreEmptyAndMisalignedHoursRefused() {
        EstateGenerator estate = new EstateGenerator(SMALL);

        assertThat(estate.salesInHour(SMALL.historyEnd())).isEmpty();
        assertThat(estate.salesInHour(SMALL.historyStart().minusSeconds(3600))).isEmpty();
        assertThatThrownBy(() -> estate.salesInHour(SMALL.historyStart().plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clockChangeDayHas23HoursAndKeepsLocalOffsets() {
        EstateSpec spring = EstateSpec.defaults().withStores(5).withDays(1)
                .withEndDate(LocalDate.of(2025, 3, 30)).withInjections(List.of());
        EstateGenerator estate = new EstateGenerator(spring);
        List<String> offsets = new ArrayList<>();
        estate.forEachSale(l -> offsets.add(l.eventTime().getOffset().getId()));

        assertThat(estate.hours()).isEqualTo(23);
        assertThat(offsets).contains("Z", "+01:00");
        assertThat(EstateJson.eventTime(OffsetDateTime.parse("2025-01-10T09:05:00Z")))
                .isEqualTo("2025-01-10T09:05:00+00:00");
    }
}
