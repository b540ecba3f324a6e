-- Trino SQL of ../V002__minority_reports_detected_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_reports_detected_log (
    report_id         varchar                     NOT NULL COMMENT 'hash(store_id || window_start): stable across revisions and replays',
    revision          integer                     NOT NULL COMMENT 'Revision of the report, 1 for the first detection, +1 per update',
    store_id          varchar                     NOT NULL COMMENT 'Store whose sales are anomalous',
    retailer          varchar                              COMMENT 'Retailer of the store (from mrs.stores), NULL when unknown',
    city              varchar                              COMMENT 'City of the store (from mrs.stores), NULL when unknown',
    region            varchar                              COMMENT 'Region of the store (from mrs.stores), NULL when unknown',
    window_start      timestamp(6) with time zone NOT NULL COMMENT 'Start of the episode''s first anomalous window',
    window_end        timestamp(6) with time zone          COMMENT 'End of the latest anomalous window of the episode so far',
    anomalous_windows integer                              COMMENT 'Number of anomalous windows in the episode so far',
    sku_count         integer                              COMMENT 'Number of distinct anomalous SKUs in the episode',
    skus              varchar                              COMMENT 'Anomalous SKUs of the episode, comma-separated and sorted',
    direction         varchar                              COMMENT 'SPIKE, DROP or MIXED (SKUs moving both ways)',
    actual_units      double                               COMMENT 'Units sold in the episode''s anomalous windows (anomalous SKUs)',
    baseline_units    double                               COMMENT 'Units the learned baselines expected for the same windows and SKUs',
    delta_units       double                               COMMENT 'actual_units - baseline_units',
    actual_revenue    double                               COMMENT 'Revenue of the episode''s anomalous windows (anomalous SKUs)',
    baseline_revenue  double                               COMMENT 'Revenue the learned baselines expected for the same windows and SKUs',
    z_score           double                               COMMENT 'Store-level robust z-score of actual against baseline units',
    lift              double                               COMMENT 'actual_units / baseline_units (NULL when the baseline is 0)',
    max_sku_z         double                               COMMENT 'Largest absolute SKU-level z-score in the episode',
    written_at        timestamp(6) with time zone NOT NULL COMMENT 'Event time that produced this revision (deterministic)',
    processed_at      timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Detected minority reports: per-report totals against baseline, one row per revision'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(window_start)']
);
