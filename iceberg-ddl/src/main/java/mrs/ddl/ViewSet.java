package mrs.ddl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MRS views of one SQL dialect: versioned files ({@code V<number>__<description>.sql}, listed in
 * order by the directory's {@code index.txt}) of {@code CREATE VIEW name AS <query>;} statements. The
 * set exists twice, in {@value #FLINK} (Flink SQL: {@code mrs sql} registers the views in every session,
 * as Iceberg's Flink catalog keeps no views) and in {@value #TRINO} (Trino SQL: {@link TrinoViews} creates
 * them in the Iceberg catalog through Trino). Both hold the same files and views, in the same order; a
 * view may use the views before it.
 *
 * <p>Names are lower-case snake_case and unqualified (they resolve in the MRS namespace); comments run
 * from {@code --} to the end of the line. Errors name the file and line.
 */
public final class ViewSet {
    /** Classpath directory of the Flink SQL views. */
    public static final String FLINK = "mrs/ddl/views/flink";
    /** Classpath directory of the Trino SQL views. */
    public static final String TRINO = "mrs/ddl/views/trino";

    private static final Pattern CREATE_VIEW =
            Pattern.compile("(?is)CREATE\\s+VIEW\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+AS\\s+(.+)");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** One view: its name, query (without the trailing {@code ;}) and the file that defines it. */
    public record View(String name, String query, String file, int line) {}

    private final String directory;
    private final List<DdlFile> files;
    private final List<View> views;

    private ViewSet(String directory, List<DdlFile> files) {
        this.directory = directory;
        this.files = List.copyOf(files);
        Map<String, View> byName = new LinkedHashMap<>();
        DdlFile previous = null;
        for (DdlFile file : files) {
            if (previous != null && file.version() <= previous.version()) {
                throw new DdlException("view file " + file.name() + " comes after " + previous.name()
                        + " but its version is not higher: versions must ascend in the index");
            }
            previous = file;
            for (View v : parse(file)) {
                View earlier = byName.putIfAbsent(v.name(), v);
                if (earlier != null) {
                    throw new DdlException(v.file() + ":" + v.line() + ": view '" + v.name() + "' is already defined at "
                            + earlier.file() + ":" + earlier.line());
                }
            }
        }
        this.views = List.copyOf(byName.values());
    }

    /** The Flink SQL views bundled in this module. */
    public static ViewSet flink() {
        return fromClasspath(FLINK);
    }

    /** The Trino SQL views bundled in this module. */
    public static ViewSet trino() {
        return fromClasspath(TRINO);
    }

    /** The views listed by {@code <directory>/index.txt} on the classpath. */
    public static ViewSet fromClasspath(String directory) {
        ClassLoader loader = ViewSet.class.getClassLoader();
        String indexName = directory + "/" + DdlApplier.INDEX_FILE;
        String index = DdlApplier.readResource(loader, indexName);
        if (index == null) {
            throw new DdlException("no view index on the classpath at " + indexName);
        }
        List<DdlFile> files = new ArrayList<>();
        for (String name : DdlApplier.indexEntries(index, "classpath:" + indexName)) {
            String text = DdlApplier.readResource(loader, directory + "/" + name);
            if (text == null) {
                throw new DdlException("classpath:" + indexName + " lists " + name + " but it does not exist");
            }
            files.add(new DdlFile(name, text));
        }
        return new ViewSet(directory, files);
    }

    /** Views from the given files (in ascending version order). */
    public static ViewSet of(String directory, List<DdlFile> files) {
        return new ViewSet(directory, files);
    }

    public String directory() {
        return directory;
    }

    public List<DdlFile> files() {
        return files;
    }

    /** Every view, in definition order. */
    public List<View> views() {
        return views;
    }

    /** View names, in definition order. */
    public List<String> names() {
        return views.stream().map(View::name).toList();
    }

    /** View name to query, in definition order. */
    public Map<String, String> queries() {
        Map<String, String> out = new LinkedHashMap<>();
        views.forEach(v -> out.put(v.name(), v.query()));
        return Collections.unmodifiableMap(out);
    }

    /** One view by name. */
    public View view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no view '" + name + "' in " + directory + "; known: " + names()));
    }

    // ------------------------------------------------------------------------------- parsing

    static List<View> parse(DdlFile file) {
        List<View> out = new ArrayList<>();
        for (Statement s : statements(file.name(), file.text())) {
            Matcher m = CREATE_VIEW.matcher(s.text);
            if (!m.matches()) {
                throw new DdlException(file.name() + ":" + s.line + ": expected CREATE VIEW name AS <query>; but found '"
                        + abbreviate(s.text) + "'");
            }
            String name = m.group(1);
            if (!NAME.matcher(name).matches()) {
                throw new DdlException(file.name() + ":" + s.line + ": view name '" + name
                        + "' must be lower-case snake_case");
            }
            out.add(new View(name, m.group(2).strip(), file.name(), s.line));
        }
        if (out.isEmpty()) {
            throw new DdlException(file.name() + ":1: the file holds no view");
        }
        return out;
    }

    private record Statement(String text, int line) {}

    /** Splits on {@code ;} outside quotes; drops {@code --} comments; keeps the start line of each statement. */
    private static List<Statement> statements(String file, String text) {
        List<Statement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                i--; // the newline is handled next
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int start = i;
                int startAt = line;
                current.append(c);
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    current.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw new DdlException(file + ":" + startAt + ": unterminated quote " + c + " (from offset " + start + ")");
                }
                current.append(c);
                if (startLine < 0) {
                    startLine = startAt;
                }
                continue;
            }
            if (c == ';') {
                if (!current.toString().isBlank()) {
                    out.add(new Statement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            throw new DdlException(file + ":" + startLine + ": statement does not end with ';'");
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 60) + "..." : one;
    }
}
