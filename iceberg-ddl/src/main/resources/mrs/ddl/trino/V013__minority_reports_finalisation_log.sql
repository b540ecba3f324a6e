-- Trino SQL of ../V013__minority_reports_finalisation_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_reports_finalisation_log (
    action_id    varchar                     NOT NULL COMMENT 'Analyst action id',
    analyst      varchar                     NOT NULL COMMENT 'Analyst from the roster whose signature verified',
    target_kind  varchar                     NOT NULL COMMENT 'REPORT or EVENT',
    target_id    varchar                     NOT NULL COMMENT 'report_id (MR-...) or report_group_id (ME-...)',
    action       varchar                     NOT NULL COMMENT 'confirm, reject_false_positive, finalise or reopen',
    cause        varchar                              COMMENT 'Cause the analyst confirmed, if given',
    reason       varchar                     NOT NULL COMMENT 'Why',
    issued_at    timestamp(6) with time zone NOT NULL COMMENT 'When the analyst issued the action',
    written_at   timestamp(6) with time zone NOT NULL COMMENT 'Event time of the row (issued_at)',
    processed_at timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Accepted analyst decisions'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(issued_at)']
);
