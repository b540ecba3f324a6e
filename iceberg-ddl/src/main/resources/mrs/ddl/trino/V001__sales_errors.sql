-- Trino SQL of ../V001__sales_errors.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS sales_errors (
    error_id         varchar                     NOT NULL COMMENT 'Deterministic hash of stage, source, partition, offset and payload: a replay gives the same id',
    stage            varchar                     NOT NULL COMMENT 'Pipeline stage that rejected the record, e.g. parse-sales, late-sales',
    source           varchar                              COMMENT 'Where the record came from: Kafka topic or file name',
    source_partition integer                              COMMENT 'Kafka partition of the record, NULL for files',
    source_offset    bigint                               COMMENT 'Kafka offset (or line number in a file) of the record',
    error            varchar                     NOT NULL COMMENT 'Why the record was rejected, human readable',
    raw_payload      varchar                              COMMENT 'The record as received (UTF-8), for replay and debugging',
    event_time       timestamp(6) with time zone          COMMENT 'Event time of the record, when it could be parsed',
    written_at       timestamp(6) with time zone          COMMENT 'Event time that produced this row (deterministic); NULL when unknown',
    processed_at     timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Rejected records of the sales stream (one row per record and stage)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['stage', 'day(processed_at)']
);
