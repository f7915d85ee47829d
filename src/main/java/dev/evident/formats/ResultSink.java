package dev.evident.formats;

import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;

/**
 * Receives what a reader finds, in input order, as soon as it is read. Readers call it from the
 * thread that called {@link ResultReader#read}; implementations need not be thread safe.
 */
public interface ResultSink {

  /** One test result. The same test may be reported again (a rerun); the receiver merges. */
  void test(TestResult result);

  /** Something wrong with the input; reading goes on where it can. */
  void problem(Problem problem);

  /** An error outside any test: collection or build failure, suite setup error, bail-out. */
  void runError(RunError error);

  /** Suite-level facts (timestamp, duration, output). Optional for readers. */
  default void suite(SuiteInfo suite) {}
}
