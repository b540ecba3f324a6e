/* Second release: a nullable column and a tuned property. */
ALTER TABLE widgets ADD COLUMN IF NOT EXISTS colour STRING COMMENT 'Paint colour, NULL before V002';
ALTER TABLE widgets ADD COLUMNS (weight_kg DOUBLE COMMENT 'Weight', checked_on DATE);
ALTER TABLE widgets SET TBLPROPERTIES ('commit.retry.num-retries' = '12');
