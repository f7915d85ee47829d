package dev.evident.analyze;

import dev.evident.model.Counts;
import dev.evident.model.GateReport;
import dev.evident.model.GateReport.Check;
import dev.evident.model.GateReport.Rule;
import dev.evident.model.GateRules;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a run against quality gates. Pure: the run's results, the quarantined tests and the
 * baseline's results come in; test names are looked up only for the few tests a report lists.
 */
public final class Gate {

  /** How many tests a failed check names. */
  static final int EXAMPLES = 10;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Gate() {}

  /**
   * Checks {@code run} against every rule {@code rules} sets.
   *
   * @param head the run's results
   * @param quarantined refs of the tests in quarantine now; their results are left out
   * @param baseline what new failures are counted against; its run null when there is none
   * @param base the baseline's results, or null when there is no baseline run (then every failed
   *     test is new)
   * @param names looks up the names of tests by ref
   */
  public static GateReport check(
      GateRules rules,
      Run run,
      RunResults head,
      Set<Long> quarantined,
      GateReport.Baseline baseline,
      RunResults base,
      Function<Collection<Long>, Map<Long, TestId>> names) {
    long[] counted = new long[Outcome.values().length];
    long[] left = new long[Outcome.values().length];
    List<Long> flaky = new ArrayList<>();
    for (int i = 0; i < head.size(); i++) {
      Outcome o = head.outcome(i);
      if (quarantined.contains(head.test(i))) {
        left[o.ordinal()]++;
      } else {
        counted[o.ordinal()]++;
        if (o == Outcome.FLAKY && flaky.size() < EXAMPLES) {
          flaky.add(head.test(i));
        }
      }
    }
    Counts c = counts(counted);
    List<Check> checks = new ArrayList<>();
    long quarantinedNew = 0;
    if (rules.maxNewFailures() != null) {
      Comparison comparison =
          Comparison.of(base == null ? RunResults.builder().build() : base, head);
      List<Long> newFailures = new ArrayList<>();
      long count = 0;
      for (TestChange t : comparison.tests(Bucket.NEW_FAILURE)) {
        if (quarantined.contains(t.test())) {
          quarantinedNew++;
        } else if (count++ < EXAMPLES) {
          newFailures.add(t.test());
        }
      }
      checks.add(
          new Check(
              Rule.MAX_NEW_FAILURES,
              rules.maxNewFailures(),
              count,
              c.executed(),
              count <= rules.maxNewFailures(),
              named(newFailures, names)));
    }
    if (rules.minPassRate() != null) {
      long passed = c.passed() + c.flaky();
      boolean met =
          c.executed() > 0
              && BigDecimal.valueOf(passed)
                      .multiply(HUNDRED)
                      .compareTo(rules.minPassRate().multiply(BigDecimal.valueOf(c.executed())))
                  >= 0;
      checks.add(
          new Check(Rule.MIN_PASS_RATE, rules.minPassRate(), passed, c.executed(), met, List.of()));
    }
    if (rules.minExecuted() != null) {
      checks.add(
          new Check(
              Rule.MIN_EXECUTED,
              rules.minExecuted(),
              c.executed(),
              c.collected(),
              c.executed() >= rules.minExecuted(),
              List.of()));
    }
    if (rules.maxFlaky() != null) {
      boolean met = c.flaky() <= rules.maxFlaky();
      checks.add(
          new Check(
              Rule.MAX_FLAKY,
              rules.maxFlaky(),
              c.flaky(),
              c.executed(),
              met,
              met ? List.of() : named(flaky, names)));
    }
    if (Boolean.TRUE.equals(rules.noBroken())) {
      checks.add(new Check(Rule.NO_BROKEN, null, run.runErrors(), 0, !broken(run), List.of()));
    }
    return new GateReport(
        run,
        rules.maxNewFailures() != null ? baseline : null,
        c,
        counts(left),
        quarantinedNew,
        checks);
  }

  /** Whether tests could not run: BROKEN, BLOCKED, INTERRUPTED, or errors outside tests. */
  static boolean broken(Run run) {
    RunStatus s = run.status();
    return s == RunStatus.BROKEN
        || s == RunStatus.BLOCKED
        || s == RunStatus.INTERRUPTED
        || run.runErrors() > 0;
  }

  private static Counts counts(long[] n) {
    return Counts.of(
        n[Outcome.PASSED.ordinal()],
        n[Outcome.FAILED.ordinal()],
        n[Outcome.ERRORED.ordinal()],
        n[Outcome.SKIPPED.ordinal()],
        n[Outcome.FLAKY.ordinal()]);
  }

  private static List<TestId> named(
      List<Long> refs, Function<Collection<Long>, Map<Long, TestId>> names) {
    if (refs.isEmpty()) {
      return List.of();
    }
    Map<Long, TestId> found = names.apply(refs);
    return refs.stream()
        .map(r -> found.getOrDefault(r, new TestId("", "test #" + r)))
        .sorted(Comparator.comparing(TestId::toString))
        .toList();
  }
}
