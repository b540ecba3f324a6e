package mrs.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MRS views, in Flink SQL, registered in every {@link SqlRunner} session: the current row per key
 * of the logs (latest {@code written_at}, ties broken by {@code processed_at} then a stable column, so a
 * replay or a retried commit never shows a key twice), per-report and per-event audit trails (every row
 * of every log in time order) and the override register.
 */
public final class Views {
    private Views() {}

    /** View name to its query, in registration order (later views may use earlier ones). */
    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("minority_reports_current", current("minority_reports", "report_id", "proposals DESC"));
        v.put("minority_events_current", current("minority_events_log", "report_group_id", "report_count DESC"));
        v.put("detected_current", current("minority_reports_detected_log", "report_id", "revision DESC"));
        v.put("attribution_current", "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id"
                + " ORDER BY a_written_at DESC, proposal_seq DESC) AS rn FROM minority_reports_proposed_attribution_log) WHERE rn = 1");
        v.put("cohort_current", current("minority_reports_cohort_log", "report_id", "cohort_size DESC"));
        v.put("report_audit_trail", """
                SELECT report_id, written_at AS event_at, 1 AS stage_order, 'detected' AS stage,
                       CONCAT('revision ', CAST(revision AS STRING), ': ', direction, ' ', skus, ' lift ', CAST(ROUND(lift, 2) AS STRING)) AS detail,
                       CAST(NULL AS STRING) AS actor
                  FROM minority_reports_detected_log
                UNION ALL
                SELECT report_id, written_at, 2, 'clustered',
                       CONCAT(COALESCE(cluster_id, 'unclustered'), ' size ', COALESCE(CAST(cluster_size AS STRING), '-')), CAST(NULL AS STRING)
                  FROM minority_reports_clustered_log
                UNION ALL
                SELECT report_id, a_written_at, 3, 'attribution',
                       CONCAT('proposal ', CAST(proposal_seq AS STRING), ': ', cause, ' ', COALESCE(CAST(confidence AS STRING), 'NULL')),
                       CAST(NULL AS STRING)
                  FROM minority_reports_proposed_attribution_log
                UNION ALL
                SELECT report_id, written_at, 4, 'ended', CONCAT('window_end ', CAST(window_end AS STRING)), CAST(NULL AS STRING)
                  FROM minority_event_ended_log
                UNION ALL
                SELECT report_id, written_at, 5, 'cohort', CONCAT(report_group_id, ' ', event_status, ' size ', CAST(cohort_size AS STRING)),
                       CAST(NULL AS STRING)
                  FROM minority_reports_cohort_log
                UNION ALL
                SELECT target_id, issued_at, 6, 'edit', CONCAT(action, ': ', COALESCE(cause, ''), ' ', COALESCE(reason, '')), analyst
                  FROM edit_logs WHERE target_kind = 'REPORT'
                UNION ALL
                SELECT target_id, issued_at, 7, 'finalisation', CONCAT(action, ': ', reason), analyst
                  FROM minority_reports_finalisation_log WHERE target_kind = 'REPORT'""");
        v.put("event_audit_trail", """
                SELECT c.report_group_id, t.event_at, t.stage_order, t.stage, t.report_id, t.detail, t.actor
                  FROM report_audit_trail t JOIN (SELECT DISTINCT report_id, report_group_id FROM minority_reports_cohort_log) c
                    ON t.report_id = c.report_id
                UNION ALL
                SELECT report_group_id, written_at, 8, 'event', CAST(NULL AS STRING),
                       CONCAT(status, ' ', COALESCE(cause, ''), ' reports ', CAST(report_count AS STRING)), CAST(NULL AS STRING)
                  FROM minority_events_log
                UNION ALL
                SELECT target_id, issued_at, 6, 'edit', CAST(NULL AS STRING), CONCAT(action, ': ', COALESCE(cause, ''), ' ', COALESCE(reason, '')), analyst
                  FROM edit_logs WHERE target_kind = 'EVENT'
                UNION ALL
                SELECT target_id, issued_at, 7, 'finalisation', CAST(NULL AS STRING), CONCAT(action, ': ', reason), analyst
                  FROM minority_reports_finalisation_log WHERE target_kind = 'EVENT'
                UNION ALL
                SELECT report_group_id, written_at, 9, 'directive', CAST(NULL AS STRING), CONCAT(directive_type, ' ', event_status),
                       CAST(NULL AS STRING)
                  FROM model_protection_log""");
        v.put("override_register", """
                SELECT CAST(a.attributed_day AS STRING) AS period_day, a.cause, a.reports,
                       COALESCE(o.overrides, 0) AS overrides,
                       CAST(COALESCE(o.overrides, 0) AS DOUBLE) / a.reports AS override_rate
                  FROM (SELECT CAST(a_written_at AS DATE) AS attributed_day, cause, COUNT(*) AS reports
                          FROM attribution_current GROUP BY CAST(a_written_at AS DATE), cause) a
                  LEFT JOIN (SELECT CAST(ac.a_written_at AS DATE) AS attributed_day, ac.cause, COUNT(DISTINCT e.target_id) AS overrides
                               FROM edit_logs e JOIN attribution_current ac ON e.target_id = ac.report_id
                              WHERE e.action = 'edit_attribution' AND e.cause <> ac.cause
                              GROUP BY CAST(ac.a_written_at AS DATE), ac.cause) o
                    ON a.attributed_day = o.attributed_day AND a.cause = o.cause""");
        return v;
    }

    private static String current(String table, String key, String tieBreak) {
        return "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY " + key + " ORDER BY written_at DESC, "
                + tieBreak + ", processed_at DESC) AS rn FROM " + table + ") WHERE rn = 1";
    }
}
