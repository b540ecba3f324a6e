-- Audit trails: every row of every log about one report (or one Minority Event), in time order
-- (ORDER BY event_at, stage_order), with who acted for analyst input. Numbers in the detail text are
-- rounded decimals and times are UTC 'yyyy-MM-dd HH:mm', so Flink SQL and Trino show the same text.

CREATE VIEW report_audit_trail AS
SELECT report_id, written_at AS event_at, 1 AS stage_order, 'detected' AS stage,
       CONCAT('revision ', CAST(revision AS VARCHAR), ': ', COALESCE(direction, '-'), ' ', COALESCE(skus, '-'),
              ' lift ', COALESCE(CAST(CAST(ROUND(lift, 2) AS DECIMAL(12, 2)) AS VARCHAR), '-')) AS detail,
       CAST(NULL AS VARCHAR) AS actor
  FROM minority_reports_detected_log
UNION ALL
SELECT report_id, written_at, 2, 'clustered',
       CONCAT(COALESCE(cluster_id, 'unclustered'), ' size ', COALESCE(CAST(cluster_size AS VARCHAR), '-')),
       CAST(NULL AS VARCHAR)
  FROM minority_reports_clustered_log
UNION ALL
SELECT report_id, a_written_at, 3, 'attribution',
       CONCAT('proposal ', CAST(proposal_seq AS VARCHAR), ': ', cause, ' ',
              COALESCE(CAST(CAST(confidence AS DECIMAL(6, 3)) AS VARCHAR), 'NULL')),
       CAST(NULL AS VARCHAR)
  FROM minority_reports_proposed_attribution_log
UNION ALL
SELECT report_id, written_at, 4, 'ended', CONCAT('window_end ', format_datetime(window_end, 'yyyy-MM-dd HH:mm')),
       CAST(NULL AS VARCHAR)
  FROM minority_event_ended_log
UNION ALL
SELECT report_id, written_at, 5, 'cohort',
       CONCAT(report_group_id, ' ', event_status, ' size ', CAST(cohort_size AS VARCHAR)), CAST(NULL AS VARCHAR)
  FROM minority_reports_cohort_log
UNION ALL
SELECT target_id, issued_at, 6, 'edit', CONCAT(action, ': ', COALESCE(cause, ''), ' ', COALESCE(reason, '')), analyst
  FROM edit_logs WHERE target_kind = 'REPORT'
UNION ALL
SELECT target_id, issued_at, 7, 'finalisation', CONCAT(action, ': ', reason), analyst
  FROM minority_reports_finalisation_log WHERE target_kind = 'REPORT';

CREATE VIEW event_audit_trail AS
SELECT c.report_group_id, t.event_at, t.stage_order, t.stage, t.report_id, t.detail, t.actor
  FROM report_audit_trail t
  JOIN (SELECT DISTINCT report_id, report_group_id FROM minority_reports_cohort_log) c ON t.report_id = c.report_id
UNION ALL
SELECT report_group_id, written_at, 8, 'event', CAST(NULL AS VARCHAR),
       CONCAT(status, ' ', COALESCE(cause, ''), ' reports ', CAST(report_count AS VARCHAR)), CAST(NULL AS VARCHAR)
  FROM minority_events_log
UNION ALL
SELECT target_id, issued_at, 6, 'edit', CAST(NULL AS VARCHAR),
       CONCAT(action, ': ', COALESCE(cause, ''), ' ', COALESCE(reason, '')), analyst
  FROM edit_logs WHERE target_kind = 'EVENT'
UNION ALL
SELECT target_id, issued_at, 7, 'finalisation', CAST(NULL AS VARCHAR), CONCAT(action, ': ', reason), analyst
  FROM minority_reports_finalisation_log WHERE target_kind = 'EVENT'
UNION ALL
SELECT report_group_id, written_at, 9, 'directive', CAST(NULL AS VARCHAR), CONCAT(directive_type, ' ', event_status),
       CAST(NULL AS VARCHAR)
  FROM model_protection_log;
