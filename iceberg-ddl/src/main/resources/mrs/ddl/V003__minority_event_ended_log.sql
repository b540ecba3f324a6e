-- One row when a report's episode ends: after enough normal (quiet) windows following its last
-- anomalous window. Its window_end is authoritative for the hydrated report.
CREATE TABLE IF NOT EXISTS minority_event_ended_log (
    report_id      STRING    NOT NULL COMMENT 'Report whose episode ended (see minority_reports_detected_log)',
    store_id       STRING    NOT NULL COMMENT 'Store of the report',
    window_start   TIMESTAMP NOT NULL COMMENT 'Start of the episode''s first anomalous window',
    window_end     TIMESTAMP NOT NULL COMMENT 'Authoritative end of the episode: end of its last anomalous window',
    final_revision INT                COMMENT 'Last revision of the report in minority_reports_detected_log',
    quiet_windows  INT                COMMENT 'Number of normal windows after the last anomalous one that ended the episode',
    written_at     TIMESTAMP NOT NULL COMMENT 'Event time at which the end became certain (deterministic)',
    processed_at   TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(window_end))
COMMENT 'Ended minority report episodes, with their authoritative window_end'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
