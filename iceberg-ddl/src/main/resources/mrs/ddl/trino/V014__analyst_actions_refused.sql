-- Trino SQL of ../V014__analyst_actions_refused.sql (rendered by mrs.ddl.TrinoTableDdl; do not edit:
-- change the original and re-render). Run with the MRS schema as the session schema.

CREATE TABLE IF NOT EXISTS analyst_actions_refused (
    refusal_id   varchar                     NOT NULL COMMENT 'Deterministic hash of the source position and payload',
    action_id    varchar                              COMMENT 'Action id, when it could be read',
    analyst      varchar                              COMMENT 'Claimed analyst, when it could be read',
    target_id    varchar                              COMMENT 'Target, when it could be read',
    action       varchar                              COMMENT 'Action, when it could be read',
    category     varchar                     NOT NULL COMMENT 'UNSIGNED, BAD_SIGNATURE, REPLAYED, UNKNOWN_ANALYST, MALFORMED, ...',
    reason       varchar                     NOT NULL COMMENT 'Why it was refused',
    raw_payload  varchar                              COMMENT 'The action as received',
    issued_at    timestamp(6) with time zone          COMMENT 'When the action says it was issued',
    written_at   timestamp(6) with time zone          COMMENT 'Event time of the row (issued_at, else the record time)',
    processed_at timestamp(6) with time zone NOT NULL COMMENT 'Wall-clock time the row was written'
)
COMMENT 'Refused analyst actions'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['category']
);
