package dev.evident.execute;

import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Knows one test runner: recognises its command line, asks it for machine-readable results without
 * the user configuring anything, and reads what it prints. Implementations are stateless and thread
 * safe.
 */
public interface RunnerAdapter {

  /** A short name: {@code pytest}, {@code maven}, {@code gradle}, {@code go}, ... */
  String name();

  /** Whether this adapter handles the command (program name and arguments as the user typed). */
  boolean handles(List<String> command);

  /**
   * The command to run and where its results will be.
   *
   * @param command the user's command
   * @param workDir where it runs
   * @param scratch a fresh empty directory for result files the adapter asks the runner to write
   */
  Invocation prepare(List<String> command, Path workDir, Path scratch);

  /**
   * Counts from the runner's own console summary ("3 passed, 1 failed in 0.12s"), for when no
   * result file appeared. Empty when the output has no summary this adapter understands.
   */
  default Optional<ConsoleSummary> summarize(List<String> outputTail) {
    return Optional.empty();
  }

  /** Follows the output while the command runs, for the live progress line. */
  default ProgressCounter progress() {
    return ProgressCounter.NONE;
  }

  /**
   * The tests the runner's console output names one by one, for runners whose output is the only
   * source of results ({@code cargo test}'s libtest lines, nextest's status lines); use them when
   * no result file appeared. A test reported twice (a retry) appears twice, in order, to be merged
   * as attempts. Empty by default and when the output names no test.
   *
   * @param lines the command's whole output in order, stdout and stderr merged as they came (cargo
   *     prints which test binary runs on stderr and the test lines on stdout; without the binary
   *     lines, tests of different binaries cannot be told apart)
   */
  default List<TestResult> testsFromOutput(List<String> lines) {
    return List.of();
  }

  /**
   * Why a run that executed nothing broke, from the tail of its output: a collection error, a
   * compile error, a missing module. Empty when the output does not say.
   */
  default Optional<String> whyBroken(List<String> outputTail) {
    return Optional.empty();
  }

  /**
   * Whether this exit code means "no tests were found" rather than a failure (pytest exits 5), so
   * that a run that executed nothing with it is EMPTY, not BROKEN.
   */
  default boolean meansNoTests(int exitCode) {
    return false;
  }
}
