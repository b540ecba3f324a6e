-- Trino SQL of ../V008__minority_reports_cohort_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_reports_cohort_log (
    report_id         varchar                     NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    report_group_id   varchar                     NOT NULL COMMENT 'Minority Event id: ME- + 12 hex, derived from the founding report',
    store_id          varchar                              COMMENT 'Store of the report',
    primary_sku       varchar                              COMMENT 'SKU the event is about',
    cohort_size       integer                     NOT NULL COMMENT 'Reports in the event',
    cohort_stores     integer                              COMMENT 'Distinct stores in the event',
    cohort_confidence double                               COMMENT 'Mean latest confidence of the event''s reports (NULL if none known)',
    cause             varchar                              COMMENT 'The event''s leading cause when the row was written',
    event_status      varchar                     NOT NULL COMMENT 'OPEN, ENDED or REOPENED',
    event_start       timestamp(6) with time zone          COMMENT 'Earliest window_start of the event''s reports',
    event_end         timestamp(6) with time zone          COMMENT 'Latest window_end of the event''s reports',
    written_at        timestamp(6) with time zone NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at      timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Cohort (Minority Event) assignment per report'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(written_at)']
);
