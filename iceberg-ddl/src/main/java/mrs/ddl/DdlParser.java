package mrs.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * A small, strict parser for the Spark-style Iceberg DDL subset MRS uses:
 *
 * <pre>
 * CREATE TABLE [IF NOT EXISTS] name (
 *     col TYPE [NOT NULL] [COMMENT '...'], ...
 * ) [USING iceberg] [PARTITIONED BY (col | identity(col) | years|months|days|hours(col)
 *                                     | bucket(n, col) | truncate(w, col), ...)]
 *   [COMMENT '...'] [TBLPROPERTIES ('k' = 'v', ...)];
 * ALTER TABLE name ADD COLUMN[S] [IF NOT EXISTS] col TYPE [COMMENT '...'];
 * ALTER TABLE name ADD COLUMNS [IF NOT EXISTS] (col TYPE [COMMENT '...'], ...);
 * ALTER TABLE name SET TBLPROPERTIES ('k' = 'v', ...);
 * </pre>
 *
 * Types: STRING, INT (INTEGER), BIGINT (LONG), FLOAT, DOUBLE, BOOLEAN, DATE, BINARY,
 * DECIMAL(p, s), TIMESTAMP (= TIMESTAMP_LTZ, Iceberg {@code timestamptz}) and TIMESTAMP_NTZ.
 * Keywords are case-insensitive; names must be lower-case snake_case (Iceberg names are
 * case-sensitive while Trino and Flink SQL fold or quote them, so mixed case only causes pain).
 * Every statement ends with {@code ;}. Comments run from {@code --} to the end of the line, or
 * are C-style block comments.
 * Every error names the file, line and column.
 */
final class DdlParser {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> TIME_TRANSFORMS = Set.of("years", "months", "days", "hours");

    private final String file;
    private final List<Token> tokens;
    private int next;

    private DdlParser(String file, String text) {
        this.file = file;
        this.tokens = new Lexer(file, text).tokens();
    }

    /** Parses every statement of one DDL file. */
    static List<DdlStatement> parse(String file, String text) {
        return new DdlParser(file, text).statements();
    }

    private List<DdlStatement> statements() {
        List<DdlStatement> out = new ArrayList<>();
        while (peek().kind != Kind.EOF) {
            if (peek().isSymbol(";")) { // tolerate empty statements
                advance();
                continue;
            }
            out.add(statement());
            Token end = peek();
            if (!end.isSymbol(";")) {
                throw error(end, "expected ';' to end the statement but found " + end.describe());
            }
            advance();
        }
        if (out.isEmpty()) {
            throw DdlException.at(new SourcePosition(file, 1, 1), "the file holds no statement");
        }
        return out;
    }

    private DdlStatement statement() {
        Token first = peek();
        if (first.isKeyword("CREATE")) {
            return createTable();
        }
        if (first.isKeyword("ALTER")) {
            return alterTable();
        }
        throw error(first, "expected CREATE TABLE or ALTER TABLE but found " + first.describe());
    }

    private DdlStatement createTable() {
        SourcePosition pos = advance().position;
        expectKeyword("TABLE");
        if (peek().isKeyword("IF")) {
            advance();
            expectKeyword("NOT");
            expectKeyword("EXISTS");
        }
        String table = name("table name");
        expectSymbol("(");
        List<DdlStatement.Column> columns = new ArrayList<>();
        do {
            columns.add(column(true));
        } while (acceptSymbol(","));
        expectSymbol(")");

        List<DdlStatement.PartitionField> partitioning = List.of();
        String comment = null;
        Map<String, String> properties = Map.of();
        Set<String> seen = new java.util.HashSet<>();
        while (peek().kind == Kind.WORD) {
            Token clause = peek();
            String key = clause.upper();
            if (!Set.of("USING", "PARTITIONED", "COMMENT", "TBLPROPERTIES").contains(key)) {
                break;
            }
            if (!seen.add(key)) {
                throw error(clause, "clause " + key + " appears twice");
            }
            advance();
            switch (key) {
                case "USING" -> {
                    Token format = advance();
                    if (!format.isKeyword("ICEBERG")) {
                        throw error(format, "only USING iceberg is supported, found " + format.describe());
                    }
                }
                case "PARTITIONED" -> {
                    expectKeyword("BY");
                    partitioning = partitioning();
                }
                case "COMMENT" -> comment = string("table comment");
                default -> properties = properties();
            }
        }
        return new DdlStatement.CreateTable(pos, table, columns, partitioning, comment, properties);
    }

