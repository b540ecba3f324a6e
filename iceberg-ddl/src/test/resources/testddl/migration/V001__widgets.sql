-- A test table in its first release.
CREATE TABLE IF NOT EXISTS widgets (
    widget_id  STRING    NOT NULL COMMENT 'Widget key',
    units      INT                COMMENT 'Units counted',
    price      DECIMAL(10, 2)     COMMENT 'Unit price',
    made_at    TIMESTAMP NOT NULL COMMENT 'When it was made'
)
PARTITIONED BY (days(made_at), bucket(4, widget_id));
