package dev.evident.model;

/**
 * How flakiness is scored: the {@code flaky} section of {@code evident.yaml}. See README.md,
 * "evident flaky".
 *
 * @param window how many of a project's newest runs are looked at
 * @param minRuns how many runs (outages left out) a test needs before it gets a verdict
 * @param threshold the score from which a test is flaky, in (0, 1]
 * @param recoveryRuns how many consistent runs in a row make a flaky test recovered
 * @param outageShare the share of executed tests that must fail (most of them for one cause) for a
 *     run to be an outage, which is left out, in (0, 1)
 */
public record FlakySettings(
    int window, int minRuns, double threshold, int recoveryRuns, double outageShare) {

  /** The defaults: the last 50 runs, 5 runs at least, 0.05, recovered after 10, outage over 50%. */
  public static final FlakySettings DEFAULT = new FlakySettings(50, 5, 0.05, 10, 0.5);

  public FlakySettings {
    if (window < 2) {
      throw new IllegalArgumentException("window must be 2 runs or more, not " + window);
    }
    if (minRuns < 2) {
      throw new IllegalArgumentException("min_runs must be 2 or more, not " + minRuns);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "threshold must be above 0 and at most 1, not " + threshold);
    }
    if (recoveryRuns < 1) {
      throw new IllegalArgumentException("recovery_runs must be 1 or more, not " + recoveryRuns);
    }
    if (!(outageShare > 0 && outageShare < 1)) {
      throw new IllegalArgumentException(
          "outage_share must be above 0 and below 1, not " + outageShare);
    }
  }

  /** The same settings with another window. */
  public FlakySettings withWindow(int runs) {
    return new FlakySettings(runs, minRuns, threshold, recoveryRuns, outageShare);
  }
}
