package dev.evident.model;

import java.util.Map;
import java.util.Objects;

/**
 * The failures of one run whose tests are in quarantine (as the quarantine list is now).
 *
 * @param reasons the quarantined tests among the run's failed, errored and flaky tests, with the
 *     reason each was put in quarantine (possibly empty)
 * @param broken how many of the run's failed and errored tests are quarantined
 * @param flaky how many of its flaky tests are quarantined
 */
public record RunQuarantine(Map<TestId, String> reasons, long broken, long flaky) {

  /** Nothing quarantined. */
  public static final RunQuarantine NONE = new RunQuarantine(Map.of(), 0, 0);

  public RunQuarantine {
    reasons = Map.copyOf(Objects.requireNonNull(reasons, "reasons"));
    if (broken < 0 || flaky < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /**
   * Whether every failed and errored test of a FAILED run is quarantined and nothing failed outside
   * tests: the run's status stays FAILED, but an exit code may forgive it.
   */
  public boolean forgives(Run run) {
    Counts c = run.counts();
    return run.status() == RunStatus.FAILED
        && run.runErrors() == 0
        && broken > 0
        && broken == c.failed() + c.errored();
  }

  /** The flaky tests of a run that are not quarantined. */
  public long unquarantinedFlaky(Run run) {
    return run.counts().flaky() - flaky;
  }
}