    private DdlStatement alterTable() {
        SourcePosition pos = advance().position;
        expectKeyword("TABLE");
        String table = name("table name");
        Token action = advance();
        if (action.isKeyword("ADD")) {
            Token kind = advance();
            if (!kind.isKeyword("COLUMN") && !kind.isKeyword("COLUMNS")) {
                throw error(kind, "expected COLUMN or COLUMNS after ADD but found " + kind.describe());
            }
            boolean ifNotExists = false;
            if (peek().isKeyword("IF")) {
                advance();
                expectKeyword("NOT");
                expectKeyword("EXISTS");
                ifNotExists = true;
            }
            List<DdlStatement.Column> columns = new ArrayList<>();
            if (acceptSymbol("(")) {
                do {
                    columns.add(column(false));
                } while (acceptSymbol(","));
                expectSymbol(")");
            } else {
                columns.add(column(false));
            }
            return new DdlStatement.AddColumns(pos, table, ifNotExists, columns);
        }
        if (action.isKeyword("SET")) {
            expectKeyword("TBLPROPERTIES");
            return new DdlStatement.SetProperties(pos, table, properties());
        }
        throw error(action, "expected ADD COLUMN or SET TBLPROPERTIES but found " + action.describe());
    }

    private DdlStatement.Column column(boolean mayBeRequired) {
        Token start = peek();
        String name = name("column name");
        Type type = type();
        boolean required = false;
        String comment = null;
        while (true) {
            Token t = peek();
            if (t.isKeyword("NOT")) {
                advance();
                expectKeyword("NULL");
                if (!mayBeRequired) {
                    throw error(t, "an added column cannot be NOT NULL: rows written before the "
                            + "migration have no value for it (column '" + name + "')");
                }
                if (required) {
                    throw error(t, "NOT NULL given twice for column '" + name + "'");
                }
                required = true;
            } else if (t.isKeyword("COMMENT")) {
                advance();
                if (comment != null) {
                    throw error(t, "COMMENT given twice for column '" + name + "'");
                }
                comment = string("column comment");
            } else {
                break;
            }
        }
        return new DdlStatement.Column(start.position, name, type, required, comment);
    }

    private Type type() {
        Token t = advance();
        if (t.kind != Kind.WORD) {
            throw error(t, "expected a column type but found " + t.describe());
        }
        return switch (t.upper()) {
            case "STRING" -> Types.StringType.get();
            case "INT", "INTEGER" -> Types.IntegerType.get();
            case "BIGINT", "LONG" -> Types.LongType.get();
            case "FLOAT" -> Types.FloatType.get();
            case "DOUBLE" -> Types.DoubleType.get();
            case "BOOLEAN" -> Types.BooleanType.get();
            case "DATE" -> Types.DateType.get();
            case "BINARY" -> Types.BinaryType.get();
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> Types.TimestampType.withZone();
            case "TIMESTAMP_NTZ" -> Types.TimestampType.withoutZone();
            case "DECIMAL" -> {
                expectSymbol("(");
                Token p = peek();
                int precision = number("decimal precision");
                expectSymbol(",");
                int scale = number("decimal scale");
                expectSymbol(")");
                if (precision < 1 || precision > 38 || scale > precision) {
                    throw error(p, "DECIMAL(" + precision + ", " + scale
                            + ") is invalid: need 1 <= precision <= 38 and scale <= precision");
                }
                yield Types.DecimalType.of(precision, scale);
            }
            default -> throw error(t, "unsupported column type " + t.describe() + " (supported: STRING, "
                    + "INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, DATE, BINARY, DECIMAL(p, s), TIMESTAMP, "
                    + "TIMESTAMP_NTZ)");
        };
    }

    private List<DdlStatement.PartitionField> partitioning() {
        expectSymbol("(");
        List<DdlStatement.PartitionField> fields = new ArrayList<>();
        do {
            Token start = advance();
            if (!peek().isSymbol("(")) {
                String column = checkName(start, "partition column");
                fields.add(new DdlStatement.PartitionField(start.position, "identity", 0, column));
                continue;
            }
            advance();
            if (start.kind != Kind.WORD) {
                throw error(start, "expected a partition transform but found " + start.describe());
            }
            String word = start.text.toLowerCase(Locale.ROOT);
            int argument = 0;
            if (word.equals("bucket") || word.equals("truncate")) {
                Token n = peek();
                argument = number(word + " width");
                if (argument < 1) {
                    throw error(n, word + " needs a positive number, found " + argument);
                }
                expectSymbol(",");
            } else if (!word.equals("identity") && !TIME_TRANSFORMS.contains(word)) {
                throw error(start, "unknown partition transform '" + word + "' (supported: identity, "
                        + "years, months, days, hours, bucket(n, col), truncate(w, col))");
            }
            String column = name("partition source column");
            expectSymbol(")");
            fields.add(new DdlStatement.PartitionField(start.position, word, argument, column));
        } while (acceptSymbol(","));
        expectSymbol(")");
        return fields;
    }

