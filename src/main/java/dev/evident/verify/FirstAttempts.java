package dev.evident.verify;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "10/10 pass on the first attempt", "green without retries": a claim about first attempts, where a
 * flaky test (failed, then passed on a rerun) failed. Not when the claim counts the flaky tests
 * itself ("7 passed on the first try, 1 flaky").
 */
final class FirstAttempts {

  private static final Pattern FIRST =
      Pattern.compile(
          "\\b(?:on|at|in)\\s+(?:the\\s+)?first\\s+(?:attempt|try|run|go)\\b|\\bfirst[- ]time\\s+pass"
              + "|\\bwithout\\s+(?:any\\s+|a\\s+)?(?:retry|retries|reruns?|re-runs?)\\b"
              + "|\\bno\\s+(?:retries|reruns)\\s+needed\\b",
          Pattern.CASE_INSENSITIVE);

  private FirstAttempts() {}

  /** The scope as its first attempts went, when the claim is about them; else the scope. */
  static Scope apply(Claim c, Scope scope) {
    Counts n = scope.counts();
    if (n.flaky() == 0
        || !FIRST.matcher(c.text()).find()
        || c.quantity(Measure.FLAKY) != null) { // "7 passed on the first try, 1 flaky"
      return scope;
    }
    List<TestEvidence> tests =
        scope.tests().stream()
            .map(
                t ->
                    t.outcome() == Outcome.FLAKY
                        ? new TestEvidence(t.id(), Outcome.FAILED, t.file(), t.tags(), t.places())
                        : t)
            .toList();
    Counts first =
        new Counts(
            n.collected(),
            n.executed(),
            n.passed(),
            n.failed() + n.flaky(),
            n.errored(),
            n.skipped(),
            0);
    return new Scope(
        scope.description() + ", on first attempts (" + n.flaky() + " flaky counted as failed)",
        first,
        tests,
        scope.files(),
        scope.wholeRun(),
        scope.statuses(),
        scope.runErrors(),
        scope.runs());
  }
}
