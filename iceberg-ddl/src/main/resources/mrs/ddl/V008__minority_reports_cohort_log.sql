-- One row per cohort change of a report: the Minority Event (report_group_id) it belongs to, the
-- event's size and confidence at that moment, and the event's status (OPEN, ENDED, REOPENED).
CREATE TABLE IF NOT EXISTS minority_reports_cohort_log (
    report_id         STRING    NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    report_group_id   STRING    NOT NULL COMMENT 'Minority Event id: ME- + 12 hex, derived from the founding report',
    store_id          STRING             COMMENT 'Store of the report',
    primary_sku       STRING             COMMENT 'SKU the event is about',
    cohort_size       INT       NOT NULL COMMENT 'Reports in the event',
    cohort_stores     INT                COMMENT 'Distinct stores in the event',
    cohort_confidence DOUBLE             COMMENT 'Mean latest confidence of the event''s reports (NULL if none known)',
    cause             STRING             COMMENT 'The event''s leading cause when the row was written',
    event_status      STRING    NOT NULL COMMENT 'OPEN, ENDED or REOPENED',
    event_start       TIMESTAMP          COMMENT 'Earliest window_start of the event''s reports',
    event_end         TIMESTAMP          COMMENT 'Latest window_end of the event''s reports',
    written_at        TIMESTAMP NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at      TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(written_at))
COMMENT 'Cohort (Minority Event) assignment per report'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
