package dev.evident.model;

import java.math.BigDecimal;

/**
 * The quality gates of a project: the {@code gates} section of {@code evident.yaml}, or the options
 * of {@code evident gate}. Each rule is null when it is not set; {@link #NONE} sets none.
 *
 * @param maxNewFailures at most this many tests may fail that did not fail in the baseline
 * @param minPassRate at least this percentage (0 to 100, as written: 95, 99.5) of the executed
 *     tests passed, flaky ones included
 * @param minExecuted at least this many tests executed
 * @param maxFlaky at most this many tests passed only on a retry
 * @param noBroken when true, the run must not be BROKEN, BLOCKED or INTERRUPTED nor have errors
 *     outside tests
 * @param baseline the run new failures are counted against ({@code 12}, {@code branch:main}), or
 *     null for the previous run of the run's branch
 */
public record GateRules(
    Integer maxNewFailures,
    BigDecimal minPassRate,
    Long minExecuted,
    Integer maxFlaky,
    Boolean noBroken,
    String baseline) {

  /** No rule set. */
  public static final GateRules NONE = new GateRules(null, null, null, null, null, null);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public GateRules {
    if (maxNewFailures != null && maxNewFailures < 0) {
      throw new IllegalArgumentException("max new failures below 0: " + maxNewFailures);
    }
    if (minPassRate != null && (minPassRate.signum() < 0 || minPassRate.compareTo(HUNDRED) > 0)) {
      throw new IllegalArgumentException("pass rate outside 0..100: " + minPassRate);
    }
    if (minExecuted != null && minExecuted < 0) {
      throw new IllegalArgumentException("min executed below 0: " + minExecuted);
    }
    if (maxFlaky != null && maxFlaky < 0) {
      throw new IllegalArgumentException("max flaky below 0: " + maxFlaky);
    }
    baseline = baseline == null || baseline.isBlank() ? null : baseline.strip();
  }

  /** Whether no rule is set (a baseline alone is no rule). */
  public boolean isEmpty() {
    return maxNewFailures == null
        && minPassRate == null
        && minExecuted == null
        && maxFlaky == null
        && !Boolean.TRUE.equals(noBroken);
  }

  /** These rules with every rule and the baseline that {@code overrides} sets replaced by its. */
  public GateRules overriddenBy(GateRules overrides) {
    return new GateRules(
        overrides.maxNewFailures != null ? overrides.maxNewFailures : maxNewFailures,
        overrides.minPassRate != null ? overrides.minPassRate : minPassRate,
        overrides.minExecuted != null ? overrides.minExecuted : minExecuted,
        overrides.maxFlaky != null ? overrides.maxFlaky : maxFlaky,
        overrides.noBroken != null ? overrides.noBroken : noBroken,
        overrides.baseline != null ? overrides.baseline : baseline);
  }
}
