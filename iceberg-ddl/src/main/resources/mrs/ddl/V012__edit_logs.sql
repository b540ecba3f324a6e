-- Accepted analyst edits (edit_attribution, add_evidence) on a report or an event, with who, when and
-- why. Machine rows are never changed: the hydrated report and the event roll-up apply these on top.
CREATE TABLE IF NOT EXISTS edit_logs (
    action_id       STRING    NOT NULL COMMENT 'Analyst action id (unique; a replayed id is refused)',
    analyst         STRING    NOT NULL COMMENT 'Analyst from the roster whose signature verified',
    target_kind     STRING    NOT NULL COMMENT 'REPORT or EVENT',
    target_id       STRING    NOT NULL COMMENT 'report_id (MR-...) or report_group_id (ME-...)',
    action          STRING    NOT NULL COMMENT 'edit_attribution or add_evidence',
    cause           STRING             COMMENT 'Cause set by the analyst',
    detection_type  STRING             COMMENT 'Detection type set by the analyst',
    novel_cause     BOOLEAN            COMMENT 'true when the cause is outside the taxonomy (kept, flagged)',
    narrative       STRING             COMMENT 'Analyst narrative or note',
    evidence_url    STRING             COMMENT 'Evidence link added by the analyst',
    reason          STRING             COMMENT 'Why',
    issued_at       TIMESTAMP NOT NULL COMMENT 'When the analyst issued the action',
    written_at      TIMESTAMP NOT NULL COMMENT 'Event time of the row (issued_at)',
    processed_at    TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(issued_at))
COMMENT 'Accepted analyst edits'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
