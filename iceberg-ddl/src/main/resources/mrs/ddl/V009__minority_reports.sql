-- The hydrated report: one wide row per report change, merged from every log with the seed's field
-- precedence (keys/meta from clustered, window_start from detected, window_end from ended, attribution
-- latest by a_written_at, analyst input over the machine). Candidates are _2/_3 columns, never arrays.
-- Append-only: the current row of a report is its latest written_at (view minority_reports_current).
CREATE TABLE IF NOT EXISTS minority_reports (
    report_id         STRING    NOT NULL COMMENT 'Report id: hash(store_id || window_start)',
    revision          INT                COMMENT 'Latest detected revision',
    store_id          STRING    NOT NULL COMMENT 'Store',
    retailer          STRING             COMMENT 'Retailer of the store',
    city              STRING             COMMENT 'City of the store',
    region            STRING             COMMENT 'Region of the store',
    primary_sku       STRING             COMMENT 'SKU with the largest excess',
    skus              STRING             COMMENT 'SKUs of the episode, comma-separated',
    direction         STRING             COMMENT 'SPIKE, DROP or MIXED',
    window_start      TIMESTAMP          COMMENT 'From the detected log',
    window_end        TIMESTAMP          COMMENT 'From the ended log when the episode has ended, else the latest detected window end',
    window_end_final  BOOLEAN            COMMENT 'true when window_end comes from minority_event_ended_log',
    actual_units      DOUBLE             COMMENT 'Units sold in the anomalous windows',
    baseline_units    DOUBLE             COMMENT 'Baseline units for those windows',
    delta_units       DOUBLE             COMMENT 'actual - baseline',
    actual_revenue    DOUBLE             COMMENT 'Revenue in the anomalous windows',
    baseline_revenue  DOUBLE             COMMENT 'Baseline revenue for those windows',
    lift              DOUBLE             COMMENT 'actual / baseline',
    z_score           DOUBLE             COMMENT 'Episode z-score',
    cluster_id        STRING             COMMENT 'From the clustered log (NULL when unclustered or missing)',
    cluster_size      INT                COMMENT 'From the clustered log',
    cluster_stores    INT                COMMENT 'From the clustered log',
    cause             STRING             COMMENT 'Machine cause, latest proposal by a_written_at',
    detection_type    STRING             COMMENT 'Machine detection type',
    impact_vector     STRING             COMMENT 'Machine impact vector',
    confidence        DOUBLE             COMMENT 'Machine confidence (NULL when degraded)',
    confidence_tier   STRING             COMMENT 'Low, Medium, High or Unknown',
    cause_2           STRING             COMMENT 'Second candidate',
    confidence_2      DOUBLE             COMMENT 'Its probability',
    cause_3           STRING             COMMENT 'Third candidate',
    confidence_3      DOUBLE             COMMENT 'Its probability',
    narrative         STRING             COMMENT 'Machine narrative',
    evidence          STRING             COMMENT 'Evidence used',
    is_degraded       BOOLEAN            COMMENT 'The latest proposal was degraded',
    a_written_at      TIMESTAMP          COMMENT 'Event time of the latest proposal',
    proposals         INT                COMMENT 'Proposals made so far',
    report_group_id   STRING             COMMENT 'Minority Event of the report (cohort log)',
    cohort_size       INT                COMMENT 'Reports in the event',
    event_status      STRING             COMMENT 'OPEN, ENDED or REOPENED (cohort log)',
    analyst_cause     STRING             COMMENT 'Cause set by an analyst edit (supersedes the machine); NULL if none',
    analyst_status    STRING             COMMENT 'Latest analyst decision on the report or its event; NULL if none',
    final_cause       STRING             COMMENT 'analyst_cause when set, else cause',
    priority          STRING             COMMENT 'High, Medium or Low (seed Priority rules)',
    report_status     STRING             COMMENT 'Status with a _DEGRADED suffix when the attribution is degraded',
    written_at        TIMESTAMP NOT NULL COMMENT 'Greatest written_at of the contributing rows (deterministic)',
    processed_at      TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (days(written_at))
COMMENT 'Hydrated reports: one wide row per report change (current row = latest written_at)'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
