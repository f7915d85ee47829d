package dev.evident.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where one category of tests stands in a run against its target, and how it got there.
 *
 * @param name the category's name, or {@code uncategorised} for the tests in no category
 * @param category the category as declared, or null for the uncategorised tests
 * @param counts the category's tests in the run
 * @param checks one per part of the target that is set, in the order tests, passed, pass rate;
 *     empty without a target
 * @param history the category's counts in each run of the history, oldest first, ending with the
 *     run itself
 */
public record CategoryProgress(
    String name,
    TestCategory category,
    Counts counts,
    List<TargetCheck> checks,
    List<RunCounts> history) {

  public CategoryProgress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(counts, "counts");
    checks = List.copyOf(checks);
    history = List.copyOf(history);
  }

  public boolean hasTarget() {
    return !checks.isEmpty();
  }

  /** Whether there is a target and every part of it is met. */
  public boolean met() {
    return hasTarget() && checks.stream().allMatch(TargetCheck::met);
  }

  /** Tests that passed, on the first try or on a retry (flaky). */
  public long passed() {
    return counts.passed() + counts.flaky();
  }

  /**
   * One part of a target, checked.
   *
   * @param kind which part
   * @param goal the target: a number of tests, or a share from 0 to 1 for {@link Kind#PASS_RATE}
   * @param actual tests that exist ({@link Kind#TESTS}) or passed (the others)
   * @param of the denominator: the goal for {@link Kind#TESTS}, else the tests that exist
   * @param met whether the part is met; never for a pass rate of no tests
   */
  public record TargetCheck(Kind kind, double goal, long actual, long of, boolean met) {

    /** The parts of a target. */
    public enum Kind {
      TESTS,
      PASSED,
      PASS_RATE
    }

    public TargetCheck {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A category's counts in one run of the history. */
  public record RunCounts(long run, Instant when, Counts counts) {
    public RunCounts {
      Objects.requireNonNull(counts, "counts");
    }
  }
}
