-- Analyst actions that were refused (unsigned, wrongly signed, replayed, not in the roster, malformed,
-- or not allowed in the target's current status), with why and the raw payload. Nothing is dropped.
CREATE TABLE IF NOT EXISTS analyst_actions_refused (
    refusal_id      STRING    NOT NULL COMMENT 'Deterministic hash of the source position and payload',
    action_id       STRING             COMMENT 'Action id, when it could be read',
    analyst         STRING             COMMENT 'Claimed analyst, when it could be read',
    target_id       STRING             COMMENT 'Target, when it could be read',
    action          STRING             COMMENT 'Action, when it could be read',
    category        STRING    NOT NULL COMMENT 'UNSIGNED, BAD_SIGNATURE, REPLAYED, UNKNOWN_ANALYST, MALFORMED, ...',
    reason          STRING    NOT NULL COMMENT 'Why it was refused',
    raw_payload     STRING             COMMENT 'The action as received',
    issued_at       TIMESTAMP          COMMENT 'When the action says it was issued',
    written_at      TIMESTAMP          COMMENT 'Event time of the row (issued_at, else the record time)',
    processed_at    TIMESTAMP NOT NULL COMMENT 'Wall-clock time the row was written'
)
USING iceberg
PARTITIONED BY (category)
COMMENT 'Refused analyst actions'
TBLPROPERTIES ('write.parquet.compression-codec' = 'zstd');
