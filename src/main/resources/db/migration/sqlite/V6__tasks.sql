-- evident serve: the task queue. Portable SQL (INTEGER, TEXT only) so that the PostgreSQL flavour
-- mirrors it.
--
-- A task is claimed by a server (owner) for a lease: lease_until is epoch milliseconds, renewed by
-- the worker's heartbeat; a RUNNING task whose lease has passed is reaped (queued again, or
-- INTERRUPTED after its attempts). cancel_requested is set by whichever server got the cancel and
-- read by the owner at each heartbeat. version grows on every change, for pollers.
CREATE TABLE tasks (
  id               INTEGER PRIMARY KEY,
  project          TEXT NOT NULL,
  suite            TEXT NOT NULL,
  parameters       TEXT NOT NULL,
  origin           TEXT NOT NULL,
  state            TEXT NOT NULL,
  run_id           INTEGER,
  created_at       TEXT NOT NULL,
  started_at       TEXT,
  finished_at      TEXT,
  tests_done       INTEGER NOT NULL DEFAULT -1,
  tests_failed     INTEGER NOT NULL DEFAULT -1,
  message          TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  owner            TEXT,
  lease_until      INTEGER,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  version          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_by_state ON tasks (state, id);
CREATE INDEX tasks_by_project ON tasks (project, id);
