package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;

/**
 * Writes one run in one transaction, streaming: results are written as they come, in bounded
 * memory. A test reported twice becomes one result with attempts ({@link TestResult#followedBy}).
 * Not thread safe: one thread feeds a writer. Closing without {@link #commit} discards everything.
 */
public interface RunWriter extends AutoCloseable {

  void add(TestResult result);

  void suite(SuiteInfo suite);

  void problem(Problem problem);

  void runError(RunError error);

  /**
   * Records an input file. Call it after that file's results: the writer tells a test that one file
   * reports twice (a rerun, or another invocation) from one that two files report (the same
   * execution in an aggregate report, counted once).
   */
  void file(InputFile file);

  /** Records where some of the run's result files were found and the suites they hold. */
  default void place(dev.evident.model.ResultPlace place) {}

  /**
   * Counts a runner printed in its console summary, used for the run when no result was read (no
   * result file appeared). Ignored when there are results.
   */
  void consoleCounts(Counts counts);

  /**
   * Keeps what a command printed on one stream ({@code stdout}, {@code stderr}): a bounded excerpt
   * (head and tail) and the full length in bytes.
   */
  void log(String stream, String excerpt, long fullLength);

  /**
   * Adds facts about the run learned from its input (a model named by a suite's properties); a key
   * the run was started with keeps its value. Stored when the run commits.
   */
  void attributes(java.util.Map<String, String> learned);

  /** The counts of the results added so far. */
  Counts counts();

  /**
   * Finishes the run and makes it visible.
   *
   * @param status the status to store, or null to derive it from the results
   */
  Run commit(RunStatus status);

  /** Discards the run unless it was committed. */
  @Override
  void close();
}
