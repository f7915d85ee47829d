package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one run in one transaction, on one connection of the store. Identities are resolved in
 * memory against the project's known tests, each suite's loaded when the run first names it;
 * results are kept per suite in memory (a few bytes each) and written at commit as one row per
 * suite; details of results that are not plain passes are written as they come, in batches. Holds
 * its connection (SQLite: the store's lock) from start to commit or close.
 */
final class JdbcRunWriter implements RunWriter {

  private final JdbcStore store;
  private final Connection c;
  private final RunStart start;
  private final Map<String, String> learned = new java.util.TreeMap<>();
  private final Instant created = Instant.now();
  private final long runId;
  private final TestIdentities tests;

  private final Map<Long, SuiteResults> results = new LinkedHashMap<>();
  private final Details details;

  /** How many invocations of a test with unnamed parameters were seen, by test key. */
  private final Map<Long, Integer> invocations = new HashMap<>();

  /** The newest invocation of such a test, where a rerun after a failure belongs. */
  private final Map<Long, TestId> latestInvocation = new HashMap<>();

  private final List<Problem> problems = new ArrayList<>();
  private final List<RunError> runErrors = new ArrayList<>();
  private final List<InputFile> files = new ArrayList<>();
  private final List<dev.evident.model.ResultPlace> places = new ArrayList<>();
  private final List<Log> logs = new ArrayList<>();
  private Counts consoleCounts;

  /** A stream's excerpt, kept until commit. */
  record Log(String stream, String excerpt, long fullLength) {}

  private int fileIndex;
  private long repeatedReports;
  private boolean finished;

  JdbcRunWriter(JdbcStore store, RunStart start) {
    this(store, start, null);
  }

  /** A writer of a new run, or of the run {@code reservedRunId} reserved (when not null). */
  JdbcRunWriter(JdbcStore store, RunStart start, Long reservedRunId) {
    this.store = store;
    this.start = start;
    this.c = store.begin();
    try {
      tests =
          TestIdentities.load(c, store.database().dialect(), start.project(), Sql.instant(created));
      runId =
          reservedRunId == null
              ? RunRows.insert(c, tests.projectId(), start, Sql.instant(created))
              : RunRows.reuse(c, reservedRunId, start);
      details = new Details(c, runId);
    } catch (SQLException | RuntimeException e) {
      abort();
      throw e instanceof SQLException sql ? store.failure(sql) : (RuntimeException) e;
    }
  }

  private SuiteResults results(long suiteId) {
    if (lastResults == null || lastResults.suiteId != suiteId) {
      lastResults = results.computeIfAbsent(suiteId, SuiteResults::new);
    }
    return lastResults;
  }

  /** The suite of the previous result, which most results share (no lookup, no boxing). */
  private SuiteResults lastResults;

  /** The suite string of the previous result and its part of the identity key. */
  private String keySuite;

  private long suiteKey;

  @Override
  public void add(TestResult result) {
    checkOpen();
    try {
      TestId id = result.id();
      if (id.suite() != keySuite) {
        // Readers hand over one string for the tests of a suite: its part of the key once.
        keySuite = id.suite();
        suiteKey = TestId.suiteKey(keySuite);
      }
      long key = TestId.key(suiteKey, id.name(), id.parameters());
      long suiteId = tests.suiteId(id.suite());
      long ref = tests.ref(suiteId, key);
      if (ref == LongLongMap.MISSING) {
        ref = tests.newTest(suiteId, key, id);
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
      throw store.failure(e);
    }
  }

  private static long micros(TestResult r) {
    Long micros = Sql.micros(r.duration());
    return micros == null ? SuiteResults.NO_DURATION : micros;
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
    long ref = tests.ref(tests.suiteId(latest.suite()), latest.key());
    SuiteResults suite = results(TestRefs.suite(ref));
    int position = suite.position(TestRefs.ordinal(ref));
    details.flush();
    TestResult earlier =
        details.read(ref, latest, suite.outcome(position), Sql.duration(suite.micros(position)));
    if (suite.file(position) != fileIndex && SuiteInfos.sameExecution(earlier, report)) {
      repeatedReports++;
      return;
    }
    Outcome before = earlier.outcome();
    if (before == Outcome.PASSED || before == Outcome.SKIPPED || before == Outcome.FLAKY) {
      int n = invocations.merge(key, 2, (a, b) -> a + 1);
      String base = report.id().parameters().isEmpty() ? "#" : report.id().parameters() + "#";
      TestId next = new TestId(report.id().suite(), report.id().name(), base + n);
      latestInvocation.put(key, next);
      add(SuiteInfos.renamed(report, next));
      return;
    }
    TestResult merged = earlier.followedBy(SuiteInfos.renamed(report, latest));
    suite.set(position, merged.outcome(), micros(merged), fileIndex);
    details.replace(ref, merged);
  }

  @Override
  public void suite(SuiteInfo suite) {
    checkOpen();
    try {
      SuiteResults results = results(tests.suiteId(suite.name()));
      results.info = results.info == null ? suite : SuiteInfos.merge(results.info, suite);
    } catch (SQLException e) {
      throw store.failure(e);
    }
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
  public void place(dev.evident.model.ResultPlace place) {
    checkOpen();
    places.add(place);
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
    more.forEach((k, v) -> learned.put(k, v));
    start.attributes().keySet().forEach(learned::remove);
  }

  @Override
  public Run commit(RunStatus status) {
    checkOpen();
    try {
      details.flush();
      if (repeatedReports > 0) {
        problems.add(SuiteInfos.repeatedReports(repeatedReports));
      }
      Counts total = counts();
      SuiteInfos.Span span = SuiteInfos.span(start, results.values());
      RunStatus finalStatus = status != null ? status : RunStatus.of(total, runErrors.size());
      tests.flushSuites();
      RunRows.names(c, tests.newNames());
      RunRows.suites(c, runId, results.values(), details.texts());
      RunRows.finish(
          c,
          runId,
          finalStatus,
          span.started(),
          span.finished(),
          total,
          runErrors.size(),
          problems.size());
      Map<String, String> attributes = start.attributes();
      if (!learned.isEmpty()) {
        attributes = new java.util.TreeMap<>(learned);
        attributes.putAll(start.attributes());
        RunRows.attributes(c, runId, attributes);
      }
      RunRows.labels(c, runId, start.labels());
      RunRows.problems(c, runId, problems);
      RunRows.runErrors(c, runId, runErrors, details.texts());
      RunRows.files(c, runId, files);
      RunRows.places(c, runId, places);
      RunRows.logs(c, runId, logs);
      details.flush();
      c.commit();
      finished(true);
      return new Run(
          runId,
          start.project(),
          start.source(),
          created,
          span.started(),
          span.finished(),
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
      throw store.failure(e);
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
      if (tests != null) {
        tests.close();
      }
    } catch (SQLException e) {
      throw store.failure(e);
    } finally {
      store.database().release(c);
    }
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
