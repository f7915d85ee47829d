-- A random id given to the store when it is created. Files kept beside the database (the failure
-- index) remember it: a store deleted and created again at the same path is told apart from the
-- old one, and what was derived from the old one is rebuilt.
CREATE TABLE store_info (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO store_info (name, value) VALUES ('id', lower(hex(randomblob(16))));
