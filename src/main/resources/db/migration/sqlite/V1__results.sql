-- Evident's store, SQLite flavour. The PostgreSQL flavour keeps the same tables and columns.
--
-- Results are stored per suite and run, not per test: a run of a million tests is ten thousand
-- rows, each holding its suite's results as a compact blob (a few bytes a result), because a row
-- per result costs a microsecond of binding and two B-tree inserts each, which is most of an
-- ingest. Everything about a result beyond outcome and duration (failure, output, attempts,
-- properties) is in result_details, written for every result that is not a plain pass.
--
-- A test is referred to by its "ref": suite id * 2^24 + its ordinal in the suite, the order in
-- which the suite's tests were first seen. Refs are stable across runs.

CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE suites (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  name       TEXT NOT NULL,
  UNIQUE (project_id, name)
);

-- The names of a suite's tests, in chunks appended as new tests appear: the chunk starting at
-- first_ordinal holds count tests, each as (name, parameters) in UTF-8 with varint lengths.
CREATE TABLE suite_tests (
  suite_id      INTEGER NOT NULL REFERENCES suites (id),
  first_ordinal INTEGER NOT NULL,
  count         INTEGER NOT NULL,
  names         BLOB NOT NULL,
  PRIMARY KEY (suite_id, first_ordinal)
) WITHOUT ROWID;

CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id),
  source      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  started_at  TEXT,
  finished_at TEXT,
  status      TEXT NOT NULL,
  command     TEXT NOT NULL DEFAULT '',
  exit_code   INTEGER,
  attributes  TEXT NOT NULL DEFAULT '{}',
  collected   INTEGER NOT NULL,
  executed    INTEGER NOT NULL,
  passed      INTEGER NOT NULL,
  failed      INTEGER NOT NULL,
  errored     INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  flaky       INTEGER NOT NULL,
  run_errors  INTEGER NOT NULL,
  problems    INTEGER NOT NULL
);
CREATE INDEX runs_by_project ON runs (project_id, id);

CREATE TABLE run_labels (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE INDEX run_labels_by_value ON run_labels (key, value);

-- One row per suite of a run: counts, summed duration, what the format said about the suite, and
-- results: every result of the suite as (ordinal, outcome, duration), see ResultBlob.
CREATE TABLE run_suites (
  run_id      INTEGER NOT NULL,
  suite_id    INTEGER NOT NULL,
  passed      INTEGER NOT NULL,
  failed      INTEGER NOT NULL,
  errored     INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  flaky       INTEGER NOT NULL,
  duration_us INTEGER,
  started_at  TEXT,
  properties  TEXT,
  stdout_id   INTEGER,
  stderr_id   INTEGER,
  results     BLOB NOT NULL,
  PRIMARY KEY (run_id, suite_id)
) WITHOUT ROWID;
CREATE INDEX run_suites_by_suite ON run_suites (suite_id, run_id);

-- Failure texts (type, message, details) and output excerpts, stored once: id is a 63-bit prefix
-- of the SHA-256 of the content; body is the content as length-prefixed UTF-8 strings, deflated
-- when it is long (stack traces shrink about tenfold). See Texts.
CREATE TABLE texts (
  id   INTEGER PRIMARY KEY,
  body BLOB NOT NULL
);

-- outcome: 0 PASSED, 1 FAILED, 2 ERRORED, 3 SKIPPED, 4 FLAKY (Outcome ordinal).
CREATE TABLE result_details (
  run_id      INTEGER NOT NULL,
  test_ref    INTEGER NOT NULL,
  outcome     INTEGER NOT NULL,
  failure_id  INTEGER,
  stdout_id   INTEGER,
  stderr_id   INTEGER,
  source_file TEXT,
  source_line INTEGER,
  tags        TEXT,
  properties  TEXT,
  attempts    TEXT,
  PRIMARY KEY (run_id, test_ref)
) WITHOUT ROWID;

CREATE TABLE run_errors (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs (id),
  kind       TEXT NOT NULL,
  scope      TEXT NOT NULL,
  failure_id INTEGER NOT NULL,
  file       TEXT,
  line       INTEGER
);
CREATE INDEX run_errors_by_run ON run_errors (run_id);

CREATE TABLE run_problems (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs (id),
  file     TEXT NOT NULL,
  line     INTEGER NOT NULL,
  col      INTEGER NOT NULL,
  severity TEXT NOT NULL,
  message  TEXT NOT NULL
);
CREATE INDEX run_problems_by_run ON run_problems (run_id);

CREATE TABLE run_files (
  run_id       INTEGER NOT NULL REFERENCES runs (id),
  ordinal      INTEGER NOT NULL,
  path         TEXT NOT NULL,
  format       TEXT,
  bytes        INTEGER NOT NULL,
  tests        INTEGER NOT NULL,
  duplicate_of TEXT,
  PRIMARY KEY (run_id, ordinal)
);

-- What a command run by `evident run` printed: head and tail of stdout and stderr, deflated.
CREATE TABLE run_logs (
  run_id      INTEGER NOT NULL REFERENCES runs (id),
  stream      TEXT NOT NULL,
  full_length INTEGER NOT NULL,
  body        BLOB NOT NULL,
  PRIMARY KEY (run_id, stream)
);
