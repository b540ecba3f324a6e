-- One row per attribution proposal for a report: proposed again (a new row, the earlier one stays)
-- whenever the report grows or new evidence arrives. A failed attribution writes cause 'unknown' with
-- a NULL confidence and is_degraded = true.
CREATE TABLE IF NOT EXISTS minority_reports_proposed_attribution_log (
    attribution_id  STRING    NOT NULL COMMENT 'Deterministic hash of the report, its revision and the evidence used',
    report_id       STRING    NOT NULL COMMENT 'Report (see minority_reports_detected_log)',
    revision        INT       NOT NULL COMMENT 'Report revision the proposal is about',
    proposal_seq    INT       NOT NULL COMMENT 'Proposals made for this report so far (1 = first)',
    cluster_id      STRING             COMMENT 'Cluster of the report when proposed',
    cause           STRING    NOT NULL COMMENT 'Most likely specific cause (taxonomy), or unknown',
    detection_type  STRING             COMMENT 'Detection type of the cause',
    impact_vector   STRING             COMMENT 'Impact vector of the cause',
    confidence      DOUBLE             COMMENT 'Calibrated probability that cause is right; NULL when degraded',
    confidence_tier STRING             COMMENT 'Low (< 0.3), Medium (< 0.7), High, or Unknown',
    cause_2         STRING             COMMENT 'Second candidate',
    detection_type_2 STRING            COMMENT 'Detection type of the second candidate',
    confidence_2    DOUBLE             COMMENT 'Probability of the second candidate',
    cause_3         STRING             COMMENT 'Third candidate',
    detection_type_3 STRING            COMMENT 'Detection type of the third candidate',
    confidence_3    DOUBLE             COMMENT 'Probability of the third candidate',
    narrative       STRING             COMMENT 'Plain-language explanation naming the evidence',
    evidence        STRING             COMMENT 'Signal ids and links used, semicolon-separated',
    is_degraded     BOOLEAN   NOT NULL COMMENT 'true when attribution failed or its feeds are known to be down',
    a_written_at    TIMESTAMP NOT NULL COMMENT 'Event time of the proposal (deterministic): latest of the report and evidence times',
    written_at      TIMESTAMP NOT NULL COMMENT 'Event time that produced this row (deterministic)',
    processed_at    TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(a_written_at))
COMMENT 'Machine attribution proposals per report (append-only; latest by a_written_at wins)'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