    private Map<String, String> properties() {
        expectSymbol("(");
        Map<String, String> props = new LinkedHashMap<>();
        do {
            Token keyToken = peek();
            String key = string("property key");
            expectSymbol("=");
            String value = string("property value");
            if (key.isBlank()) {
                throw error(keyToken, "property key is empty");
            }
            if (props.put(key, value) != null) {
                throw error(keyToken, "property '" + key + "' is set twice");
            }
        } while (acceptSymbol(","));
        expectSymbol(")");
        return props;
    }

    // ---------------------------------------------------------------- token helpers

    private String name(String what) {
        return checkName(advance(), what);
    }

    private static String checkName(Token t, String what) {
        if (t.kind != Kind.WORD && t.kind != Kind.QUOTED_NAME) {
            throw error(t, "expected " + what + " but found " + t.describe());
        }
        if (!NAME.matcher(t.text).matches()) {
            throw error(t, what + " '" + t.text + "' must be lower-case snake_case ([a-z_][a-z0-9_]*)");
        }
        return t.text;
    }

    private String string(String what) {
        Token t = advance();
        if (t.kind != Kind.STRING) {
            throw error(t, "expected " + what + " as a 'quoted string' but found " + t.describe());
        }
        return t.text;
    }

    private int number(String what) {
        Token t = advance();
        if (t.kind != Kind.NUMBER) {
            throw error(t, "expected " + what + " (a number) but found " + t.describe());
        }
        try {
            return Integer.parseInt(t.text);
        } catch (NumberFormatException e) {
            throw error(t, what + " " + t.text + " is too large");
        }
    }

    private void expectKeyword(String keyword) {
        Token t = advance();
        if (!t.isKeyword(keyword)) {
            throw error(t, "expected " + keyword + " but found " + t.describe());
        }
    }

    private void expectSymbol(String symbol) {
        Token t = advance();
        if (!t.isSymbol(symbol)) {
            throw error(t, "expected '" + symbol + "' but found " + t.describe());
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token t = tokens.get(next);
        if (t.kind != Kind.EOF) {
            next++;
        }
        return t;
    }

    private static DdlException error(Token t, String message) {
        return DdlException.at(t.position, message);
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, EOF }

    private record Token(Kind kind, String text, SourcePosition position) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        String describe() {
            return switch (kind) {
                case EOF -> "the end of the file";
                case STRING -> "string '" + text + "'";
                case QUOTED_NAME -> "`" + text + "`";
                default -> "'" + text + "'";
            };
        }
    }

    private static final class Lexer {
        private final String file;
        private final String text;
        private int pos;
        private int line = 1;
        private int lineStart;

        Lexer(String file, String text) {
            this.file = file;
            this.text = text;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipBlanksAndComments();
                SourcePosition at = here();
                if (pos >= text.length()) {
                    out.add(new Token(Kind.EOF, "", at));
                    return out;
                }
                char c = text.charAt(pos);
                if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    while (pos < text.length()
                            && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                        pos++;
                    }
                    out.add(new Token(Kind.WORD, text.substring(start, pos), at));
                } else if (Character.isDigit(c)) {
                    int start = pos;
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                    out.add(new Token(Kind.NUMBER, text.substring(start, pos), at));
                } else if (c == '\'') {
                    out.add(new Token(Kind.STRING, quoted('\'', at, "string"), at));
                } else if (c == '`') {
                    out.add(new Token(Kind.QUOTED_NAME, quoted('`', at, "quoted name"), at));
                } else if ("(),;=".indexOf(c) >= 0) {
                    pos++;
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), at));
                } else {
                    throw DdlException.at(at, "unexpected character '" + c + "'");
                }
            }
        }

        /** A quoted run; the quote character is escaped by doubling it. No newlines inside. */
        private String quoted(char quote, SourcePosition at, String what) {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length() || text.charAt(pos) == '\n') {
                    throw DdlException.at(at, "unterminated " + what + " (missing closing " + quote + ")");
                }
                char c = text.charAt(pos++);
                if (c == quote) {
                    if (pos < text.length() && text.charAt(pos) == quote) {
                        sb.append(quote);
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void skipBlanksAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    pos++;
                    line++;
                    lineStart = pos;
                } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                    pos++;
                } else if (text.startsWith("--", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (text.startsWith("/*", pos)) {
                    SourcePosition at = here();
                    int end = text.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw DdlException.at(at, "unterminated /* comment");
                    }
                    while (pos < end + 2) {
                        if (text.charAt(pos++) == '\n') {
                            line++;
                            lineStart = pos;
                        }
                    }
                } else {
                    return;
                }
            }
        }

        private SourcePosition here() {
            return new SourcePosition(file, line, pos - lineStart + 1);
        }
    }
}
