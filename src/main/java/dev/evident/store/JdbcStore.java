package dev.evident.store;

import dev.evident.model.FailureLabel;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store over JDBC, one class for SQLite and PostgreSQL: the {@link Database} lends connections
 * and its {@link Dialect} the few expressions that differ. The queries live in small classes by
 * concern (RunReads, RunDetails, History, Labels, Quarantines, ...); this class borrows a
 * connection for each call and turns SQL errors into StoreExceptions.
 */
final class JdbcStore implements ResultStore {

  private final Database db;

  JdbcStore(Database db) {
    this.db = db;
  }

  Database database() {
    return db;
  }

  /** Runs work on a connection; SQL errors become StoreExceptions naming the database. */
  <T> T withConnection(Sql.Work<T> work) {
    Connection c = null;
    try {
      c = db.acquire();
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      if (c != null) {
        db.release(c);
      }
    }
  }

  /** Runs work in a transaction; it commits when work returns and rolls back when it throws. */
  <T> T inTransaction(Sql.Work<T> work) {
    return withConnection(
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  /** A connection in a transaction, for a writer; {@link Database#release} gives it back. */
  Connection begin() {
    Connection c = null;
    try {
      c = db.acquire();
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      if (c != null) {
        db.release(c);
      }
      throw failure(e);
    }
  }

  /**
   * Work that reads many rows. PostgreSQL's driver honours a fetch size (rows streamed, not held
   * all at once) only inside a transaction; a SQLite transaction would take the write lock.
   */
  <T> T streaming(Sql.Work<T> work) {
    return db.dialect() == Dialect.POSTGRESQL ? inTransaction(work) : withConnection(work);
  }

  StoreException failure(SQLException e) {
    // PostgreSQL repeats a failed batch whole in its message; the cause keeps all of it.
    String message = String.valueOf(e.getMessage());
    if (message.length() > 500) {
      message = message.substring(0, 300) + " ... " + message.substring(message.length() - 150);
    }
    return new StoreException("database " + db.name() + ": " + message, e);
  }

  @Override
  public RunWriter startRun(RunStart start) {
    return new JdbcRunWriter(this, start);
  }

  @Override
  public long reserveRun(RunStart start) {
    String now = Sql.instant(java.time.Instant.now());
    return inTransaction(
        c ->
            RunRows.insert(
                c, TestIdentities.projectId(c, db.dialect(), start.project(), now), start, now));
  }

  @Override
  public RunWriter startRun(RunStart start, long reservedRunId) {
    return new JdbcRunWriter(this, start, reservedRunId);
  }

  @Override
  public boolean interruptReserved(long runId, java.time.Instant at) {
    return inTransaction(c -> RunRows.interrupt(c, runId, Sql.instant(at)));
  }

  @Override
  public List<Run> runs(String project, int limit) {
    return withConnection(c -> RunReads.newest(c, project, limit));
  }

  @Override
  public Optional<Run> run(long id) {
    return withConnection(c -> RunReads.byId(c, id).stream().findFirst());
  }

  @Override
  public Optional<Run> latest(String project) {
    return runs(project, 1).stream().findFirst();
  }

  @Override
  public RunDetail detail(long runId, int maxFailures) {
    return withConnection(
        c -> {
          Run run =
              RunReads.byId(c, runId).stream()
                  .findFirst()
                  .orElseThrow(() -> new StoreException("no run " + runId + " in " + db.name()));
          return RunDetails.of(c, run, maxFailures);
        });
  }

  @Override
  public Map<String, dev.evident.model.Excerpt> logs(long runId) {
    return withConnection(c -> RunDetails.logs(c, runId));
  }

  @Override
  public List<Run> runsAfter(long afterId, int limit) {
    return withConnection(c -> RunReads.after(c, afterId, limit));
  }

  @Override
  public List<Run> runsUpTo(String project, long id, int limit) {
    Objects.requireNonNull(project, "project");
    return withConnection(c -> RunReads.upTo(c, project, id, limit));
  }

  @Override
  public void failures(long runId, Consumer<StoredFailure> sink) {
    streaming(
        c -> {
          FailureRows.forEach(c, runId, sink);
          return null;
        });
  }

  @Override
  public void results(long runId, ResultSink sink) {
    streaming(
        c -> {
          RunDetails.results(c, runId, sink);
          return null;
        });
  }

  @Override
  public List<Run> runsOnBranch(String project, String branch, int limit) {
    Objects.requireNonNull(branch, "branch");
    return withConnection(c -> History.runsOnBranch(c, db.dialect(), project, branch, limit));
  }

  @Override
  public Map<String, Integer> branches(String project) {
    return withConnection(c -> History.branches(c, db.dialect(), project));
  }

  @Override
  public Map<Long, TestId> suiteTests(String project, String suite) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(suite, "suite");
    return withConnection(c -> History.suiteTests(c, project, suite));
  }

  @Override
  public void testResults(long testRef, long fromRunId, long toRunId, TestResultSink sink) {
    withConnection(
        c -> {
          History.testResults(c, testRef, fromRunId, toRunId, sink);
          return null;
        });
  }

  @Override
  public void export(long runId, dev.evident.model.ExportSink sink) {
    streaming(
        c -> {
          ExportRows.forEach(c, runId, sink);
          return null;
        });
  }

  @Override
  public void skipReasons(long runId, SkipReasonSink sink) {
    streaming(
        c -> {
          ReportRows.skipReasons(c, runId, sink);
          return null;
        });
  }

  @Override
  public Map<Long, dev.evident.model.Location> failureSources(long runId) {
    return streaming(c -> ReportRows.failureSources(c, runId));
  }

  @Override
  public void facts(long runId, FactSink sink) {
    streaming(
        c -> {
          FactRows.forEach(c, runId, sink);
          return null;
        });
  }

  @Override
  public Map<String, List<String>> places(long runId) {
    return withConnection(
        c -> {
          Map<String, List<String>> places = new HashMap<>();
          try (var ps =
              c.prepareStatement(
                  "SELECT place, suites FROM run_places WHERE run_id = ? ORDER BY place")) {
            ps.setLong(1, runId);
            try (var rows = ps.executeQuery()) {
              while (rows.next()) {
                String place = rows.getString(1);
                for (String suite : rows.getString(2).split("\n")) {
                  places.computeIfAbsent(suite, k -> new java.util.ArrayList<>()).add(place);
                }
              }
            }
          }
          return places;
        });
  }

  @Override
  public Map<Long, TestId> tests(Collection<Long> refs) {
    Objects.requireNonNull(refs, "refs");
    return withConnection(
        c -> {
          Names names = new Names(c);
          Map<Long, TestId> ids = new HashMap<>();
          for (long ref : refs) {
            TestId id = names.find(ref);
            if (id != null) {
              ids.put(ref, id);
            }
          }
          return ids;
        });
  }

  @Override
  public String id() {
    return withConnection(
        c -> {
          try (var statement =
                  c.prepareStatement("SELECT value FROM store_info WHERE name = 'id'");
              var rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : "";
          }
        });
  }

  @Override
  public String runner(long runId) {
    return withConnection(c -> FailureRows.runner(c, runId));
  }

  @Override
  public FailureLabel addLabel(NewLabel label) {
    return inTransaction(c -> Labels.add(c, label));
  }

  @Override
  public List<FailureLabel> labels(String project) {
    return withConnection(c -> Labels.find(c, project, null));
  }

  @Override
  public List<FailureLabel> labels(String project, Collection<String> fingerprints) {
    Objects.requireNonNull(fingerprints, "fingerprints");
    return withConnection(c -> Labels.find(c, project, fingerprints));
  }

  @Override
  public void failureCauses(long runId, FailureCauseSink sink) {
    withConnection(
        c -> {
          HistoryRows.failureCauses(c, runId, sink);
          return null;
        });
  }

  @Override
  public void tests(String project, TestSink sink) {
    Objects.requireNonNull(project, "project");
    withConnection(
        c -> {
          HistoryRows.tests(c, project, sink);
          return null;
        });
  }

  @Override
  public QuarantinedTest quarantine(QuarantinedTest test) {
    Objects.requireNonNull(test, "test");
    return inTransaction(c -> Quarantines.add(c, test));
  }

  @Override
  public boolean unquarantine(String project, String test) {
    return inTransaction(c -> Quarantines.remove(c, project, test));
  }

  @Override
  public List<QuarantinedTest> quarantined(String project) {
    return withConnection(c -> Quarantines.find(c, project));
  }

  @Override
  public void close() {
    db.close();
  }
}
