-- Human verdicts on failure causes. A label belongs to a failure fingerprint (see
-- analyze/Fingerprint): later failures with that fingerprint, or a similar one found through the
-- failure index, inherit it. cause is a category id of TAXONOMY.md. The source is the failure the
-- person labelled (a run and a test ref, see V1), kept to say where a label came from.
CREATE TABLE failure_labels (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects (id),
  fingerprint     TEXT NOT NULL,
  cause           TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  source_run_id   INTEGER REFERENCES runs (id),
  source_test_ref INTEGER
);
CREATE INDEX failure_labels_by_fingerprint ON failure_labels (project_id, fingerprint);
