-- Trino SQL of ../V011__model_protection_log.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS model_protection_log (
    directive_id    varchar                     NOT NULL COMMENT 'Deterministic: PD- + hash of event, status, type and scope',
    report_group_id varchar                     NOT NULL COMMENT 'Minority Event the directive is about',
    directive_type  varchar                     NOT NULL COMMENT 'EXCLUDE_WINDOW, REWEIGHT, ADJUST_CREDIT or RELEASE',
    event_status    varchar                     NOT NULL COMMENT 'Event status that produced the directive',
    detection_type  varchar                              COMMENT 'Detection type of the event',
    confidence      double                               COMMENT 'Confidence of the event''s attribution',
    stores          varchar                     NOT NULL COMMENT 'Stores in scope, comma-separated, sorted',
    skus            varchar                              COMMENT 'SKUs in scope, comma-separated, sorted; empty = every SKU',
    window_start    timestamp(6) with time zone NOT NULL COMMENT 'Start of the protected time range',
    window_end      timestamp(6) with time zone          COMMENT 'End of the protected time range; NULL while the event is open',
    weight          double                               COMMENT 'Reweight factor for REWEIGHT directives',
    written_at      timestamp(6) with time zone NOT NULL COMMENT 'Event time of the status change (deterministic)',
    processed_at    timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Model-protection directives (append-only)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['day(written_at)']
);
