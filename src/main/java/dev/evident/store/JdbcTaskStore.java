package dev.evident.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link TaskStore} over the JDBC store: SQLite or PostgreSQL, the same SQL but for the claim. */
final class JdbcTaskStore implements TaskStore {

  private static final String COLUMNS = TaskRows.COLUMNS;

  private final JdbcStore store;

  JdbcTaskStore(JdbcStore store) {
    this.store = store;
  }

  @Override
  public TaskRow insert(
      String project, String suite, Map<String, Object> parameters, String origin, Instant at) {
    return store.inTransaction(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tasks (project, suite, parameters, origin, state, created_at)"
                      + " VALUES (?, ?, ?, ?, 'QUEUED', ?) RETURNING id")) {
            ps.setString(1, project);
            ps.setString(2, suite);
            ps.setString(3, Sql.json(parameters));
            ps.setString(4, origin);
            ps.setString(5, Sql.instant(at));
            id = Sql.returnedId(ps);
          }
          return byId(c, id).orElseThrow();
        });
  }

  @Override
  public List<TaskRow> insertGroup(
      String project,
      String suite,
      List<String> models,
      List<Map<String, Object>> parameters,
      String origin,
      Instant at) {
    if (models.isEmpty() || models.size() != parameters.size()) {
      throw new IllegalArgumentException("one parameter map per model, at least one model");
    }
    return store.inTransaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < models.size(); i++) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO tasks (project, suite, parameters, origin, state, created_at,"
                        + " model) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?) RETURNING id")) {
              ps.setString(1, project);
              ps.setString(2, suite);
              ps.setString(3, Sql.json(parameters.get(i)));
              ps.setString(4, origin);
              ps.setString(5, Sql.instant(at));
              ps.setString(6, models.get(i));
              ids.add(Sql.returnedId(ps));
            }
          }
          // Not visible to workers before the commit, so no task runs without its group id.
          // (Ids of one group need not be consecutive: another server may insert between them.)
          List<TaskRow> rows = new ArrayList<>();
          for (long id : ids) {
            update(c, "UPDATE tasks SET group_id = ? WHERE id = ?", ids.get(0), id);
            rows.add(byId(c, id).orElseThrow());
          }
          return rows;
        });
  }

  @Override
  public List<TaskRow> group(long groupId) {
    return store.withConnection(
        c -> rows(c, "SELECT " + COLUMNS + " FROM tasks WHERE group_id = ? ORDER BY id", groupId));
  }

  @Override
  public Optional<TaskRow> get(long id) {
    return store.withConnection(c -> byId(c, id));
  }

  @Override
  public List<TaskRow> list(String project, String state, Long beforeId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (project != null) {
      sql.append(" AND project = ?");
      args.add(project);
    }
    if (state != null) {
      sql.append(" AND state = ?");
      args.add(state);
    }
    if (beforeId != null) {
      sql.append(" AND id < ?");
      args.add(beforeId);
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    args.add((long) limit);
    return store.withConnection(c -> rows(c, sql.toString(), args.toArray()));
  }

  @Override
  public Optional<TaskRow> claim(
      Collection<String> suites, String owner, Instant at, long leaseUntil) {
    if (suites.isEmpty()) {
      return Optional.empty();
    }
    boolean postgres = store.database().dialect() == Dialect.POSTGRESQL;
    String marks = String.join(", ", java.util.Collections.nCopies(suites.size(), "?"));
    // PostgreSQL: rows another server is claiming are skipped, not waited for. SQLite: the
    // transaction holds the file's write lock from its start (IMMEDIATE), so the select and the
    // update are one step for every process on the file.
    String select =
        "SELECT id FROM tasks WHERE state = 'QUEUED' AND suite IN ("
            + marks
            + ") ORDER BY id LIMIT 1"
            + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
    return store.inTransaction(
        c -> {
          Long id = null;
          try (PreparedStatement ps = c.prepareStatement(select)) {
            int i = 1;
            for (String suite : suites) {
              ps.setString(i++, suite);
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                id = rs.getLong(1);
              }
            }
          }
          if (id == null) {
            return Optional.<TaskRow>empty();
          }
          update(
              c,
              "UPDATE tasks SET state = 'RUNNING', owner = ?, lease_until = ?, attempts = attempts"
                  + " + 1, started_at = ?, version = version + 1 WHERE id = ?",
              owner,
              leaseUntil,
              Sql.instant(at),
              id);
          return byId(c, id);
        });
  }

  @Override
  public Optional<TaskRow> heartbeat(
      long id, String owner, long leaseUntil, long testsDone, long testsFailed) {
    return store.inTransaction(
        c -> {
          int n =
              update(
                  c,
                  "UPDATE tasks SET lease_until = ?, version = version + CASE WHEN tests_done = ?"
                      + " AND tests_failed = ? THEN 0 ELSE 1 END, tests_done = ?, tests_failed = ?"
                      + " WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                  leaseUntil,
                  testsDone,
                  testsFailed,
                  testsDone,
                  testsFailed,
                  id,
                  owner);
          return n == 0 ? Optional.<TaskRow>empty() : byId(c, id);
        });
  }

  @Override
  public boolean runId(long id, String owner, long runId) {
    return store.inTransaction(
        c ->
            update(
                    c,
                    "UPDATE tasks SET run_id = ?, version = version + 1"
                        + " WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                    runId,
                    id,
                    owner)
                > 0);
  }

  @Override
  public boolean finish(
      long id,
      String owner,
      String state,
      Long runId,
      String message,
      Instant at,
      long testsDone,
      long testsFailed) {
    // A null parameter is typed VARCHAR: PostgreSQL would not take it for the BIGINT run_id.
    String setRun = runId == null ? "" : " run_id = " + runId + ",";
    return store.inTransaction(
        c ->
            update(
                    c,
                    "UPDATE tasks SET state = ?,"
                        + setRun
                        + " message = ?, finished_at = ?, tests_done = ?, tests_failed = ?,"
                        + " lease_until = NULL, version = version + 1"
                        + " WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                    state,
                    message,
                    Sql.instant(at),
                    testsDone,
                    testsFailed,
                    id,
                    owner)
                > 0);
  }

  @Override
  public boolean cancelQueued(long id, String message, Instant at) {
    return store.inTransaction(
        c ->
            update(
                    c,
                    "UPDATE tasks SET state = 'CANCELLED', message = ?, finished_at = ?,"
                        + " version = version + 1 WHERE id = ? AND state = 'QUEUED'",
                    message,
                    Sql.instant(at),
                    id)
                > 0);
  }

  @Override
  public boolean requestCancel(long id) {
    return store.inTransaction(
        c ->
            update(
                    c,
                    "UPDATE tasks SET cancel_requested = 1, version = version + 1"
                        + " WHERE id = ? AND state = 'RUNNING'",
                    id)
                > 0);
  }

  @Override
  public List<TaskRow> reap(
      long nowMillis, int maxAttempts, String message, Instant at, String exceptOwner) {
    String others = exceptOwner == null ? "" : " AND owner <> ?";
    Object[] args =
        exceptOwner == null ? new Object[] {nowMillis} : new Object[] {nowMillis, exceptOwner};
    return store.inTransaction(
        c -> {
          List<TaskRow> expired =
              rows(
                  c,
                  "SELECT "
                      + COLUMNS
                      + " FROM tasks WHERE state = 'RUNNING' AND lease_until < ?"
                      + others
                      + " ORDER BY id"
                      + store.database().dialect().forUpdate(),
                  args);
          List<TaskRow> reaped = new ArrayList<>();
          for (TaskRow t : expired) {
            if (t.runId() != null) {
              // its command died with its server: the run will never be finished by it
              RunRows.interrupt(c, t.runId(), Sql.instant(at));
            }
            if (t.attempts() < maxAttempts && !t.cancelRequested()) {
              update(
                  c,
                  "UPDATE tasks SET state = 'QUEUED', owner = NULL, lease_until = NULL,"
                      + " started_at = NULL, tests_done = -1, tests_failed = -1, run_id = NULL,"
                      + " version = version + 1 WHERE id = ? AND state = 'RUNNING'",
                  t.id());
            } else {
              update(
                  c,
                  "UPDATE tasks SET state = ?, message = ?, finished_at = ?, lease_until = NULL,"
                      + " version = version + 1 WHERE id = ? AND state = 'RUNNING'",
                  t.cancelRequested() ? "CANCELLED" : "INTERRUPTED",
                  t.cancelRequested() ? "cancelled; its worker was gone" : message,
                  Sql.instant(at),
                  t.id());
            }
            byId(c, t.id()).ifPresent(reaped::add);
          }
          return reaped;
        });
  }

  @Override
  public List<StateCount> countByState() {
    return store.withConnection(
        c -> {
          List<StateCount> counts = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT project, state, COUNT(*) FROM tasks GROUP BY project, state"
                          + " ORDER BY project, state");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.add(new StateCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
          }
          return counts;
        });
  }

  private static Optional<TaskRow> byId(Connection c, long id) throws SQLException {
    return TaskRows.byId(c, id);
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    return TaskRows.update(c, sql, args);
  }

  private static List<TaskRow> rows(Connection c, String sql, Object... args) throws SQLException {
    return TaskRows.rows(c, sql, args);
  }
}
