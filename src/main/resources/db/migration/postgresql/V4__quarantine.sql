-- Tests in quarantine; see db/migration/sqlite/V4__quarantine.sql.
CREATE TABLE quarantine (
  project_id BIGINT NOT NULL REFERENCES projects (id),
  test       TEXT COLLATE "C" NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, test)
);
