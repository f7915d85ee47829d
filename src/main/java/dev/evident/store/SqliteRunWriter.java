package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.Severity;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one run into SQLite in one transaction. Identities are resolved in memory against the
 * project's known tests, loaded once; results are kept per suite in memory (a few bytes each) and
 * written at commit as one row per suite; details of results that are not plain passes are written
 * as they come, in batches. Holds the store's lock from start to commit or close.
 */
final class SqliteRunWriter implements RunWriter {

  private static final int DETAIL_BATCH = 500;

  private final SqliteStore store;
  private final Connection c;
  private final RunStart start;
  private final Map<String, String> learned = new java.util.TreeMap<>();
  private final Instant created = Instant.now();
  private final long runId;
  private final long projectId;
  private final Map<String, Long> suiteIds = new HashMap<>();

  /**
   * Known tests by suite: identity key to ref. One small map per suite rather than one large one,
   * because consecutive results mostly share a suite, and a small map stays in the CPU's cache.
   */
  private final Map<Long, LongLongMap> identities = new HashMap<>();

  private final Map<Long, Integer> nextOrdinal = new HashMap<>();

  /** Names of the tests first seen in this run, encoded as they come, by suite. */
  private final Map<Long, SuiteNames.Chunk> newNames = new LinkedHashMap<>();

  private final Map<Long, SuiteResults> results = new LinkedHashMap<>();
  private final Details details;

  /** How many invocations of a test with unnamed parameters were seen, by test key. */
  private final Map<Long, Integer> invocations = new HashMap<>();

  /** The newest invocation of such a test, where a rerun after a failure belongs. */
  private final Map<Long, TestId> latestInvocation = new HashMap<>();

  private final List<Problem> problems = new ArrayList<>();
  private final List<RunError> runErrors = new ArrayList<>();
  private final List<InputFile> files = new ArrayList<>();
  private final List<Log> logs = new ArrayList<>();
  private Counts consoleCounts;

  /** A stream's excerpt, kept until commit. */
  record Log(String stream, String excerpt, long fullLength) {}

  private String lastSuiteName;
  private long lastSuiteId = -1;
  private LongLongMap lastIdentities;
  private int fileIndex;
  private long repeatedReports;
  private boolean finished;

  SqliteRunWriter(SqliteStore store, RunStart start) {
    this.store = store;
    this.c = store.connection();
    this.start = start;
    store.lock().lock();
    try {
      c.setAutoCommit(false);
      projectId = projectId(start.project());
      runId = insertRun();
      loadSuites();
      loadIdentities();
      details = new Details(c, runId);
    } catch (SQLException | RuntimeException e) {
      abort();
      throw e instanceof SQLException sql ? fail(sql) : (RuntimeException) e;
    }
  }

  private StoreException fail(SQLException e) {
    return new StoreException("database " + store.file() + ": " + e.getMessage(), e);
  }

