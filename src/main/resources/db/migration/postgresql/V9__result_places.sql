-- Where a run's result files were found, below the directory or glob that found them (issue 7):
-- "ledger-core/target/surefire-reports", "backend/build/test-results/test". Their directories name
-- parts of the run that no result file names (a module, the backend of one run), so that a report
-- can speak of them. suites: the suites read from the files there, one per line.
CREATE TABLE run_places (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  place  TEXT NOT NULL,
  suites TEXT NOT NULL,
  PRIMARY KEY (run_id, place)
);
