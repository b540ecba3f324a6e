-- Trino SQL of ../V012__edit_logs.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS edit_logs (
    action_id      varchar                     NOT NULL COMMENT 'Analyst action id (unique; a replayed id is refused)',
    analyst        varchar                     NOT NULL COMMENT 'Analyst from the roster whose signature verified',
    target_kind    varchar                     NOT NULL COMMENT 'REPORT or EVENT',
    target_id      varchar                     NOT NULL COMMENT 'report_id (MR-...) or report_group_id (ME-...)',
    action         varchar                     NOT NULL COMMENT 'edit_attribution or add_evidence',
    cause          varchar                              COMMENT 'Cause set by the analyst',
    detection_type varchar                              COMMENT 'Detection type set by the analyst',
    novel_cause    boolean                              COMMENT 'true when the cause is outside the taxonomy (kept, flagged)',
    narrative      varchar                              COMMENT 'Analyst narrative or note',
    evidence_url   varchar                              COMMENT 'Evidence link added by the analyst',
    reason         varchar                              COMMENT 'Why',
    issued_at      timestamp(6) with time zone NOT NULL COMMENT 'When the analyst issued the action',
    written_at     timestamp(6) with time zone NOT NULL COMMENT 'Event time of the row (issued_at)',
    processed_at   timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Accepted analyst edits'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(issued_at)']
);
