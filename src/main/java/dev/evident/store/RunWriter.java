package dev.evident.store;

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
