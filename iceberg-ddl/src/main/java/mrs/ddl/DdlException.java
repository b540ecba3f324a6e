package mrs.ddl;

/**
 * A DDL file that cannot be read or parsed, or a catalog whose tables contradict the DDL. The
 * message always names the file (and, for parse errors, the line and column) that is at fault.
 */
public final class DdlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DdlException(String message) {
        super(message);
    }

    public DdlException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A parse or validation error at a position in a DDL file: {@code file:line:column: message}. */
    static DdlException at(SourcePosition pos, String message) {
        return new DdlException(pos + ": " + message);
    }

    static DdlException at(SourcePosition pos, String message, Throwable cause) {
        return new DdlException(pos + ": " + message, cause);
    }
}
