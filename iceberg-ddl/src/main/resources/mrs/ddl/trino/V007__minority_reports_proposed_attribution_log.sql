-- Trino SQL of ../V007__minority_reports_proposed_attribution_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS minority_reports_proposed_attribution_log (
    attribution_id   varchar                     NOT NULL COMMENT 'Deterministic hash of the report, its revision and the evidence used',
    report_id        varchar                     NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    revision         integer                     NOT NULL COMMENT 'Report revision the proposal is about',
    proposal_seq     integer                     NOT NULL COMMENT 'Proposals made for this report so far (1 = first)',
    cluster_id       varchar                              COMMENT 'Cluster of the report when proposed',
    cause            varchar                     NOT NULL COMMENT 'Most likely specific cause (taxonomy), or unknown',
    detection_type   varchar                              COMMENT 'Detection type of the cause',
    impact_vector    varchar                              COMMENT 'Impact vector of the cause',
    confidence       double                               COMMENT 'Calibrated probability that cause is right; NULL when degraded',
    confidence_tier  varchar                              COMMENT 'Low (< 0.3), Medium (< 0.7), High, or Unknown',
    cause_2          varchar                              COMMENT 'Second candidate',
    detection_type_2 varchar                              COMMENT 'Detection type of the second candidate',
    confidence_2     double                               COMMENT 'Probability of the second candidate',
    cause_3          varchar                              COMMENT 'Third candidate',
    detection_type_3 varchar                              COMMENT 'Detection type of the third candidate',
    confidence_3     double                               COMMENT 'Probability of the third candidate',
    narrative        varchar                              COMMENT 'Plain-language explanation naming the evidence',
    evidence         varchar                              COMMENT 'Signal ids and links used, semicolon-separated',
    is_degraded      boolean                     NOT NULL COMMENT 'true when attribution failed or its feeds are known to be down',
    a_written_at     timestamp(6) with time zone NOT NULL COMMENT 'Event time of the proposal (deterministic): latest of the report and evidence times',
    written_at       timestamp(6) with time zone NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at     timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Machine attribution proposals per report (append-only; latest by a_written_at wins)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(a_written_at)']
);
