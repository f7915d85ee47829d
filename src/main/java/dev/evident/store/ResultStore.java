package dev.evident.store;

import dev.evident.model.FailureLabel;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
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
   * with its schema when missing) or a {@code jdbc:sqlite:} URL.
   */
  static ResultStore open(String db) {
    if (db.startsWith("jdbc:sqlite:")) {
      return SqliteStore.open(Path.of(db.substring("jdbc:sqlite:".length())));
    }
    if (db.startsWith("jdbc:")) {
      throw new StoreException(
          "unsupported database URL "
              + db
              + ": this version stores in SQLite (a file path or jdbc:sqlite:)");
    }
    return SqliteStore.open(Path.of(db));
  }

  /** Starts writing a run. The run becomes visible when the writer commits. */
  RunWriter startRun(RunStart start);

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

  /** Receives results from {@link #results}. */
  @FunctionalInterface
  interface ResultSink {
    void accept(long testRef, Outcome outcome, long micros);
  }

  /**
   * Hands the source file and the tags of the results of a run that have either to {@code sink}
   * (the others have neither), on the calling thread. The sink must not use this store.
   */
  void sources(long runId, SourceSink sink);

  /** Receives results from {@link #sources}. */
  @FunctionalInterface
  interface SourceSink {
    /**
     * @param testRef the test's ref
     * @param file the source file, or null
     * @param tags the tags, empty when none
     */
    void accept(long testRef, String file, List<String> tags);
  }

  /** The identities of tests by their refs; refs the store does not know are left out. */
  Map<Long, TestId> tests(Collection<Long> refs);

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
