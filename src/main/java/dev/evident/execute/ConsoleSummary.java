package dev.evident.execute;

import java.util.Objects;

/**
 * Counts a runner printed in its console summary.
 *
 * @param passed passed tests
 * @param failed failed tests
 * @param errored errored tests
 * @param skipped skipped tests
 * @param line the summary line they were read from, for the run's problems
 */
public record ConsoleSummary(long passed, long failed, long errored, long skipped, String line) {
  public ConsoleSummary {
    Objects.requireNonNull(line, "line");
  }

  /** All tests the summary counts, skipped ones included. */
  public long total() {
    return passed + failed + errored + skipped;
  }
}