  private long projectId(String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM projects WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO projects (name, created_at) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, Sql.instant(created));
      ps.executeUpdate();
    }
    return lastId();
  }

  private long lastId() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long insertRun() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO runs (project_id, source, created_at, status, command, exit_code, attributes,"
                + " collected, executed, passed, failed, errored, skipped, flaky, run_errors, problems)"
                + " VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)")) {
      ps.setLong(1, projectId);
      ps.setString(2, start.source());
      ps.setString(3, Sql.instant(created));
      ps.setString(4, start.command());
      Sql.setLong(ps, 5, start.exitCode() == null ? null : (long) start.exitCode());
      ps.setString(6, Sql.json(new java.util.TreeMap<>(start.attributes())));
      ps.executeUpdate();
    }
    return lastId();
  }

  private void loadSuites() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, id FROM suites WHERE project_id = ?")) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suiteIds.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
  }

  /** Every known test of the project, by identity key. Keys are recomputed from the names. */
  private void loadIdentities() throws SQLException {
    Map<Long, String> suiteNames = new HashMap<>();
    suiteIds.forEach((name, id) -> suiteNames.put(id, name));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.suite_id, t.first_ordinal, t.count, t.names FROM suite_tests t"
                + " JOIN suites s ON s.id = t.suite_id WHERE s.project_id = ?")) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long suiteId = rs.getLong(1);
          int first = rs.getInt(2);
          int count = rs.getInt(3);
          String suite = suiteNames.get(suiteId);
          LongLongMap map = identities(suiteId, count);
          SuiteNames.decode(
              rs.getBytes(4),
              first,
              count,
              (ordinal, name, parameters) ->
                  map.put(
                      new TestId(suite, name, parameters).key(), TestRefs.of(suiteId, ordinal)));
          nextOrdinal.merge(suiteId, first + count, Math::max);
        }
      }
    }
  }

  private LongLongMap identities(long suiteId, int expected) {
    return identities.computeIfAbsent(suiteId, s -> new LongLongMap(expected));
  }

  /** The ref of a known test, or MISSING. */
  private long ref(long suiteId, long key) {
    LongLongMap map = suiteId == lastSuiteId ? lastIdentities : identities.get(suiteId);
    return map == null ? LongLongMap.MISSING : map.get(key);
  }

  private long suiteId(String name) throws SQLException {
    if (name.equals(lastSuiteName)) {
      return lastSuiteId;
    }
    Long id = suiteIds.get(name);
    if (id == null) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO suites (project_id, name) VALUES (?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        ps.executeUpdate();
      }
      id = lastId();
      suiteIds.put(name, id);
    }
    lastSuiteName = name;
    lastSuiteId = id;
    lastIdentities = identities.get(id);
    return id;
  }

  private SuiteResults results(long suiteId) {
    return results.computeIfAbsent(suiteId, SuiteResults::new);
  }

  @Override
  public void add(TestResult result) {
    checkOpen();
    try {
      TestId id = result.id();
      long key = id.key();
      long suiteId = suiteId(id.suite());
      long ref = ref(suiteId, key);
      if (ref == LongLongMap.MISSING) {
        ref = newTest(suiteId, key, id);
      }
      SuiteResults suite = results(TestRefs.suite(ref));
      int ordinal = TestRefs.ordinal(ref);
      if (suite.position(ordinal) >= 0) {
        repeated(key, result);
        return;
      }
      suite.add(ordinal, result.outcome(), micros(result), fileIndex);
      if (Details.needed(result)) {
        details.write(ref, result);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private static long micros(TestResult r) {
    Long micros = Sql.micros(r.duration());
    return micros == null ? SuiteResults.NO_DURATION : micros;
  }

  private long newTest(long suiteId, long key, TestId id) {
    int ordinal = nextOrdinal.getOrDefault(suiteId, 0);
    if (ordinal > TestRefs.MAX_ORDINAL) {
      throw new StoreException(
          "suite " + id.suite() + " has more than " + TestRefs.MAX_ORDINAL + " tests");
    }
    nextOrdinal.put(suiteId, ordinal + 1);
    newNames
        .computeIfAbsent(suiteId, s -> new SuiteNames.Chunk(ordinal))
        .add(id.name(), id.parameters());
    long ref = TestRefs.of(suiteId, ordinal);
    identities(suiteId, 16).put(key, ref);
    if (suiteId == lastSuiteId) {
      lastIdentities = identities.get(suiteId);
    }
    return ref;
  }

  /**
   * A test reported again in this run. The same execution reported by another file (an aggregate
   * such as Ant's TESTS-TestSuites.xml next to the per-class files) is counted once. Otherwise,
   * after a failure the report is a rerun: the stored result becomes an earlier attempt. After a
   * pass or a skip (or a rerun that passed) it cannot be a rerun (no runner reruns a passed test),
   * so it is another invocation of a test whose parameters the format did not name (TestNG data
   * providers, repeated titles in Jest): a distinct test, {@code name[#2]}.
   */
  private void repeated(long key, TestResult report) throws SQLException {
    TestId latest = latestInvocation.getOrDefault(key, report.id());
    long ref = ref(suiteId(latest.suite()), latest.key());
    SuiteResults suite = results(TestRefs.suite(ref));
    int position = suite.position(TestRefs.ordinal(ref));
    details.flush();
    TestResult earlier =
        details.read(ref, latest, suite.outcome(position), Sql.duration(suite.micros(position)));
    if (suite.file(position) != fileIndex && sameExecution(earlier, report)) {
      repeatedReports++;
      return;
    }
    Outcome before = earlier.outcome();
    if (before == Outcome.PASSED || before == Outcome.SKIPPED || before == Outcome.FLAKY) {
      int n = invocations.merge(key, 2, (a, b) -> a + 1);
      String base = report.id().parameters().isEmpty() ? "#" : report.id().parameters() + "#";
      TestId next = new TestId(report.id().suite(), report.id().name(), base + n);
      latestInvocation.put(key, next);
      add(renamed(report, next));
      return;
    }
    TestResult merged = earlier.followedBy(renamed(report, latest));
    suite.set(position, merged.outcome(), micros(merged), fileIndex);
    details.replace(ref, merged);
  }

  private static boolean sameExecution(TestResult a, TestResult b) {
    return a.outcome() == b.outcome()
        && java.util.Objects.equals(a.duration(), b.duration())
        && a.failure().equals(b.failure())
        && a.stdout().equals(b.stdout())
        && a.attempts() == b.attempts();
  }

  private static TestResult renamed(TestResult r, TestId id) {
    return new TestResult(
        id,
        r.outcome(),
        r.duration(),
        r.failure(),
        r.earlierAttempts(),
        r.stdout(),
        r.stderr(),
        r.source(),
        r.tags(),
        r.properties());
  }

  @Override
  public void suite(SuiteInfo suite) {
    checkOpen();
    try {
      SuiteResults results = results(suiteId(suite.name()));
      results.info = results.info == null ? suite : mergeInfo(results.info, suite);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** A suite split over several files: earliest start, summed duration, both outputs kept. */
  private static SuiteInfo mergeInfo(SuiteInfo a, SuiteInfo b) {
    Instant started =
        a.started() == null || (b.started() != null && b.started().isBefore(a.started()))
            ? b.started()
            : a.started();
    var duration =
        a.duration() == null
            ? b.duration()
            : b.duration() == null ? a.duration() : a.duration().plus(b.duration());
    Map<String, String> properties = new HashMap<>(a.properties());
    properties.putAll(b.properties());
    return new SuiteInfo(
        a.name(),
        started,
        duration,
        properties,
        a.stdout().isEmpty() ? b.stdout() : a.stdout(),
        a.stderr().isEmpty() ? b.stderr() : a.stderr());
  }

  @Override
  public void problem(Problem problem) {
    checkOpen();
    problems.add(problem);
  }

  @Override
  public void runError(RunError error) {
    checkOpen();
    runErrors.add(error);
  }

  @Override
  public void file(InputFile file) {
    checkOpen();
    files.add(file);
    fileIndex++;
  }

  @Override
  public void consoleCounts(Counts counts) {
    checkOpen();
    this.consoleCounts = counts;
  }

  @Override
  public void log(String stream, String excerpt, long fullLength) {
    checkOpen();
    logs.add(new Log(stream, excerpt, fullLength));
  }

  @Override
  public Counts counts() {
    Counts total = Counts.ZERO;
    for (SuiteResults suite : results.values()) {
      total = total.plus(suite.counts());
    }
    return total.collected() == 0 && consoleCounts != null ? consoleCounts : total;
  }

  @Override
  public void attributes(Map<String, String> more) {
    checkOpen();
    more.forEach(
        (k, v) -> {
          if (!start.attributes().containsKey(k)) {
            learned.put(k, v);
          }
        });
  }

  @Override
  public Run commit(RunStatus status) {
    checkOpen();
    try {
      details.flush();
      if (repeatedReports > 0) {
        problems.add(
            new Problem(
                Location.of("", 0),
                Severity.WARNING,
                repeatedReports
                    + " test results were reported again by another input file with the same"
                    + " outcome, duration and output (an aggregate report?); each was counted once"));
      }
      Counts total = counts();
      Instant started = start.started();
      Instant finished = start.finished();
      for (SuiteResults suite : results.values()) {
        SuiteInfo info = suite.info;
        if (info != null && info.started() != null) {
          Instant s = info.started();
          if (start.started() == null && (started == null || s.isBefore(started))) {
            started = s;
          }
          Instant end = info.duration() == null ? s : s.plus(info.duration());
          if (start.finished() == null && (finished == null || end.isAfter(finished))) {
            finished = end;
          }
        }
      }
      RunStatus finalStatus = status != null ? status : RunStatus.of(total, runErrors.size());
      RunRows.names(c, newNames);
      RunRows.suites(c, runId, results.values(), details.texts());
      RunRows.finish(
          c, runId, finalStatus, started, finished, total, runErrors.size(), problems.size());
      Map<String, String> attributes = start.attributes();
      if (!learned.isEmpty()) {
        Map<String, String> all = new java.util.TreeMap<>(learned);
        all.putAll(start.attributes());
        attributes = all;
        RunRows.attributes(c, runId, all);
      }
      RunRows.labels(c, runId, start.labels());
      RunRows.problems(c, runId, problems);
      RunRows.runErrors(c, runId, runErrors, details.texts());
      RunRows.files(c, runId, files);
      RunRows.logs(c, runId, logs);
      details.flush();
      c.commit();
      finished(true);
      return new Run(
          runId,
          start.project(),
          start.source(),
          created,
          started,
          finished,
          finalStatus,
          start.command(),
          start.exitCode(),
          attributes,
          start.labels(),
          total,
          runErrors.size(),
          problems.size());
    } catch (SQLException e) {
      abort();
      throw fail(e);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("run " + runId + " is already committed or closed");
    }
  }

  private void abort() {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the original error is the one to report
    } finally {
      finished(false);
    }
  }

  private void finished(boolean committed) {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (committed) {
        c.setAutoCommit(true);
      }
      if (details != null) {
        details.close();
      }
    } catch (SQLException e) {
      throw fail(e);
    } finally {
      store.lock().unlock();
    }
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
