-- Trino SQL of ../V003__minority_event_ended_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_event_ended_log (
    report_id      varchar                     NOT NULL COMMENT 'Report whose episode ended (see minority_reports_detected_log)',
    store_id       varchar                     NOT NULL COMMENT 'Store of the report',
    window_start   timestamp(6) with time zone NOT NULL COMMENT 'Start of the episode''s first anomalous window',
    window_end     timestamp(6) with time zone NOT NULL COMMENT 'Authoritative end of the episode: end of its last anomalous window',
    final_revision integer                              COMMENT 'Last revision of the report in minority_reports_detected_log',
    quiet_windows  integer                              COMMENT 'Number of normal windows after the last anomalous one that ended the episode',
    written_at     timestamp(6) with time zone NOT NULL COMMENT 'Event time at which the end became certain (deterministic)',
    processed_at   timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Ended minority report episodes, with their authoritative window_end'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(window_end)']
);
