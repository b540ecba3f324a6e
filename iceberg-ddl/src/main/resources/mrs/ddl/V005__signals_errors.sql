-- Records of the mrs.signals topic (context feeds) that could not be parsed, broke the contract, or came too late.
-- Nothing is dropped silently: every rejected record lands here with its raw payload.
CREATE TABLE IF NOT EXISTS signals_errors (
    error_id         STRING    NOT NULL COMMENT 'Deterministic hash of stage, source, partition, offset and payload: a replay gives the same id',
    stage            STRING    NOT NULL COMMENT 'Pipeline stage that rejected the record, e.g. parse-signals',
    source           STRING             COMMENT 'Where the record came from: Kafka topic or file name',
    source_partition INT                COMMENT 'Kafka partition of the record, NULL for files',
    source_offset    BIGINT             COMMENT 'Kafka offset (or line number in a file) of the record',
    error            STRING    NOT NULL COMMENT 'Why the record was rejected, human readable',
    raw_payload      STRING             COMMENT 'The record as received (UTF-8), for replay and debugging',
    event_time       TIMESTAMP          COMMENT 'Event time of the record, when it could be parsed',
    written_at       TIMESTAMP          COMMENT 'Event time that produced this row (deterministic); NULL when unknown',
    processed_at     TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (stage, days(processed_at))
COMMENT 'Rejected records of the signals stream (one row per record and stage)'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
