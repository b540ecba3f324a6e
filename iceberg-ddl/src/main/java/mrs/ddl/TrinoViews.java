package mrs.ddl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Trino SQL views ({@link ViewSet#trino()}) in a Trino catalog through any JDBC connection to
 * Trino; with Trino's Iceberg connector they are stored as Iceberg views in the catalog (REST or JDBC),
 * next to the tables the job writes. Idempotent: each view is created with a comment holding its file
 * and a hash of its SQL ({@link #fingerprint}: Trino stores the SQL reformatted); a view whose comment
 * matches and whose columns are those its query gives now is left alone; a missing one is created; any
 * other is replaced
 * ({@code CREATE OR REPLACE VIEW}), e.g. after a new file version or when a table gained columns (Trino
 * would report a {@code SELECT *} view over it as stale). The tables must exist first
 * ({@link DdlApplier}): Trino checks a view's query when it is created.
 */
public final class TrinoViews {
    private static final Logger LOG = LoggerFactory.getLogger(TrinoViews.class);

    private TrinoViews() {}

    /** What {@link #apply} did: view names by outcome. */
    public record Result(List<String> created, List<String> replaced, List<String> upToDate) {
        public Result {
            created = List.copyOf(created);
            replaced = List.copyOf(replaced);
            upToDate = List.copyOf(upToDate);
        }

        public boolean changed() {
            return !created.isEmpty() || !replaced.isEmpty();
        }

        public String summary() {
            return "views: created " + created.size() + ", replaced " + replaced.size() + ", up to date " + upToDate.size();
        }
    }

    /**
     * Brings the views of {@code views} in {@code catalog.schema} up to date. The connection's session
     * catalog and schema are set to them, so the views' unqualified table names resolve there.
     */
    public static Result apply(Connection trino, String catalog, String schema, ViewSet views) throws SQLException {
        Objects.requireNonNull(trino, "trino");
        requireName(catalog, "catalog");
        requireName(schema, "schema");
        trino.setCatalog(catalog);
        trino.setSchema(schema);
        Map<String, String> existing = new HashMap<>(); // view name -> its comment (the MRS fingerprint)
        try (PreparedStatement ps = trino.prepareStatement(
                "SELECT table_name FROM " + catalog + ".information_schema.views WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(1), "");
                }
            }
        }
        try (PreparedStatement ps = trino.prepareStatement("SELECT table_name, comment FROM system.metadata.table_comments"
                + " WHERE catalog_name = ? AND schema_name = ?")) {
            ps.setString(1, catalog);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (existing.containsKey(rs.getString(1))) {
                        existing.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                    }
                }
            }
        }
        List<String> created = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        for (ViewSet.View v : views.views()) {
            String qualified = catalog + "." + schema + "." + v.name();
            String comment = fingerprint(v);
            String stored = existing.get(v.name());
            String create = " VIEW " + qualified + " COMMENT '" + comment.replace("'", "''") + "' AS " + v.query();
            if (stored == null) {
                execute(trino, "CREATE" + create, v);
                created.add(v.name());
            } else {
                // Trino keeps a view's SQL reformatted, so the file's text is recognised by the fingerprint
                // in the view's comment
                String why = !stored.equals(comment)
                        ? "its comment '" + stored + "' is not the fingerprint of " + v.file() + " ('" + comment + "')"
                        : staleness(trino, qualified, v);
                if (why == null) {
                    upToDate.add(v.name());
                } else {
                    LOG.info("Replacing Trino view {}: {}", qualified, why);
                    execute(trino, "CREATE OR REPLACE" + create, v);
                    replaced.add(v.name());
                }
            }
        }
        return new Result(created, replaced, upToDate);
    }

    /** Null when the stored view has the columns its query gives now, else why not (a view over a grown table is stale). */
    private static String staleness(Connection trino, String qualified, ViewSet.View v) {
        try {
            List<String> stored = columns(trino, "SELECT * FROM " + qualified + " LIMIT 0");
            List<String> now = columns(trino, "SELECT * FROM (" + v.query() + ") LIMIT 0");
            return stored.equals(now) ? null : "its columns " + stored + " are not those of its query now " + now;
        } catch (SQLException e) {
            return "it cannot be read: " + e.getMessage(); // stale or broken: replace it
        }
    }

    private static List<String> columns(Connection trino, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                // Trino stores a view's varchar columns unbounded: varchar(12) of a query is varchar in its view
                out.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i).replaceAll("varchar\\(\\d+\\)", "varchar"));
            }
        }
        return out;
    }

    private static void execute(Connection trino, String sql, ViewSet.View v) throws SQLException {
        try (Statement s = trino.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("view " + v.name() + " (" + v.file() + ":" + v.line() + ") failed in Trino: "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    /**
     * The comment a view is created with: its file and a hash of its whitespace-normalised query, e.g.
     * {@code MRS view from V101__current_rows.sql, sql sha256 0123456789abcdef}.
     */
    static String fingerprint(ViewSet.View v) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalise(v.query()).getBytes(StandardCharsets.UTF_8));
            return "MRS view from " + v.file() + ", sql sha256 " + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whitespace-insensitive form of a query, to compare with what Trino stored. */
    static String normalise(String sql) {
        String s = sql.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static void requireName(String name, String what) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(what + " must be a lower-case identifier, got '" + name + "'");
        }
    }
}
