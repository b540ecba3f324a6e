package mrs.sql;

import java.util.Map;
import mrs.ddl.ViewSet;

/**
 * The MRS views in Flink SQL, registered in every {@link SqlRunner} session. Their one source is the
 * versioned Flink SQL view files of {@code iceberg-ddl} ({@link ViewSet#FLINK}; the same views in Trino SQL
 * are {@link ViewSet#TRINO}): the current row per key of the logs, per-report and per-event audit trails,
 * the override register, the SLIs (freshness, coverage, error rate), the status distribution and stale
 * cohorts. Iceberg's Flink catalog keeps no views, so they are session (temporary) views.
 */
public final class Views {
    private Views() {}

    /** View name to its query, in registration order (later views may use earlier ones). */
    public static Map<String, String> all() {
        return ViewSet.flink().queries();
    }
}
