-- Service level indicators as SQL (the job also reports them as Flink metrics).
--   sli_freshness   per log: rows, newest written_at (event time) and processed_at (wall clock), and
--                   freshness = now - max(written_at), lag = now - max(processed_at), in seconds
--   sli_coverage    per UTC day of first detection: share of detected reports that got an attribution
--                   proposal / a successful clustering within the SLA, 15 minutes of processing time
--                   after the report's first detection row
--   sli_error_rate  per UTC day of processing: share of the rows written to all logs that went to the
--                   _errors tables (refused input records)

CREATE VIEW sli_freshness AS
SELECT log_name, row_count, latest_written_at, latest_processed_at,
       date_diff('second', latest_written_at, current_timestamp) AS freshness_seconds,
       date_diff('second', latest_processed_at, current_timestamp) AS processing_lag_seconds
  FROM (
    SELECT 'minority_reports_detected_log' AS log_name, COUNT(*) AS row_count, MAX(written_at) AS latest_written_at,
           MAX(processed_at) AS latest_processed_at FROM minority_reports_detected_log
    UNION ALL SELECT 'minority_event_ended_log', COUNT(*), MAX(written_at), MAX(processed_at) FROM minority_event_ended_log
    UNION ALL SELECT 'minority_reports_clustered_log', COUNT(*), MAX(written_at), MAX(processed_at) FROM minority_reports_clustered_log
    UNION ALL SELECT 'minority_reports_proposed_attribution_log', COUNT(*), MAX(written_at), MAX(processed_at)
                FROM minority_reports_proposed_attribution_log
    UNION ALL SELECT 'minority_reports_cohort_log', COUNT(*), MAX(written_at), MAX(processed_at) FROM minority_reports_cohort_log
    UNION ALL SELECT 'minority_reports', COUNT(*), MAX(written_at), MAX(processed_at) FROM minority_reports
    UNION ALL SELECT 'minority_events_log', COUNT(*), MAX(written_at), MAX(processed_at) FROM minority_events_log
    UNION ALL SELECT 'model_protection_log', COUNT(*), MAX(written_at), MAX(processed_at) FROM model_protection_log
    UNION ALL SELECT 'edit_logs', COUNT(*), MAX(written_at), MAX(processed_at) FROM edit_logs
    UNION ALL SELECT 'minority_reports_finalisation_log', COUNT(*), MAX(written_at), MAX(processed_at)
                FROM minority_reports_finalisation_log
    UNION ALL SELECT 'analyst_actions_refused', COUNT(*), MAX(written_at), MAX(processed_at) FROM analyst_actions_refused
    UNION ALL SELECT 'sales_errors', COUNT(*), MAX(written_at), MAX(processed_at) FROM sales_errors
    UNION ALL SELECT 'stores_errors', COUNT(*), MAX(written_at), MAX(processed_at) FROM stores_errors
    UNION ALL SELECT 'signals_errors', COUNT(*), MAX(written_at), MAX(processed_at) FROM signals_errors) f;

CREATE VIEW sli_coverage AS
SELECT CAST(CAST(d.first_written_at AS DATE) AS VARCHAR) AS detected_day,
       COUNT(*) AS reports,
       SUM(CASE WHEN a.first_processed_at <= d.first_processed_at + INTERVAL '15' MINUTE THEN 1 ELSE 0 END)
         AS attributed_within_sla,
       SUM(CASE WHEN c.first_processed_at <= d.first_processed_at + INTERVAL '15' MINUTE THEN 1 ELSE 0 END)
         AS clustered_within_sla,
       CAST(SUM(CASE WHEN a.first_processed_at <= d.first_processed_at + INTERVAL '15' MINUTE THEN 1 ELSE 0 END) AS DOUBLE)
         / COUNT(*) AS attribution_coverage,
       CAST(SUM(CASE WHEN c.first_processed_at <= d.first_processed_at + INTERVAL '15' MINUTE THEN 1 ELSE 0 END) AS DOUBLE)
         / COUNT(*) AS cluster_coverage
  FROM (SELECT report_id, MIN(written_at) AS first_written_at, MIN(processed_at) AS first_processed_at
          FROM minority_reports_detected_log GROUP BY report_id) d
  LEFT JOIN (SELECT report_id, MIN(processed_at) AS first_processed_at
               FROM minority_reports_proposed_attribution_log GROUP BY report_id) a ON a.report_id = d.report_id
  LEFT JOIN (SELECT report_id, MIN(processed_at) AS first_processed_at
               FROM minority_reports_clustered_log WHERE clustered GROUP BY report_id) c ON c.report_id = d.report_id
 GROUP BY CAST(CAST(d.first_written_at AS DATE) AS VARCHAR);

CREATE VIEW sli_error_rate AS
SELECT CAST(processed_day AS VARCHAR) AS processed_day,
       SUM(CASE WHEN log_name = 'sales_errors' THEN 1 ELSE 0 END) AS sales_errors,
       SUM(CASE WHEN log_name = 'stores_errors' THEN 1 ELSE 0 END) AS stores_errors,
       SUM(CASE WHEN log_name = 'signals_errors' THEN 1 ELSE 0 END) AS signals_errors,
       SUM(is_error) AS error_rows,
       COUNT(*) AS all_rows,
       CAST(SUM(is_error) AS DOUBLE) / COUNT(*) AS error_rate
  FROM (
    SELECT 'sales_errors' AS log_name, 1 AS is_error, CAST(processed_at AS DATE) AS processed_day FROM sales_errors
    UNION ALL SELECT 'stores_errors', 1, CAST(processed_at AS DATE) FROM stores_errors
    UNION ALL SELECT 'signals_errors', 1, CAST(processed_at AS DATE) FROM signals_errors
    UNION ALL SELECT 'minority_reports_detected_log', 0, CAST(processed_at AS DATE) FROM minority_reports_detected_log
    UNION ALL SELECT 'minority_event_ended_log', 0, CAST(processed_at AS DATE) FROM minority_event_ended_log
    UNION ALL SELECT 'minority_reports_clustered_log', 0, CAST(processed_at AS DATE) FROM minority_reports_clustered_log
    UNION ALL SELECT 'minority_reports_proposed_attribution_log', 0, CAST(processed_at AS DATE)
                FROM minority_reports_proposed_attribution_log
    UNION ALL SELECT 'minority_reports_cohort_log', 0, CAST(processed_at AS DATE) FROM minority_reports_cohort_log
    UNION ALL SELECT 'minority_reports', 0, CAST(processed_at AS DATE) FROM minority_reports
    UNION ALL SELECT 'minority_events_log', 0, CAST(processed_at AS DATE) FROM minority_events_log
    UNION ALL SELECT 'model_protection_log', 0, CAST(processed_at AS DATE) FROM model_protection_log
    UNION ALL SELECT 'edit_logs', 0, CAST(processed_at AS DATE) FROM edit_logs
    UNION ALL SELECT 'minority_reports_finalisation_log', 0, CAST(processed_at AS DATE) FROM minority_reports_finalisation_log
    UNION ALL SELECT 'analyst_actions_refused', 0, CAST(processed_at AS DATE) FROM analyst_actions_refused) r
 GROUP BY CAST(processed_day AS VARCHAR);
