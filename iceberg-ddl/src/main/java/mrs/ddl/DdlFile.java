package mrs.ddl;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned DDL file: {@code V<number>__<description>.sql} (e.g. {@code V001__sales_errors.sql})
 * and its text. Files apply in ascending version order; a version is never reused or edited once
 * released — a change to a released table is a new file with {@code ALTER TABLE}.
 */
public record DdlFile(String name, String text) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");

    public DdlFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (!FILE_NAME.matcher(name).matches()) {
            throw new DdlException("DDL file name '" + name
                    + "' must look like V<number>__<lower_snake_description>.sql, e.g. V001__sales_errors.sql");
        }
    }

    /** The number after {@code V}. */
    public int version() {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException(name);
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new DdlException("DDL file name '" + name + "' has a version that is too large");
        }
    }
}
