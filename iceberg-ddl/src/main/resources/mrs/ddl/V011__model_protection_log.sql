-- The protection feed for marketing models (also on Kafka mrs.model-protection): one directive per
-- Minority Event status change — EXCLUDE_WINDOW for data errors, REWEIGHT for viral, competitor and
-- operational events, ADJUST_CREDIT for misattribution, RELEASE when rejected as a false positive.
CREATE TABLE IF NOT EXISTS model_protection_log (
    directive_id     STRING    NOT NULL COMMENT 'Deterministic: PD- + hash of event, status, type and scope',
    report_group_id  STRING    NOT NULL COMMENT 'Minority Event the directive is about',
    directive_type   STRING    NOT NULL COMMENT 'EXCLUDE_WINDOW, REWEIGHT, ADJUST_CREDIT or RELEASE',
    event_status     STRING    NOT NULL COMMENT 'Event status that produced the directive',
    detection_type   STRING             COMMENT 'Detection type of the event',
    confidence       DOUBLE             COMMENT 'Confidence of the event''s attribution',
    stores           STRING    NOT NULL COMMENT 'Stores in scope, comma-separated, sorted',
    skus             STRING             COMMENT 'SKUs in scope, comma-separated, sorted; empty = every SKU',
    window_start     TIMESTAMP NOT NULL COMMENT 'Start of the protected time range',
    window_end       TIMESTAMP          COMMENT 'End of the protected time range; NULL while the event is open',
    weight           DOUBLE             COMMENT 'Reweight factor for REWEIGHT directives',
    written_at       TIMESTAMP NOT NULL COMMENT 'Event time of the status change (deterministic)',
    processed_at     TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(written_at))
COMMENT 'Model-protection directives (append-only)'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
