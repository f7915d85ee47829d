package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.FailureLabel;
import dev.evident.model.Outcome;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where runs and their results are kept. Implementations are thread safe; a run is visible complete
 * or not at all.
 */
public interface ResultStore extends AutoCloseable {

  /**
   * Opens the store a {@code --db} option names: a file path for the embedded SQLite store (created
   * with its schema when missing), a {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql:} URL
   * (credentials from the environment, see {@link Credentials#from}). Either is migrated to the
   * newest schema.
   */
  static ResultStore open(String db) {
    return open(db, (Path) null);
  }

  /** As {@link #open(String)}, with a {@code --db-password-file} (or null) for PostgreSQL. */
  static ResultStore open(String db, Path passwordFile) {
    return open(
        db,
        db.startsWith(PostgresDatabase.PREFIX)
            ? Credentials.from(System.getenv(), passwordFile)
            : Credentials.NONE);
  }

  /** As {@link #open(String)}, with the credentials for a PostgreSQL URL given. */
  static ResultStore open(String db, Credentials credentials) {
    quietSlf4j();
    if (db.startsWith(PostgresDatabase.PREFIX)) {
      return new JdbcStore(PostgresDatabase.open(db, credentials));
    }
    if (db.startsWith("jdbc:sqlite:")) {
      return new JdbcStore(SqliteDatabase.open(Path.of(db.substring("jdbc:sqlite:".length()))));
    }
    if (db.startsWith("jdbc:")) {
      throw new StoreException(
          "unsupported database URL "
              + PostgresDatabase.redactAny(db)
              + ": use a SQLite file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB");
    }
    return new JdbcStore(SqliteDatabase.open(Path.of(db)));
  }

  /**
   * As {@link #open(String, Path)}, for a command that writes a run at once: a SQLite file that
   * does not exist yet is written aside and put in place when the run is committed (or the store
   * closed), without a write-ahead log to copy back.
   */
  static ResultStore openToWrite(String db, Path passwordFile) {
    if (db.startsWith("jdbc:")) {
      return open(db, passwordFile);
    }
    quietSlf4j();
    return new JdbcStore(SqliteDatabase.openAside(Path.of(db)));
  }

