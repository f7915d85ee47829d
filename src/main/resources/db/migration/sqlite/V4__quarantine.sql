-- Tests a person put in quarantine: their failures are known and expected until they are fixed.
-- A test is kept as `evident show` prints it (Suite > name[params]), not by ref, so that a test can
-- be quarantined before it first runs (--force) and stays quarantined however its suite is stored.
CREATE TABLE quarantine (
  project_id INTEGER NOT NULL REFERENCES projects (id),
  test       TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, test)
);
