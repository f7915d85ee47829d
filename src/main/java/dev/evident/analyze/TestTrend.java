package dev.evident.analyze;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One test over the last runs of its project: its outcome and duration in each.
 *
 * @param test the test
 * @param points the runs of the window, oldest first
 * @param wholeHistory whether the window holds every run of the project
 */
public record TestTrend(TestId test, List<Point> points, boolean wholeHistory) {

  public TestTrend {
    Objects.requireNonNull(test, "test");
    points = points.stream().sorted(java.util.Comparator.comparingLong(p -> p.run().id())).toList();
  }

  /**
   * The test in one run.
   *
   * @param run the run
   * @param outcome its outcome, or null when the run has no result for it
   * @param micros its duration in microseconds, -1 when unknown or absent
   */
  public record Point(Run run, Outcome outcome, long micros) {}

  /** The runs in which it had this outcome. */
  public int count(Outcome outcome) {
    return (int) points.stream().filter(p -> p.outcome() == outcome).count();
  }

  /** The runs in which it executed (any outcome but skipped). */
  public int executed() {
    return (int) points.stream().filter(p -> p.outcome() != null && p.outcome().executed()).count();
  }

  /** The runs that have no result for it. */
  public int absent() {
    return (int) points.stream().filter(p -> p.outcome() == null).count();
  }

  /** The runs in which it passed, on the first try or on a rerun (flaky). */
  public int passed() {
    return count(Outcome.PASSED) + count(Outcome.FLAKY);
  }

  /** Its known durations, oldest run first. */
  public long[] durations() {
    return points.stream().mapToLong(Point::micros).filter(m -> m >= 0).toArray();
  }

  /** The median of its known durations, or -1 when none is known. */
  public long medianMicros() {
    long[] d = durations();
    if (d.length == 0) {
      return -1;
    }
    Arrays.sort(d);
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }
}
