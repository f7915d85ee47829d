package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.FailureLabel;
import dev.evident.model.InputFile;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.Severity;
import dev.evident.model.TestId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in WAL mode, schema managed by Flyway migrations. One
 * connection, used by one thread at a time (a lock), which is what SQLite's single writer wants.
 */
final class SqliteStore implements ResultStore {

  /** The newest migration in db/migration/sqlite; when the file has it, Flyway is not started. */
  static final int SCHEMA_VERSION = 5;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private SqliteStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  static SqliteStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the directory for database " + file + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + file;
    try {
      SQLiteConfig config = new SQLiteConfig();
      // Take the write lock when a transaction begins, so that two ingests into one file queue up
      // behind the busy timeout instead of failing when the second tries to write.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setBusyTimeout(60_000);
      Connection connection = DriverManager.getConnection(url, config.toProperties());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = 60000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA cache_size = -32768");
        s.execute("PRAGMA temp_store = MEMORY");
      }
      if (schemaVersion(connection) < SCHEMA_VERSION) {
        migrate(url, file);
      }
      return new SqliteStore(file, connection);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open database " + file + ": " + e.getMessage() + " (is it an Evident database?)",
          e);
    }
  }

  private static int schemaVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
      if (!rs.next()) {
        return 0;
      }
    }
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Flyway logs every step at INFO through java.util.logging; a CLI prints none of that. */
  private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();

  private static java.util.logging.Logger quietFlyway() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.flywaydb");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static void migrate(String url, Path file) {
    FLYWAY_LOG.fine("migrating " + file);
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration/sqlite")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs work on the connection while holding the lock; SQL errors become StoreExceptions. */
  <T> T withConnection(Sql.Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
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

  /** The lock a writer holds for the whole of its transaction. */
  ReentrantLock lock() {
    return lock;
  }

  Connection connection() {
    return connection;
  }

  Path file() {
    return file;
  }

  @Override
  public RunWriter startRun(RunStart start) {
    return new SqliteRunWriter(this, start);
  }

  static final String RUN_COLUMNS =
      "r.id, p.name AS project, r.source, r.created_at, r.started_at, r.finished_at, r.status, r.command,"
          + " r.exit_code, r.attributes, r.collected, r.executed, r.passed, r.failed, r.errored, r.skipped,"
          + " r.flaky, r.run_errors, r.problems";

  @Override
  public List<Run> runs(String project, int limit) {
    return withConnection(
        c -> {
          String sql =
              "SELECT "
                  + RUN_COLUMNS
                  + " FROM runs r JOIN projects p ON p.id = r.project_id"
                  + (project == null ? "" : " WHERE p.name = ?")
                  + " ORDER BY r.id DESC LIMIT ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (project != null) {
              ps.setString(i++, project);
            }
            ps.setInt(i, limit);
            return readRuns(c, ps);
          }
        });
  }

  @Override
  public Optional<Run> run(long id) {
    return withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + RUN_COLUMNS
                      + " FROM runs r JOIN projects p ON p.id = r.project_id WHERE r.id = ?")) {
            ps.setLong(1, id);
            return readRuns(c, ps).stream().findFirst();
          }
        });
  }

  @Override
  public Optional<Run> latest(String project) {
    return runs(project, 1).stream().findFirst();
  }

  static List<Run> readRuns(Connection c, PreparedStatement ps) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Integer exit = rs.getObject("exit_code") == null ? null : rs.getInt("exit_code");
        runs.add(
            new Run(
                rs.getLong("id"),
                rs.getString("project"),
                rs.getString("source"),
                Sql.instant(rs.getString("created_at")),
                Sql.instant(rs.getString("started_at")),
                Sql.instant(rs.getString("finished_at")),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("command"),
                exit,
                Sql.stringMap(rs.getString("attributes")),
                Map.of(),
                Counts.of(
                    rs.getLong("passed"),
                    rs.getLong("failed"),
                    rs.getLong("errored"),
                    rs.getLong("skipped"),
                    rs.getLong("flaky")),
                rs.getInt("run_errors"),
                rs.getInt("problems")));
      }
    }
    if (runs.isEmpty()) {
      return runs;
    }
    Map<Long, Map<String, String>> labels = labels(c, runs);
    List<Run> labelled = new ArrayList<>(runs.size());
    for (Run r : runs) {
      labelled.add(
          new Run(
              r.id(),
              r.project(),
              r.source(),
              r.created(),
              r.started(),
              r.finished(),
              r.status(),
              r.command(),
              r.exitCode(),
              r.attributes(),
              labels.getOrDefault(r.id(), Map.of()),
              r.counts(),
              r.runErrors(),
              r.problems()));
    }
    return labelled;
  }

  private static Map<Long, Map<String, String>> labels(Connection c, List<Run> runs)
      throws SQLException {
    long min = runs.stream().mapToLong(Run::id).min().orElseThrow();
    long max = runs.stream().mapToLong(Run::id).max().orElseThrow();
    Map<Long, Map<String, String>> labels = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT run_id, key, value FROM run_labels WHERE run_id BETWEEN ? AND ? ORDER BY key")) {
      ps.setLong(1, min);
      ps.setLong(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          labels
              .computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return labels;
  }

  @Override
  public RunDetail detail(long runId, int maxFailures) {
    Run run = run(runId).orElseThrow(() -> new StoreException("no run " + runId + " in " + file));
    return withConnection(
        c ->
            new RunDetail(
                run,
                suites(c, runId),
                failures(c, runId, maxFailures),
                run.counts().failed() + run.counts().errored() + run.counts().flaky(),
                problems(c, runId),
                runErrors(c, runId),
                files(c, runId)));
  }

  private static List<RunDetail.SuiteCounts> suites(Connection c, long runId) throws SQLException {
    List<RunDetail.SuiteCounts> suites = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.name, rs.passed, rs.failed, rs.errored, rs.skipped, rs.flaky, rs.duration_us"
                + " FROM run_suites rs JOIN suites s ON s.id = rs.suite_id WHERE rs.run_id = ? ORDER BY s.name")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suites.add(
              new RunDetail.SuiteCounts(
                  rs.getString(1),
                  Counts.of(
                      rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                  Sql.duration(rs, "duration_us")));
        }
      }
    }
    return suites;
  }

  private static List<RunDetail.FailedTest> failures(Connection c, long runId, int max)
      throws SQLException {
    List<RunDetail.FailedTest> failures = new ArrayList<>();
    if (max <= 0) {
      return failures;
    }
    record Row(long ref, Outcome outcome, Failure failure, int attempts) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.test_ref, d.outcome, d.failure_id, d.attempts FROM result_details d"
                + " WHERE d.run_id = ? AND d.outcome IN (1, 2, 4)"
                + " ORDER BY d.outcome, d.test_ref LIMIT ?")) {
      ps.setLong(1, runId);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String attempts = rs.getString(4);
          long failureId = rs.getLong(3);
          rows.add(
              new Row(
                  rs.getLong(1),
                  Outcome.values()[rs.getInt(2)],
                  rs.wasNull() ? Failure.NONE : Texts.failure(c, failureId),
                  attempts == null ? 1 : Attempts.count(attempts) + 1));
        }
      }
    }
    Names names = new Names(c);
    Map<Long, java.time.Duration> durations =
        durations(c, runId, rows.stream().map(Row::ref).toList());
    for (Row row : rows) {
      failures.add(
          new RunDetail.FailedTest(
              names.id(row.ref()),
              row.outcome(),
              durations.get(row.ref()),
              row.failure(),
              row.attempts()));
    }
    failures.sort(
        java.util.Comparator.comparing((RunDetail.FailedTest f) -> f.outcome())
            .thenComparing(f -> f.id().suite())
            .thenComparing(f -> f.id().name())
            .thenComparing(f -> f.id().parameters()));
    return failures;
  }

  /** The durations of some results of a run, from their suites' result blobs. */
  private static Map<Long, java.time.Duration> durations(Connection c, long runId, List<Long> refs)
      throws SQLException {
    Map<Long, java.time.Duration> durations = new HashMap<>();
    java.util.Set<Long> wanted = new java.util.HashSet<>(refs);
    java.util.Set<Long> suites = new java.util.TreeSet<>();
    refs.forEach(r -> suites.add(TestRefs.suite(r)));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT results FROM run_suites WHERE run_id = ? AND suite_id = ?")) {
      for (long suite : suites) {
        ps.setLong(1, runId);
        ps.setLong(2, suite);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            SuiteResults.decode(
                rs.getBytes(1),
                (ordinal, outcome, micros) -> {
                  long ref = TestRefs.of(suite, ordinal);
                  if (wanted.contains(ref)) {
                    durations.put(ref, Sql.duration(micros));
                  }
                });
          }
        }
      }
    }
    return durations;
  }

  private static List<Problem> problems(Connection c, long runId) throws SQLException {
    List<Problem> problems = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file, line, col, severity, message FROM run_problems WHERE run_id = ? ORDER BY id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          problems.add(
              new Problem(
                  new Location(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                  Severity.valueOf(rs.getString(4)),
                  rs.getString(5)));
        }
      }
    }
    return problems;
  }

  private static List<RunError> runErrors(Connection c, long runId) throws SQLException {
    List<RunError> errors = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, scope, file, line, failure_id FROM run_errors WHERE run_id = ? ORDER BY id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String where = rs.getString(3);
          errors.add(
              new RunError(
                  RunError.Kind.valueOf(rs.getString(1)),
                  rs.getString(2),
                  Texts.failure(c, rs.getLong(5)),
                  where == null ? null : Location.of(where, rs.getLong(4))));
        }
      }
    }
    return errors;
  }

  private static List<InputFile> files(Connection c, long runId) throws SQLException {
    List<InputFile> files = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT path, format, bytes, tests, duplicate_of FROM run_files WHERE run_id = ? ORDER BY ordinal")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.add(
              new InputFile(
                  rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
        }
      }
    }
    return files;
  }

  @Override
  public Map<String, dev.evident.model.Excerpt> logs(long runId) {
    return withConnection(
        c -> {
          Map<String, dev.evident.model.Excerpt> logs = new java.util.TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT stream, full_length, body FROM run_logs WHERE run_id = ? ORDER BY stream")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String text =
                    new String(
                        Texts.inflate(rs.getBytes(3)), java.nio.charset.StandardCharsets.UTF_8);
                logs.put(rs.getString(1), new dev.evident.model.Excerpt(text, rs.getLong(2)));
              }
            }
          }
          return logs;
        });
  }

  @Override
  public List<Run> runsAfter(long afterId, int limit) {
    return withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + RUN_COLUMNS
                      + " FROM runs r JOIN projects p ON p.id = r.project_id"
                      + " WHERE r.id > ? ORDER BY r.id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return readRuns(c, ps);
          }
        });
  }

  @Override
  public void failures(long runId, Consumer<StoredFailure> sink) {
    withConnection(
        c -> {
          FailureRows.forEach(c, runId, sink);
          return null;
        });
  }

  @Override
  public void results(long runId, ResultSink sink) {
    withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT suite_id, results FROM run_suites WHERE run_id = ? ORDER BY suite_id")) {
            ps.setLong(1, runId);
            ps.setFetchSize(100);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long suite = rs.getLong(1);
                SuiteResults.decode(
                    rs.getBytes(2),
                    (ordinal, outcome, micros) ->
                        sink.accept(TestRefs.of(suite, ordinal), outcome, micros));
              }
            }
          }
          return null;
        });
  }

  @Override
  public List<Run> runsOnBranch(String project, String branch, int limit) {
    Objects.requireNonNull(branch, "branch");
    return withConnection(c -> History.runsOnBranch(c, project, branch, limit));
  }

  @Override
  public Map<String, Integer> branches(String project) {
    return withConnection(c -> History.branches(c, project));
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
  public void facts(long runId, FactSink sink) {
    withConnection(
        c -> {
          FactRows.forEach(c, runId, sink);
          return null;
        });
  }

  @Override
  public List<Run> runsUpTo(String project, long id, int limit) {
    Objects.requireNonNull(project, "project");
    return withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + RUN_COLUMNS
                      + " FROM runs r JOIN projects p ON p.id = r.project_id"
                      + " WHERE p.name = ? AND r.id <= ? ORDER BY r.id DESC LIMIT ?")) {
            ps.setString(1, project);
            ps.setLong(2, id);
            ps.setInt(3, limit);
            return readRuns(c, ps);
          }
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
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
