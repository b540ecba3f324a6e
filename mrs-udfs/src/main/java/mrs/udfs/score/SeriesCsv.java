package mrs.udfs.score;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and writes the offline scorer's CSV files. Input: {@code timestamp,value} per line, an optional
 * header line, blank lines ignored. Timestamps: ISO-8601 with or without offset ({@code
 * 2025-08-12T09:00:00+01:00}, {@code 2025-08-12T09:00Z}, {@code 2025-08-12T09:00:00}), the same with a
 * space instead of {@code T} ({@code 2025-08-12 09:00:00}), a bare date ({@code 2025-08-12}) or epoch
 * seconds/milliseconds; a timestamp without offset is read as UTC. Timestamps must strictly increase.
 * Values: plain decimal numbers. Anything else is a {@link SeriesFormatException} naming the line.
 *
 * <p>Output: {@code timestamp,value,anomaly_score}, the timestamp and value echoed exactly as read.
 */
public final class SeriesCsv {

    /**
     * A parsed series: raw text kept for echoing, parsed numbers for scoring. {@code timestamps} are
     * instants (epoch millis, strictly increasing); {@code wallClock} are the same moments on the local
     * clock of the offset written in the file (epoch millis of the local date-time read as UTC; equal to
     * the instant when no offset is given), which is what shop hours follow across daylight saving.
     */
    public record Series(
            String name,
            String[] rawTimestamps,
            String[] rawValues,
            long[] timestamps,
            long[] wallClock,
            double[] values) {

        /** Number of observations. */
        public int size() {
            return timestamps.length;
        }
    }

    /** The output header. */
    public static final String OUTPUT_HEADER = "timestamp,value,anomaly_score";

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,19}");
    /** Epoch numbers below this are seconds, above milliseconds (1e11 s is in the year 5138). */
    private static final long EPOCH_SECONDS_LIMIT = 100_000_000_000L;

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart()
            .appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private SeriesCsv() {}

    /** Reads {@code file}; {@code displayName} is what error messages call it. */
    public static Series read(Path file, String displayName) throws IOException, SeriesFormatException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, displayName);
        }
    }

    /** Reads a series from {@code reader}; {@code name} is what error messages call it. */
    public static Series read(Reader reader, String name) throws IOException, SeriesFormatException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        List<String> rawTs = new ArrayList<>();
        List<String> rawVal = new ArrayList<>();
        long[] ts = new long[1024];
        long[] wall = new long[1024];
        double[] vals = new double[1024];
        int n = 0;
        int lineNo = 0;
        int lastDataLine = 0;
        boolean sawFirstLine = false;
        int headerLine = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte order mark some spreadsheet tools write
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 2) {
                throw new SeriesFormatException(name, lineNo,
                        "expected 2 columns (timestamp,value), found " + fields.length);
            }
            String tsText = unquote(fields[0].trim());
            String valText = unquote(fields[1].trim());
            if (!sawFirstLine) {
                sawFirstLine = true;
                boolean tsOk = tryParse(tsText) != null;
                boolean valOk = NUMBER.matcher(valText).matches();
                if (!tsOk && !valOk) {
                    headerLine = lineNo; // a header such as "timestamp,value"
                    continue;
                }
            }
            ParsedTime parsed = tryParse(tsText);
            if (parsed == null) {
                throw new SeriesFormatException(name, lineNo, "bad timestamp '" + tsText
                        + "' (expected ISO-8601 such as 2025-08-12T09:00:00+01:00 or yyyy-MM-dd HH:mm:ss)");
            }
            if (!NUMBER.matcher(valText).matches()) {
                throw new SeriesFormatException(name, lineNo, "non-numeric value '" + valText + "'");
            }
            double v = Double.parseDouble(valText);
            if (!Double.isFinite(v)) {
                throw new SeriesFormatException(name, lineNo, "value out of range '" + valText + "'");
            }
            long t = parsed.millis();
            if (n > 0 && t <= ts[n - 1]) {
                throw new SeriesFormatException(name, lineNo, "timestamp '" + tsText
                        + "' is not after the previous row's '" + rawTs.get(n - 1) + "' (line " + lastDataLine
                        + "); rows must be in strictly increasing time order");
            }
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                wall = Arrays.copyOf(wall, n * 2);
                vals = Arrays.copyOf(vals, n * 2);
            }
            ts[n] = t;
            wall[n] = t + parsed.offsetSeconds() * 1000L;
            vals[n] = v;
            rawTs.add(tsText);
            rawVal.add(valText);
            n++;
            lastDataLine = lineNo;
        }
        if (n == 0) {
            throw new SeriesFormatException(name, Math.max(1, headerLine + 1),
                    headerLine > 0 ? "no data rows after the header" : "empty file: no data rows");
        }
        return new Series(name, rawTs.toArray(new String[0]), rawVal.toArray(new String[0]),
                Arrays.copyOf(ts, n), Arrays.copyOf(wall, n), Arrays.copyOf(vals, n));
    }

    /** Writes {@code series} with {@code scores} (same length) as {@code timestamp,value,anomaly_score}. */
    public static void write(Writer out, Series series, double[] scores) throws IOException {
        if (scores.length != series.size()) {
            throw new IllegalArgumentException(
                    "scores has " + scores.length + " entries for " + series.size() + " rows");
        }
        BufferedWriter w = out instanceof BufferedWriter ? (BufferedWriter) out : new BufferedWriter(out);
        w.write(OUTPUT_HEADER);
        w.write('\n');
        for (int i = 0; i < scores.length; i++) {
            w.write(series.rawTimestamps()[i]);
            w.write(',');
            w.write(series.rawValues()[i]);
            w.write(',');
            w.write(formatScore(scores[i]));
            w.write('\n');
        }
        w.flush();
    }

    /** Six decimals, always with a dot: enough to keep large anomalies ranked, stable across locales. */
    static String formatScore(double score) {
        return String.format(Locale.ROOT, "%.6f", score);
    }

    /**
     * Parses a timestamp in any accepted form to epoch milliseconds.
     *
     * @throws IllegalArgumentException if it is in none of them
     */
    public static long parseTimestamp(String text) {
        ParsedTime t = tryParse(text.trim());
        if (t == null) {
            throw new IllegalArgumentException("bad timestamp '" + text + "'");
        }
        return t.millis();
    }

    /** A parsed timestamp: the instant and the UTC offset it was written with (0 if none). */
    private record ParsedTime(long millis, int offsetSeconds) {}

    private static ParsedTime tryParse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (EPOCH.matcher(text).matches()) {
            try {
                long v = Long.parseLong(text);
                return new ParsedTime(Math.abs(v) < EPOCH_SECONDS_LIMIT ? Math.multiplyExact(v, 1000L) : v, 0);
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        String iso = text;
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(
                    iso, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime) {
                ZonedDateTime z = (ZonedDateTime) parsed;
                return new ParsedTime(z.toInstant().toEpochMilli(), z.getOffset().getTotalSeconds());
            }
            if (parsed instanceof OffsetDateTime) {
                OffsetDateTime o = (OffsetDateTime) parsed;
                return new ParsedTime(o.toInstant().toEpochMilli(), o.getOffset().getTotalSeconds());
            }
            if (parsed instanceof LocalDateTime) {
                return new ParsedTime(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli(), 0);
            }
            return new ParsedTime(((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }
}
