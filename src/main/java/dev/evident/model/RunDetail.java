package dev.evident.model;

import java.time.Duration;
import java.util.List;

/**
 * A run with what {@code show} prints about it.
 *
 * @param run the run
 * @param suites per-suite counts, in suite name order
 * @param failures failed, errored and flaky tests, at most the number asked for
 * @param totalFailures how many failed, errored and flaky tests there are in all
 * @param problems problems found while reading the input
 * @param runErrors errors outside tests
 * @param files the input files
 */
public record RunDetail(
    Run run,
    List<SuiteCounts> suites,
    List<FailedTest> failures,
    long totalFailures,
    List<Problem> problems,
    List<RunError> runErrors,
    List<InputFile> files) {

  public RunDetail {
    suites = List.copyOf(suites);
    failures = List.copyOf(failures);
    problems = List.copyOf(problems);
    runErrors = List.copyOf(runErrors);
    files = List.copyOf(files);
  }

  /** Counts of one suite in a run; duration is the sum of its tests' durations, or null. */
  public record SuiteCounts(String name, Counts counts, Duration duration) {}

  /** A failed, errored or flaky test with its failure. */
  public record FailedTest(
      TestId id, Outcome outcome, Duration duration, Failure failure, int attempts) {}
}
