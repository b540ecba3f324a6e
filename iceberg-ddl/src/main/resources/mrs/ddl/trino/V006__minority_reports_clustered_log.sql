-- Trino SQL of ../V006__minority_reports_clustered_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_reports_clustered_log (
    report_id         varchar                     NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    revision          integer                     NOT NULL COMMENT 'Report revision that was clustered',
    store_id          varchar                     NOT NULL COMMENT 'Store of the report',
    retailer          varchar                              COMMENT 'Retailer of the store',
    city              varchar                              COMMENT 'City of the store',
    region            varchar                              COMMENT 'Region of the store',
    primary_sku       varchar                              COMMENT 'The SKU clusters are formed within: the report''s SKU with the largest excess units',
    window_start      timestamp(6) with time zone NOT NULL COMMENT 'Start of the report''s first anomalous window',
    window_end        timestamp(6) with time zone          COMMENT 'End of the report''s latest anomalous window',
    direction         varchar                              COMMENT 'SPIKE, DROP or MIXED',
    clustered         boolean                     NOT NULL COMMENT 'false when clustering failed and the report passed through unclustered',
    cluster_id        varchar                              COMMENT 'Deterministic id: CL- + hash of the founding report',
    cluster_size      integer                              COMMENT 'Reports in the cluster, this one included',
    cluster_stores    integer                              COMMENT 'Distinct stores in the cluster',
    similarity        double                               COMMENT 'Similarity (0..1) of the report to the cluster when it joined',
    cluster_cities    varchar                              COMMENT 'Cities of the cluster''s stores, comma-separated, sorted',
    cluster_mean_lift double                               COMMENT 'Mean lift of the cluster''s reports',
    cluster_start     timestamp(6) with time zone          COMMENT 'Earliest window_start in the cluster',
    cluster_end       timestamp(6) with time zone          COMMENT 'Latest window_end in the cluster',
    error             varchar                              COMMENT 'Why clustering failed, when clustered = false',
    written_at        timestamp(6) with time zone NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at      timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Cluster metadata per report revision'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(window_start)']
);
