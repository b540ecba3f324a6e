-- One row per revision of a report: a report is one store's anomalous episode, identified by
-- report_id = hash(store_id || window_start). New anomalous windows and late data of the same
-- episode add a row with a higher revision; rows are never updated (append-only log).
CREATE TABLE IF NOT EXISTS minority_reports_detected_log (
    report_id         STRING    NOT NULL COMMENT 'hash(store_id || window_start): stable across revisions and replays',
    revision          INT       NOT NULL COMMENT 'Revision of the report, 1 for the first detection, +1 per update',
    store_id          STRING    NOT NULL COMMENT 'Store whose sales are anomalous',
    retailer          STRING             COMMENT 'Retailer of the store (from mrs.stores), NULL when unknown',
    city              STRING             COMMENT 'City of the store (from mrs.stores), NULL when unknown',
    region            STRING             COMMENT 'Region of the store (from mrs.stores), NULL when unknown',
    window_start      TIMESTAMP NOT NULL COMMENT 'Start of the episode''s first anomalous window',
    window_end        TIMESTAMP          COMMENT 'End of the latest anomalous window of the episode so far',
    anomalous_windows INT                COMMENT 'Number of anomalous windows in the episode so far',
    sku_count         INT                COMMENT 'Number of distinct anomalous SKUs in the episode',
    skus              STRING             COMMENT 'Anomalous SKUs of the episode, comma-separated and sorted',
    direction         STRING             COMMENT 'SPIKE, DROP or MIXED (SKUs moving both ways)',
    actual_units      DOUBLE             COMMENT 'Units sold in the episode''s anomalous windows (anomalous SKUs)',
    baseline_units    DOUBLE             COMMENT 'Units the learned baselines expected for the same windows and SKUs',
    delta_units       DOUBLE             COMMENT 'actual_units - baseline_units',
    actual_revenue    DOUBLE             COMMENT 'Revenue of the episode''s anomalous windows (anomalous SKUs)',
    baseline_revenue  DOUBLE             COMMENT 'Revenue the learned baselines expected for the same windows and SKUs',
    z_score           DOUBLE             COMMENT 'Store-level robust z-score of actual against baseline units',
    lift              DOUBLE             COMMENT 'actual_units / baseline_units (NULL when the baseline is 0)',
    max_sku_z         DOUBLE             COMMENT 'Largest absolute SKU-level z-score in the episode',
    written_at        TIMESTAMP NOT NULL COMMENT 'Event time that produced this revision (deterministic)',
    processed_at      TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(window_start))
COMMENT 'Detected minority reports: per-report totals against baseline, one row per revision'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
