-- evident serve: API tokens. Portable SQL (INTEGER, TEXT only, no functions) so that the
-- PostgreSQL flavour can mirror it as is.
--
-- A token belongs to a project by name, not by projects.id, so that a token can be made before the
-- project's first upload. Only the SHA-256 of a token is kept (hex); the token itself is shown once.
-- scopes is a comma-separated list of read, ingest, run, admin.
CREATE TABLE api_tokens (
  id         TEXT PRIMARY KEY,
  project    TEXT NOT NULL,
  name       TEXT NOT NULL,
  scopes     TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_tokens_by_project ON api_tokens (project);
