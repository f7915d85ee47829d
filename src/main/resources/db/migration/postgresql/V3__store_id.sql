-- A random id given to the store when it is created; see db/migration/sqlite/V3__store_id.sql.
-- For PostgreSQL it also names the failure index's directory in the cache (see IndexLocation).
CREATE TABLE store_info (
  name  TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO store_info (name, value) VALUES ('id', replace(gen_random_uuid()::text, '-', ''));
