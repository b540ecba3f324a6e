-- Dashboards: the distribution of the current event statuses, and stale cohorts: Minority Events still
-- OPEN or REOPENED whose cohort has had no new row for more than 6 hours of data time (measured against
-- the newest detection, not the wall clock, so a replay shows the same rows).

CREATE VIEW status_distribution AS
SELECT s.status, s.events, CAST(s.events AS DOUBLE) / t.total AS share
  FROM (SELECT status, COUNT(*) AS events FROM minority_events_current GROUP BY status) s
 CROSS JOIN (SELECT COUNT(*) AS total FROM minority_events_current) t;

CREATE VIEW stale_cohorts AS
SELECT c.report_group_id, c.event_status, c.primary_sku, c.cause, c.cohort_size, c.last_change_at, n.newest_data_at,
       TIMESTAMPDIFF(HOUR, c.last_change_at, n.newest_data_at) AS hours_without_change
  FROM (SELECT report_group_id, event_status, primary_sku, cause, cohort_size, written_at AS last_change_at
          FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY report_group_id
                          ORDER BY written_at DESC, cohort_size DESC, processed_at DESC, report_id DESC) AS rn
                  FROM minority_reports_cohort_log)
         WHERE rn = 1) c
 CROSS JOIN (SELECT MAX(written_at) AS newest_data_at FROM minority_reports_detected_log) n
 WHERE c.event_status IN ('OPEN', 'REOPENED') AND c.last_change_at < n.newest_data_at - INTERVAL '6' HOUR;
