package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * The flakiness of a project's tests over a window of its runs.
 *
 * @param project the project
 * @param settings the settings used (window, thresholds)
 * @param runs the runs of the window, oldest first (queued and running ones left out)
 * @param outages the runs left out as outages, oldest first, with why
 * @param tests the tests with evidence of flakiness (FLAKY, RECOVERED, WATCH), highest score first
 * @param total the tests that appear in the window's runs
 * @param byVerdict how many tests have each verdict, in {@link TestFlakiness.Verdict} order
 */
public record FlakinessReport(
    String project,
    FlakySettings settings,
    List<Long> runs,
    List<Outage> outages,
    List<TestFlakiness> tests,
    int total,
    List<Integer> byVerdict) {

  public FlakinessReport {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(settings, "settings");
    runs = List.copyOf(runs);
    outages = List.copyOf(outages);
    tests = List.copyOf(tests);
    byVerdict = List.copyOf(byVerdict);
    if (byVerdict.size() != TestFlakiness.Verdict.values().length) {
      throw new IllegalArgumentException("one count per verdict");
    }
  }

  /** How many tests have this verdict. */
  public int count(TestFlakiness.Verdict verdict) {
    return byVerdict.get(verdict.ordinal());
  }

  /** The tests with this verdict, highest score first. */
  public List<TestFlakiness> with(TestFlakiness.Verdict verdict) {
    return tests.stream().filter(t -> t.verdict() == verdict).toList();
  }

  /**
   * A run left out of the scoring because most of its tests failed for one system-level cause.
   *
   * @param run the run id
   * @param failed its failed and errored tests
   * @param executed its executed tests
   * @param sharedCause how many of the failures share the most common cause
   * @param cause that cause's first line
   */
  public record Outage(long run, long failed, long executed, long sharedCause, String cause) {
    public Outage {
      cause = cause == null ? "" : cause;
    }
  }
}
