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
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one run into SQLite in one transaction, streaming. Results go out in multi-row INSERTs of
 * {@value #ROWS} rows; test identities are resolved in memory against the project's tests, loaded
 * once. Holds the store's lock from start to commit or close.
 */
final class SqliteRunWriter implements RunWriter {

  private static final int ROWS = 100;
  private static final int DETAIL_BATCH = 500;

  private final SqliteStore store;
  private final Connection c;
  private final RunStart start;
  private final Instant created = Instant.now();
  private final long runId;
  private final int projectId;
  private final Texts texts;
  private final Map<String, Integer> suiteIds = new HashMap<>();
  private final LongIntMap testIds;
  private final BitSet seen = new BitSet();

  /** How many invocations of a test with unnamed parameters were seen, by test key. */
  private final Map<Long, Integer> invocations = new HashMap<>();

  /** The newest invocation of such a test, where a rerun after a failure belongs. */
  private final Map<Long, TestId> latestInvocation = new HashMap<>();

  /** Tests reported by the input file being read now; cleared when the file is done. */
  private final BitSet inCurrentFile = new BitSet();

  private int[] currentFileIds = new int[1024];
  private int currentFileCount;
  private long repeatedReports;

  private int nextTestId;
  private final long[] counts = new long[Outcome.values().length];
  private final Map<Integer, SuiteTally> suites = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<RunError> runErrors = new ArrayList<>();
  private final List<InputFile> files = new ArrayList<>();

  private final PreparedStatement resultRows;
  private final PreparedStatement resultRow;
  private final PreparedStatement testRows;
  private final PreparedStatement testRow;
  private final PreparedStatement detailRow;
  private final int[] bufferedTests = new int[ROWS];
  private final byte[] bufferedOutcomes = new byte[ROWS];
  private final Long[] bufferedDurations = new Long[ROWS];
  private int buffered;
  private final int[] newIds = new int[ROWS];
  private final long[] newKeys = new long[ROWS];
  private final int[] newSuites = new int[ROWS];
  private final String[] newNames = new String[ROWS];
  private final String[] newParameters = new String[ROWS];
  private int newTests;
  private int details;
  private boolean finished;

  /** Per-suite counts, durations and what the format said about the suite. */
  private static final class SuiteTally {
    final long[] counts = new long[Outcome.values().length];
    long durationMicros;
    boolean hasDuration;
    SuiteInfo info;
  }

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
      testIds = loadTests();
      texts = new Texts(c);
      resultRows =
          c.prepareStatement(
              rows(
                  "INSERT INTO results (run_id, test_id, outcome, duration_us) VALUES ",
                  "(?, ?, ?, ?)"));
      resultRow =
          c.prepareStatement(
              "INSERT INTO results (run_id, test_id, outcome, duration_us) VALUES (?, ?, ?, ?)");
      String testInsert =
          "INSERT INTO tests (id, project_id, key, suite_id, name, parameters) VALUES ";
      testRows = c.prepareStatement(rows(testInsert, "(?, ?, ?, ?, ?, ?)"));
      testRow = c.prepareStatement(testInsert + "(?, ?, ?, ?, ?, ?)");
      detailRow =
          c.prepareStatement(
              "INSERT INTO result_details (run_id, test_id, failure_id, stdout_id, stderr_id, source_file,"
                  + " source_line, tags, properties, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    } catch (SQLException | RuntimeException e) {
      abort();
      throw e instanceof SQLException sql ? fail(sql) : (RuntimeException) e;
    }
  }

  private static String rows(String insert, String row) {
    StringBuilder sql = new StringBuilder(insert);
    for (int i = 0; i < ROWS; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    return sql.toString();
  }

  private StoreException fail(SQLException e) {
    return new StoreException("database " + store.file() + ": " + e.getMessage(), e);
  }

  private int projectId(String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM projects WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getInt(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO projects (name, created_at) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, Sql.instant(created));
      ps.executeUpdate();
    }
    return (int) lastId();
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
      ps.setInt(1, projectId);
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
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suiteIds.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
  }

  private LongIntMap loadTests() throws SQLException {
    int count = 0;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM tests")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        nextTestId = rs.getInt(2) + 1;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM tests WHERE project_id = ?")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        count = rs.getInt(1);
      }
    }
    LongIntMap map = new LongIntMap(Math.max(1024, count));
    if (count == 0) {
      return map;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT key, id FROM tests WHERE project_id = ?")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          map.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return map;
  }

  private int suiteId(String name) throws SQLException {
    Integer id = suiteIds.get(name);
    if (id != null) {
      return id;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO suites (project_id, name) VALUES (?, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, name);
      ps.executeUpdate();
    }
    int created = (int) lastId();
    suiteIds.put(name, created);
    return created;
  }

  @Override
  public void add(TestResult result) {
    checkOpen();
    try {
      TestId id = result.id();
      int suite = suiteId(id.suite());
      long key = id.key();
      int testId = testIds.get(key);
      if (testId == LongIntMap.MISSING) {
        testId = nextTestId++;
        testIds.put(key, testId);
        bufferTest(testId, key, suite, id);
      } else if (seen.get(testId)) {
        merge(testId, suite, result);
        return;
      }
      seen.set(testId);
      markInCurrentFile(testId);
      bufferResult(testId, result);
      if (result.hasDetails()) {
        writeDetails(testId, result);
      }
      tally(suite, result, 1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private void tally(int suite, TestResult result, int sign) {
    counts[result.outcome().ordinal()] += sign;
    SuiteTally tally = suites.computeIfAbsent(suite, s -> new SuiteTally());
    tally.counts[result.outcome().ordinal()] += sign;
    if (result.duration() != null) {
      tally.durationMicros += sign * Sql.micros(result.duration());
      tally.hasDuration = true;
    }
  }

  private void bufferTest(int testId, long key, int suite, TestId id) throws SQLException {
    newIds[newTests] = testId;
    newKeys[newTests] = key;
    newSuites[newTests] = suite;
    newNames[newTests] = id.name();
    newParameters[newTests] = id.parameters();
    if (++newTests == ROWS) {
      for (int i = 0; i < ROWS; i++) {
        bindTest(testRows, i * 6, i);
      }
      testRows.executeUpdate();
      newTests = 0;
    }
  }

  private void bindTest(PreparedStatement ps, int offset, int i) throws SQLException {
    ps.setInt(offset + 1, newIds[i]);
    ps.setInt(offset + 2, projectId);
    ps.setLong(offset + 3, newKeys[i]);
    ps.setInt(offset + 4, newSuites[i]);
    ps.setString(offset + 5, newNames[i]);
    ps.setString(offset + 6, newParameters[i]);
  }

  private void bufferResult(int testId, TestResult result) throws SQLException {
    bufferedTests[buffered] = testId;
    bufferedOutcomes[buffered] = (byte) result.outcome().ordinal();
    bufferedDurations[buffered] = Sql.micros(result.duration());
    if (++buffered == ROWS) {
      for (int i = 0; i < ROWS; i++) {
        bindResult(resultRows, i * 4, i);
      }
      resultRows.executeUpdate();
      buffered = 0;
    }
  }

  private void bindResult(PreparedStatement ps, int offset, int i) throws SQLException {
    ps.setLong(offset + 1, runId);
    ps.setInt(offset + 2, bufferedTests[i]);
    ps.setInt(offset + 3, bufferedOutcomes[i]);
    Sql.setLong(ps, offset + 4, bufferedDurations[i]);
  }

  private void flush() throws SQLException {
    for (int i = 0; i < newTests; i++) {
      bindTest(testRow, 0, i);
      testRow.addBatch();
    }
    if (newTests > 0) {
      testRow.executeBatch();
    }
    newTests = 0;
    for (int i = 0; i < buffered; i++) {
      bindResult(resultRow, 0, i);
      resultRow.addBatch();
    }
    if (buffered > 0) {
      resultRow.executeBatch();
    }
    buffered = 0;
    flushDetails();
  }

  private void flushDetails() throws SQLException {
    texts.flush();
    if (details > 0) {
      detailRow.executeBatch();
    }
    details = 0;
  }

  private void writeDetails(int testId, TestResult r) throws SQLException {
    detailRow.setLong(1, runId);
    detailRow.setInt(2, testId);
    Sql.setLong(detailRow, 3, r.failure().isEmpty() ? null : texts.failure(r.failure()));
    Sql.setLong(detailRow, 4, texts.output(r.stdout()));
    Sql.setLong(detailRow, 5, texts.output(r.stderr()));
    detailRow.setString(6, r.source() == null ? null : r.source().file());
    Sql.setLong(
        detailRow, 7, r.source() == null || r.source().line() <= 0 ? null : r.source().line());
    detailRow.setString(8, r.tags().isEmpty() ? null : Sql.json(r.tags()));
    detailRow.setString(
        9, r.properties().isEmpty() ? null : Sql.json(new java.util.TreeMap<>(r.properties())));
    detailRow.setString(
        10,
        r.earlierAttempts().isEmpty()
            ? null
            : Attempts.encode(r.earlierAttempts(), texts::failure));
    detailRow.addBatch();
    if (++details == DETAIL_BATCH) {
      flushDetails();
    }
  }

  /**
   * A test reported again in this run. After a failure, the report is a rerun: the stored result
   * becomes an earlier attempt. After a pass or a skip (or a rerun that passed) it cannot be a
   * rerun (no runner reruns a passed test), so it is another invocation of a test whose parameters
   * the format did not name (TestNG data providers, repeated titles in Jest): a distinct test,
   * {@code name[#2]}.
   */
  private void merge(int firstTestId, int suite, TestResult report) throws SQLException {
    flush();
    long key = report.id().key();
    TestId latest = latestInvocation.getOrDefault(key, report.id());
    int testId = latest == report.id() ? firstTestId : testIds.get(latest.key());
    TestResult earlier = StoredResults.load(c, runId, testId);
    if (!inCurrentFile.get(testId) && sameExecution(earlier, report)) {
      // Another file reports the very same execution (an aggregate such as Ant's
      // TESTS-TestSuites.xml next to the per-class files): count it once.
      repeatedReports++;
      return;
    }
    markInCurrentFile(testId);
    if (earlier.outcome() == Outcome.PASSED
        || earlier.outcome() == Outcome.SKIPPED
        || earlier.outcome() == Outcome.FLAKY) {
      int n = invocations.merge(key, 2, (a, b) -> a + 1);
      String base = report.id().parameters().isEmpty() ? "#" : report.id().parameters() + "#";
      TestId next = new TestId(report.id().suite(), report.id().name(), base + n);
      latestInvocation.put(key, next);
      add(renamed(report, next));
      return;
    }
    TestResult later = renamed(report, earlier.id());
    if (!earlier.id().equals(latest)) {
      problems.add(
          new Problem(
              Location.of("", 0),
              Severity.WARNING,
              "tests '"
                  + earlier.id()
                  + "' and '"
                  + report.id()
                  + "' share an identity hash; stored as one"));
    }
    TestResult merged = earlier.followedBy(later);
    tally(suite, earlier, -1);
    tally(suite, merged, 1);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE results SET outcome = ?, duration_us = ? WHERE run_id = ? AND test_id = ?")) {
      ps.setInt(1, merged.outcome().ordinal());
      Sql.setLong(ps, 2, Sql.micros(merged.duration()));
      ps.setLong(3, runId);
      ps.setInt(4, testId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM result_details WHERE run_id = ? AND test_id = ?")) {
      ps.setLong(1, runId);
      ps.setInt(2, testId);
      ps.executeUpdate();
    }
    if (merged.hasDetails()) {
      writeDetails(testId, merged);
      flushDetails();
    }
  }

  private static boolean sameExecution(TestResult a, TestResult b) {
    return a.outcome() == b.outcome()
        && java.util.Objects.equals(a.duration(), b.duration())
        && a.failure().equals(b.failure())
        && a.stdout().equals(b.stdout())
        && a.attempts() == b.attempts();
  }

  private void markInCurrentFile(int testId) {
    if (!inCurrentFile.get(testId)) {
      inCurrentFile.set(testId);
      if (currentFileCount == currentFileIds.length) {
        currentFileIds = java.util.Arrays.copyOf(currentFileIds, currentFileIds.length * 2);
      }
      currentFileIds[currentFileCount++] = testId;
    }
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
      SuiteTally tally = suites.computeIfAbsent(suiteId(suite.name()), s -> new SuiteTally());
      tally.info = tally.info == null ? suite : mergeInfo(tally.info, suite);
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
    for (int i = 0; i < currentFileCount; i++) {
      inCurrentFile.clear(currentFileIds[i]);
    }
    currentFileCount = 0;
  }

  @Override
  public Run commit(RunStatus status) {
    checkOpen();
    try {
      flush();
      if (repeatedReports > 0) {
        problems.add(
            new Problem(
                Location.of("", 0),
                Severity.WARNING,
                repeatedReports
                    + " test results were reported again by another input file with the same outcome,"
                    + " duration and output (an aggregate report?); each was counted once"));
      }
      Counts total = Counts.of(counts[0], counts[1], counts[2], counts[3], counts[4]);
      RunStatus finalStatus = status != null ? status : RunStatus.of(total, runErrors.size());
      Instant started = start.started();
      Instant finished = start.finished();
      for (SuiteTally t : suites.values()) {
        if (t.info != null && t.info.started() != null) {
          Instant s = t.info.started();
          if (start.started() == null && (started == null || s.isBefore(started))) {
            started = s;
          }
          Instant end = t.info.duration() == null ? s : s.plus(t.info.duration());
          if (start.finished() == null && (finished == null || end.isAfter(finished))) {
            finished = end;
          }
        }
      }
      RunRows.finish(
          c, runId, finalStatus, started, finished, total, runErrors.size(), problems.size());
      RunRows.suites(c, runId, suitesForRows(), texts);
      RunRows.labels(c, runId, start.labels());
      RunRows.problems(c, runId, problems);
      RunRows.runErrors(c, runId, runErrors, texts);
      RunRows.files(c, runId, files);
      texts.flush();
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
          start.attributes(),
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

  private Map<Integer, RunRows.SuiteRow> suitesForRows() {
    Map<Integer, RunRows.SuiteRow> rows = new HashMap<>();
    suites.forEach(
        (id, t) ->
            rows.put(
                id,
                new RunRows.SuiteRow(
                    Counts.of(t.counts[0], t.counts[1], t.counts[2], t.counts[3], t.counts[4]),
                    t.hasDuration ? t.durationMicros : null,
                    t.info)));
    return rows;
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
      for (PreparedStatement ps :
          new PreparedStatement[] {resultRows, resultRow, testRows, testRow, detailRow}) {
        if (ps != null) {
          ps.close();
        }
      }
      if (texts != null) {
        texts.close();
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
