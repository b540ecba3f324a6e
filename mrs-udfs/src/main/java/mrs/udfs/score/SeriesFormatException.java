package mrs.udfs.score;

/**
 * A series file that cannot be scored: bad timestamp, non-numeric value, wrong column count, no data,
 * timestamps going backwards. The message is one line, {@code <file>:<line>: <what is wrong>}, ready to
 * show to a user without a stack trace.
 */
public final class SeriesFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /** {@code line} is 1-based; the message gets the {@code file:line:} prefix. */
    public SeriesFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file as named to the user. */
    public String file() {
        return file;
    }

    /** 1-based line number of the offending line. */
    public int line() {
        return line;
    }
}
