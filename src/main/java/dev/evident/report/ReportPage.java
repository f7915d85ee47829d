package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.RunStatus;
import java.util.List;

/**
 * What the HTML report shows beside a {@link StatusReport}: the project's trend up to the run and
 * every test of the run, for the charts and the searchable list of all tests.
 *
 * @param trend the runs of the project up to the reported run, oldest first
 * @param tests every result of the run, in the store's order (suite by suite)
 */
public record ReportPage(List<TrendPoint> trend, List<TestRow> tests) {

  public ReportPage {
    trend = List.copyOf(trend);
    tests = List.copyOf(tests);
  }

  /**
   * One run of the trend.
   *
   * @param testMicros the sum of its tests' known durations
   */
  public record TrendPoint(long run, RunStatus status, Counts counts, long testMicros) {}

  /** One result: the test as {@code show} prints it, its outcome, its duration (-1 unknown). */
  public record TestRow(String test, Outcome outcome, long micros) {}
}
