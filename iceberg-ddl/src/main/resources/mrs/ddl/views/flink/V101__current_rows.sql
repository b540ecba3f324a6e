-- The current row per key of the logs: latest written_at, ties broken deterministically (then by
-- processed_at and a stable column), so a replay or a retried commit never shows a key twice.

CREATE VIEW minority_reports_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id
           ORDER BY written_at DESC, proposals DESC NULLS LAST, revision DESC NULLS LAST, processed_at DESC) AS rn
    FROM minority_reports)
 WHERE rn = 1;

CREATE VIEW minority_events_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_group_id
           ORDER BY written_at DESC, report_count DESC, processed_at DESC) AS rn
    FROM minority_events_log)
 WHERE rn = 1;

CREATE VIEW detected_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY written_at DESC, revision DESC, processed_at DESC) AS rn
    FROM minority_reports_detected_log)
 WHERE rn = 1;

CREATE VIEW clustered_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY written_at DESC, revision DESC, processed_at DESC) AS rn
    FROM minority_reports_clustered_log)
 WHERE rn = 1;

CREATE VIEW attribution_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY a_written_at DESC, proposal_seq DESC, processed_at DESC) AS rn
    FROM minority_reports_proposed_attribution_log)
 WHERE rn = 1;

CREATE VIEW ended_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY written_at DESC, processed_at DESC) AS rn
    FROM minority_event_ended_log)
 WHERE rn = 1;

CREATE VIEW cohort_current AS
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY report_id
           ORDER BY written_at DESC, cohort_size DESC, processed_at DESC) AS rn
    FROM minority_reports_cohort_log)
 WHERE rn = 1;
