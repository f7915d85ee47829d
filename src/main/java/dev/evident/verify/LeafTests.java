package dev.evident.verify;

import dev.evident.model.Counts;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reading of a count that leaves out tests that are parents of other tests in the same run: a
 * Go test {@code X} beside its subtests {@code X/...}, or a TAP subtest group's closing point
 * beside the points of its group (suite {@code S > X}). Many reports count only the leaves ("6
 * passing" where TestRoute has 4 subtests). A claim the full count contradicts and the leaf count
 * bears out is SUPPORTED, saying that it counts leaf tests only; never the other way round.
 */
final class LeafTests {

  private static final java.util.regex.Pattern ALL_PASS =
      java.util.regex.Pattern.compile(
          "\\b(?:all|every)\\b[^.;]{0,30}?\\b(?:pass|passes|passing|passed|green)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private LeafTests() {}

  /** Whether a claim of this kind may count leaf tests only. */
  static boolean counts(Claim c) {
    return c.kind() == ClaimKind.COUNT
        || c.kind() == ClaimKind.RATE
        || c.kind() == ClaimKind.CHANGE
        || (c.kind() == ClaimKind.NAMED || c.kind() == ClaimKind.TABLE) && !c.stated().isEmpty();
  }

  /** The claim's result read over leaf tests only, when that reading supports it; else null. */
  static EvidenceCheck.Result reread(
      Claim c, EvidenceCheck.Result r, EvidenceCheck leaves, Evidence leafEvidence) {
    if (r.verdict() != Verdict.CONTRADICTED || leaves == null || !counts(c)) {
      return null;
    }
    EvidenceCheck.Result l = leaves.check(c);
    if (l.verdict() != Verdict.SUPPORTED
        || !usualRate(c.stated(), leafEvidence.latest())
        || !usualRate(c.before(), leafEvidence.baseline())
        || !allPass(c, l)) {
      return null;
    }
    return new EvidenceCheck.Result(
        Verdict.SUPPORTED,
        l.actual(),
        "counts leaf tests only (tests that are parents of subtests left out): "
            + l.reason()
            + " (counting every test: "
            + r.reason()
            + ")",
        l.runs());
  }

  /**
   * Whether every pass or fail rate stated agrees with the usual reading (over executed tests) of
   * the run's leaf tests: one second reading, never two stacked on each other.
   */
  static boolean usualRate(List<Quantity> stated, RunEvidence run) {
    for (Quantity q : stated) {
      if (q.measure() != Measure.PASS_RATE && q.measure() != Measure.FAIL_RATE) {
        continue;
      }
      Counts n = run == null ? Counts.ZERO : run.run().counts();
      if (n.executed() == 0) {
        return false;
      }
      double rate =
          q.measure() == Measure.PASS_RATE
              ? Compare.percent(n.passed() + n.flaky(), n.executed())
              : Compare.percent(n.failed() + n.errored(), n.executed());
      if (!Compare.agrees(q, rate)) {
        return false;
      }
    }
    return true;
  }

  /** False when the claim says all pass and the leaf tests it counts do not all pass. */
  private static boolean allPass(Claim c, EvidenceCheck.Result l) {
    if (c.expectation() != Expectation.PASS
        && c.expectation() != Expectation.NO_FAILURES
        && !ALL_PASS.matcher(c.text()).find()) {
      return true;
    }
    return l.actual().get("passed") instanceof Number passed
        && l.actual().get("executed") instanceof Number executed
        && passed.longValue() == executed.longValue();
  }

  /** The evidence without parent tests; null when no run in it has any. */
  static Evidence of(Evidence evidence) {
    boolean any = false;
    List<RunEvidence> runs = new ArrayList<>();
    for (RunEvidence r : evidence.runs()) {
      RunEvidence l = leaves(r);
      any |= l != r;
      runs.add(l);
    }
    RunEvidence baseline = evidence.baseline() == null ? null : leaves(evidence.baseline());
    any |= baseline != evidence.baseline();
    return any ? new Evidence(runs, baseline) : null;
  }

  /** The run without the tests that are parents of other tests in it; {@code r} when none are. */
  static RunEvidence leaves(RunEvidence r) {
    Set<String> parents = parents(r.tests().stream().map(TestEvidence::id).toList());
    if (parents.isEmpty()) {
      return r;
    }
    Counts counts = r.run().counts();
    List<TestEvidence> kept = new ArrayList<>();
    for (TestEvidence t : r.tests()) {
      if (!parents.contains(key(t.id().suite(), t.id().name()))) {
        kept.add(t);
      } else if (counts.count(t.outcome()) > 0) {
        counts = counts.plus(t.outcome(), -1);
      } else {
        return r; // the run's counts do not hold its results: leave it as it is
      }
    }
    Run run = r.run();
    Run leafRun =
        new Run(
            run.id(),
            run.project(),
            run.source(),
            run.created(),
            run.started(),
            run.finished(),
            run.status(),
            run.command(),
            run.exitCode(),
            run.attributes(),
            run.labels(),
            counts,
            run.runErrors(),
            run.problems());
    return new RunEvidence(leafRun, kept, r.runErrors());
  }

  /** The (suite, name) keys of tests that have child tests among these. */
  static Set<String> parents(List<TestId> ids) {
    Set<String> names = new HashSet<>();
    for (TestId id : ids) {
      names.add(key(id.suite(), id.name()));
    }
    Set<String> parents = new HashSet<>();
    for (TestId id : ids) {
      // Go: "X/sub" in the same suite has parent "X" (and "X/a/b" has "X/a" too)
      String name = id.name();
      for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
        String parent = key(id.suite(), name.substring(0, i));
        if (names.contains(parent)) {
          parents.add(parent);
        }
      }
      // TAP: a point in suite "S > G" (or "S > G > ...") has the group's closing point G in S
      String suite = id.suite();
      for (int i = suite.indexOf(" > "); i > 0; i = suite.indexOf(" > ", i + 1)) {
        String head = suite.substring(0, i);
        String rest = suite.substring(i + 3);
        int next = rest.indexOf(" > ");
        String parent = key(head, next < 0 ? rest : rest.substring(0, next));
        if (names.contains(parent)) {
          parents.add(parent);
        }
      }
    }
    return parents;
  }

  private static String key(String suite, String name) {
    return suite + "\u0000" + name;
  }
}
