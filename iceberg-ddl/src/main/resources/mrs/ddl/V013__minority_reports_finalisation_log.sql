-- Accepted analyst decisions (confirm, reject_false_positive, finalise, reopen) on a report or an event.
CREATE TABLE IF NOT EXISTS minority_reports_finalisation_log (
    action_id       STRING    NOT NULL COMMENT 'Analyst action id',
    analyst         STRING    NOT NULL COMMENT 'Analyst from the roster whose signature verified',
    target_kind     STRING    NOT NULL COMMENT 'REPORT or EVENT',
    target_id       STRING    NOT NULL COMMENT 'report_id (MR-...) or report_group_id (ME-...)',
    action          STRING    NOT NULL COMMENT 'confirm, reject_false_positive, finalise or reopen',
    cause           STRING             COMMENT 'Cause the analyst confirmed, if given',
    reason          STRING    NOT NULL COMMENT 'Why',
    issued_at       TIMESTAMP NOT NULL COMMENT 'When the analyst issued the action',
    written_at      TIMESTAMP NOT NULL COMMENT 'Event time of the row (issued_at)',
    processed_at    TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(issued_at))
COMMENT 'Accepted analyst decisions'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
