-- One row per report revision placed by the incremental clustering: which cluster of similar reports
-- it joined, and the cluster's features at that moment. A clustering failure still writes the report,
-- with clustered = false and NULL cluster columns, so detection output is never held back.
CREATE TABLE IF NOT EXISTS minority_reports_clustered_log (
    report_id          STRING    NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    revision           INT       NOT NULL COMMENT 'Report revision that was clustered',
    store_id           STRING    NOT NULL COMMENT 'Store of the report',
    retailer           STRING             COMMENT 'Retailer of the store',
    city               STRING             COMMENT 'City of the store',
    region             STRING             COMMENT 'Region of the store',
    primary_sku        STRING             COMMENT 'The SKU clusters are formed within: the report''s SKU with the largest excess units',
    window_start       TIMESTAMP NOT NULL COMMENT 'Start of the report''s first anomalous window',
    window_end         TIMESTAMP          COMMENT 'End of the report''s latest anomalous window',
    direction          STRING             COMMENT 'SPIKE, DROP or MIXED',
    clustered          BOOLEAN   NOT NULL COMMENT 'false when clustering failed and the report passed through unclustered',
    cluster_id         STRING             COMMENT 'Deterministic id: CL- + hash of the founding report',
    cluster_size       INT                COMMENT 'Reports in the cluster, this one included',
    cluster_stores     INT                COMMENT 'Distinct stores in the cluster',
    similarity         DOUBLE             COMMENT 'Similarity (0..1) of the report to the cluster when it joined',
    cluster_cities     STRING             COMMENT 'Cities of the cluster''s stores, comma-separated, sorted',
    cluster_mean_lift  DOUBLE             COMMENT 'Mean lift of the cluster''s reports',
    cluster_start      TIMESTAMP          COMMENT 'Earliest window_start in the cluster',
    cluster_end        TIMESTAMP          COMMENT 'Latest window_end in the cluster',
    error              STRING             COMMENT 'Why clustering failed, when clustered = false',
    written_at         TIMESTAMP NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at       TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(window_start))
COMMENT 'Cluster metadata per report revision'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
