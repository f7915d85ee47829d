package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * A run checked against quality gates: one check per rule set, with the numbers it was decided on.
 * Quarantined tests are left out of every count.
 *
 * @param run the run checked
 * @param baseline what new failures were counted against; null when no rule needs one
 * @param counted the run's counts without the quarantined tests
 * @param quarantined the counts of the quarantined tests in the run, left out
 * @param quarantinedNewFailures new failures of quarantined tests, left out
 * @param checks one per rule set, in the order max-new-failures, min-pass-rate, min-executed,
 *     max-flaky, no-broken
 */
public record GateReport(
    Run run,
    Baseline baseline,
    Counts counted,
    Counts quarantined,
    long quarantinedNewFailures,
    List<Check> checks) {

  public GateReport {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(counted, "counted");
    Objects.requireNonNull(quarantined, "quarantined");
    checks = List.copyOf(checks);
  }

  /** Whether every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /** The checks that failed. */
  public List<Check> failed() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  /** A rule of a gate, named as the option that sets it. */
  public enum Rule {
    MAX_NEW_FAILURES("max-new-failures"),
    MIN_PASS_RATE("min-pass-rate"),
    MIN_EXECUTED("min-executed"),
    MAX_FLAKY("max-flaky"),
    NO_BROKEN("no-broken");

    private final String option;

    Rule(String option) {
      this.option = option;
    }

    /** The option's name without dashes: {@code min-pass-rate}. */
    public String option() {
      return option;
    }
  }

  /**
   * One rule checked.
   *
   * @param rule the rule
   * @param limit the rule's limit as set (a count, or a percentage for min-pass-rate); null for
   *     no-broken
   * @param value what was measured: new failures, passed (flaky included), executed, flaky tests,
   *     or errors outside tests
   * @param of its denominator: executed tests (for min-executed: collected tests); 0 for no-broken
   * @param passed whether the rule holds
   * @param tests up to ten of the tests that made it fail (new failures, flaky tests), by name
   */
  public record Check(
      Rule rule, Number limit, long value, long of, boolean passed, List<TestId> tests) {
    public Check {
      Objects.requireNonNull(rule, "rule");
      tests = List.copyOf(tests);
    }
  }

  /**
   * The run that new failures were counted against.
   *
   * @param run the baseline run, or null when there is none: then every failure is new
   * @param how how it was chosen, for the reader: {@code the previous run on branch main}
   */
  public record Baseline(Run run, String how) {
    public Baseline {
      Objects.requireNonNull(how, "how");
    }
  }
}