  private static void quietSlf4j() {
    // sqlite-jdbc, HikariCP and Flyway find SLF4J without a provider and would warn on stderr.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  /** Starts writing a run. The run becomes visible when the writer commits. */
  RunWriter startRun(RunStart start);

  /**
   * Stores a RUNNING run with no results at once (its id is known and visible while its command
   * runs); {@link #startRun(RunStart, long)} fills it in later, or {@link #interruptReserved} ends
   * it when nothing will.
   */
  long reserveRun(RunStart start);

  /**
   * Starts writing the results of a run {@link #reserveRun} made; when the writer commits, the run
   * has them and its final status.
   *
   * @throws StoreException when that run is no longer RUNNING
   */
  RunWriter startRun(RunStart start, long reservedRunId);

  /** Ends a reserved run that is still RUNNING as INTERRUPTED; false when it was not running. */
  boolean interruptReserved(long runId, java.time.Instant at);

  /** The newest runs first, of one project or of all when {@code project} is null. */
  List<Run> runs(String project, int limit);

  Optional<Run> run(long id);

  /** The newest run of a project, or of all projects when {@code project} is null. */
  Optional<Run> latest(String project);

  /**
   * Everything {@code show} prints about a run: suites, failures (at most {@code maxFailures}),
   * problems, run errors, input files.
   */
  RunDetail detail(long runId, int maxFailures);

  /**
   * What the command of a run printed, by stream ({@code stdout}, {@code stderr}); empty for
   * ingests.
   */
  java.util.Map<String, dev.evident.model.Excerpt> logs(long runId);

  /**
   * Runs with ids above {@code afterId} (of every project), oldest first, at most {@code limit}.
   */
  List<Run> runsAfter(long afterId, int limit);

  /**
   * Hands the failed, errored and flaky results of a run to {@code sink}, in test order, on the
   * calling thread. Memory stays bounded however many there are: results are read as they are
   * handed on, and each distinct failure text is decoded once while it is used often. The sink must
   * not write to this store.
   */
  void failures(long runId, Consumer<StoredFailure> sink);

  /**
   * Hands every result of a run to {@code sink} as the test's ref (stable across the runs of its
   * project, see {@link #tests}), its outcome and its duration in microseconds (-1 when unknown),
   * suite by suite in the order of suite ids, each suite's results by ordinal, on the calling
   * thread. Cheap: a run's results are a few rows, one per suite. The sink must not use this store.
   */
  void results(long runId, ResultSink sink);

  /**
   * Hands a whole run to {@code sink} for an export: each suite (in the order of suite ids) and
   * then its results by ordinal, each with its name, failure, earlier attempts and source, on the
   * calling thread. Memory stays bounded by the largest suite, however large the run. The sink must
   * not use this store.
   */
  void export(long runId, dev.evident.model.ExportSink sink);

  /** Receives results from {@link #results}. */
  @FunctionalInterface
  interface ResultSink {
    void accept(long testRef, Outcome outcome, long micros);
  }

  /**
   * The newest runs made on a branch, newest first: runs whose {@code git.branch} attribute or
   * {@code branch} label is {@code branch}, of one project or of all when {@code project} is null.
   */
  List<Run> runsOnBranch(String project, String branch, int limit);

  /**
   * The branches of a project's runs ({@code git.branch} attribute or {@code branch} label) with
   * their number of runs, the branch of the newest run first; every project's when null.
   */
  Map<String, Integer> branches(String project);

  /**
   * Every test of one suite of a project by ref, in the order they were first seen; empty when the
   * project has no suite of that name.
   */
  Map<Long, TestId> suiteTests(String project, String suite);

  /**
   * Hands one test's result in each run with an id from {@code fromRunId} to {@code toRunId} (both
   * included) that has one, run ids ascending, on the calling thread. Reads only the test's suite's
   * row of each run, found by an index: cheap however large the runs are. The sink must not use
   * this store.
   */
  void testResults(long testRef, long fromRunId, long toRunId, TestResultSink sink);

  /** Receives results from {@link #testResults}. */
  @FunctionalInterface
  interface TestResultSink {
    void accept(long runId, Outcome outcome, long micros);
  }

  /**
   * Hands the facts of a run's results to {@code sink}: for every result with a source file, tags
   * or properties (passed or not), its ref and those, in ref order, on the calling thread. The sink
   * must not use this store.
   */
  void facts(long runId, FactSink sink);

  /**
   * Where a run's result files were found: each suite's directories below the directory or glob
   * that found them ({@code ledger-core/target/surefire-reports}), for suites read from such files.
   */
  Map<String, List<String>> places(long runId);

  /** Receives facts from {@link #facts}. */
  @FunctionalInterface
  interface FactSink {
    void accept(long testRef, TestFacts facts);
  }

  /**
   * The runs of a project with ids up to {@code id}, that run included when it is the project's,
   * newest first, at most {@code limit}.
   */
  List<Run> runsUpTo(String project, long id, int limit);

  /** The identities of tests by their refs; refs the store does not know are left out. */
  Map<Long, TestId> tests(Collection<Long> refs);

  /**
   * Hands every test a project's runs have had to {@code sink} with its ref, suite by suite, on the
   * calling thread. Nothing for an unknown project. The sink must not use this store.
   */
  void tests(String project, TestSink sink);

  /** Receives tests from {@link #tests(String, TestSink)}. */
  @FunctionalInterface
  interface TestSink {
    void accept(long testRef, TestId test);
  }

  /**
   * Hands the distinct failure texts of a run's failed and errored results to {@code sink}, each
   * with how many of those results have it, the most common first, on the calling thread. Each text
   * is decoded once. The sink must not use this store.
   */
  void failureCauses(long runId, FailureCauseSink sink);

  /** Receives failure texts from {@link #failureCauses}. */
  @FunctionalInterface
  interface FailureCauseSink {
    void accept(Failure failure, long count);
  }

  /**
   * Hands the distinct skip reasons of a run's skipped results to {@code sink}, each with how many
   * results have it and the ref of the first such test, the most common first, on the calling
   * thread; a skip without a reason comes as {@link Failure#NONE}. The sink must not use this
   * store.
   */
  void skipReasons(long runId, SkipReasonSink sink);

  /** Receives skip reasons from {@link #skipReasons}. */
  @FunctionalInterface
  interface SkipReasonSink {
    void accept(Failure reason, long count, long firstTestRef);
  }

  /**
   * Where the failed and errored tests of a run are defined (file and line), by test ref; tests
   * whose format gave no source file are left out.
   */
  Map<Long, dev.evident.model.Location> failureSources(long runId);

  /**
   * Puts a test in quarantine (its project is created when it has no runs yet), or gives a test
   * already there the new reason and date.
   */
  QuarantinedTest quarantine(QuarantinedTest test);

  /** Takes a test out of quarantine; false when it was not there. */
  boolean unquarantine(String project, String test);

  /** The quarantined tests of a project, or of all projects when null; by project and test. */
  List<QuarantinedTest> quarantined(String project);

  /**
   * The runner of a run, for classification: the {@code runner} attribute of runs made by {@code
   * evident run} ({@code pytest}, {@code maven}, ...), else the format most of its input files have
   * ({@code junit}, {@code gotest}, ...), else empty.
   */
  String runner(long runId);

  /**
   * A random id given to the store when it was created: tells it apart from another store created
   * later at the same path.
   */
  String id();

  /** Stores a label and returns it with its id and source test. */
  FailureLabel addLabel(NewLabel label);

  /** The labels of a project, or of every project when {@code project} is null; newest first. */
  List<FailureLabel> labels(String project);

  /** The labels of a project given to any of these fingerprints; newest first. */
  List<FailureLabel> labels(String project, Collection<String> fingerprints);

  @Override
  void close();
}
