-- evident serve: API tokens; see db/migration/sqlite/V5__server.sql. The same columns: timestamps
-- as ISO-8601 text, scopes as a comma-separated list, names compared in byte order ("C").
CREATE TABLE api_tokens (
  id         TEXT COLLATE "C" PRIMARY KEY,
  project    TEXT COLLATE "C" NOT NULL,
  name       TEXT NOT NULL,
  scopes     TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_tokens_by_project ON api_tokens (project);
