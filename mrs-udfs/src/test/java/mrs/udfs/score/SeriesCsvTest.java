package mrs.udfs.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesCsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025-06-02T09:00:00Z                       | 2025-06-02T09:00:00Z",
        "2025-06-02T09:00:00.250Z                   | 2025-06-02T09:00:00.250Z",
        "2025-06-02T09:00:00+01:00                  | 2025-06-02T08:00:00Z",
        "2025-06-02T09:00+0100                      | 2025-06-02T08:00:00Z",
        "2025-06-02T09:00:00+01:00[Europe/London]   | 2025-06-02T08:00:00Z",
        "2025-06-02 09:00:00                        | 2025-06-02T09:00:00Z",
        "2025-06-02 09:00                           | 2025-06-02T09:00:00Z",
        "2025-06-02T09:00:00                        | 2025-06-02T09:00:00Z",
        "2025-06-02                                 | 2025-06-02T00:00:00Z",
        "1748854800                                 | 2025-06-02T09:00:00Z",
        "1748854800000                              | 2025-06-02T09:00:00Z"})
    void acceptedTimestampFormsParseToTheRightInstant(String text, String instant) {
        assertThat(Instant.ofEpochMilli(SeriesCsv.parseTimestamp(text))).isEqualTo(Instant.parse(instant));
    }

    @Test
    void unknownTimestampFormIsRejected() {
        assertThatThrownBy(() -> SeriesCsv.parseTimestamp("02/06/2025 09:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad timestamp");
    }

    @Test
    void wallClockKeepsTheWrittenLocalTime() throws Exception {
        SeriesCsv.Series s = SeriesCsv.read(new StringReader(
                "2025-10-26T00:30:00+01:00,1\n2025-10-26T01:30:00+01:00,2\n2025-10-26T01:30:00Z,3\n"), "dst.csv");

        // instants an hour apart; the shop's clock shows 01:30 twice
        assertThat(s.timestamps()[2] - s.timestamps()[1]).isEqualTo(3_600_000L);
        assertThat(s.wallClock()[1]).isEqualTo(s.wallClock()[2]);
        assertThat(s.wallClock()[0]).isEqualTo(Instant.parse("2025-10-26T00:30:00Z").toEpochMilli());
    }

    @Test
    void headerBomQuotesBlankLinesAndCrlfAreTolerated() throws Exception {
        SeriesCsv.Series s = SeriesCsv.read(new StringReader(
                "\uFEFF\"time\",\"units\"\r\n\r\n\"2025-06-02 09:00:00\", 4 \r\n2025-06-02 10:00:00,-1.5e1\r\n"), "x.csv");

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.rawTimestamps()).containsExactly("2025-06-02 09:00:00", "2025-06-02 10:00:00");
        assertThat(s.rawValues()).containsExactly("4", "-1.5e1");
        assertThat(s.values()).containsExactly(4.0, -15.0);
    }

    @Test
    void aFirstRowWithOneGoodFieldIsDataWithAnError() {
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader("2025-06-02T09:00:00Z,n/a\n"), "x.csv"))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessage("x.csv:1: non-numeric value 'n/a'")
                .extracting(e -> ((SeriesFormatException) e).line())
                .isEqualTo(1);
    }

    @Test
    void writeEchoesInputAndFormatsScoresWithSixDecimals() throws Exception {
        SeriesCsv.Series s = SeriesCsv.read(new StringReader("2025-06-02,007\n2025-06-03,8.50\n"), "d.csv");
        StringWriter out = new StringWriter();

        SeriesCsv.write(out, s, new double[] {0.0, 0.98765432});

        assertThat(out.toString()).isEqualTo(
                "timestamp,value,anomaly_score\n2025-06-02,007,0.000000\n2025-06-03,8.50,0.987654\n");
    }
}
