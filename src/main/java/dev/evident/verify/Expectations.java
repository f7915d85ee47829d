package dev.evident.verify;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * Checks what universal and named claims say of every test in their scope. "All tests pass",
 * "production ready" and "no failures" are contradicted by any failed or errored test, by a run
 * that is broken, blocked or interrupted, by errors outside tests, and ("all pass", readiness) by
 * tests that did not execute; they are unverifiable when nothing in scope executed. "All tests are
 * failing" is contradicted by a passing test and unverifiable when nothing executed.
 */
final class Expectations {

  private Expectations() {}

  /** Words that say a test was run again. */
  private static final java.util.regex.Pattern RETRIED =
      java.util.regex.Pattern.compile(
          "\\b(?:re-?runs?|re-?ran|retr(?:y|ies|ied)|re-?tried|(?:first|second|next|another)"
              + "\\s+attempt|attempts|flak(?:y|ed|es|iness))\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  static EvidenceCheck.Part check(Claim c, Scope scope) {
    Counts n = scope.counts();
    Map<String, Object> actual =
        Map.of(
            "executed",
            n.executed(),
            "passed",
            n.passed() + n.flaky(),
            "failed",
            n.failed(),
            "errored",
            n.errored(),
            "skipped",
            n.skipped());
    String key = "outcome";
    List<String> bad =
        scope.wholeRun()
            ? scope.statuses().stream()
                .filter(
                    s ->
                        s == RunStatus.BROKEN
                            || s == RunStatus.BLOCKED
                            || s == RunStatus.INTERRUPTED)
                .map(Enum::name)
                .distinct()
                .toList()
            : List.of();
    long failing = n.failed() + n.errored();
    long passing = n.passed() + n.flaky();
    boolean named = c.kind() == ClaimKind.NAMED || c.kind() == ClaimKind.TABLE;
    return switch (c.expectation()) {
      case PASS, READY, FIXED -> {
        if (!bad.isEmpty()) {
          yield part(key, false, actual, "the run is " + String.join(", ", bad));
        }
        if (n.executed() == 0 && named && n.skipped() > 0) {
          yield part(key, false, actual, "it did not execute (skipped)");
        }
        if (n.executed() == 0) {
          yield part(
              key,
              null,
              actual,
              "nothing executed (" + n.collected() + " collected, all skipped or not run)");
        }
        if (failing > 0) {
          yield part(
              key,
              false,
              actual,
              failing + " of " + n.executed() + " executed tests failed or errored");
        }
        if (n.skipped() > 0) {
          yield part(
              key,
              false,
              actual,
              n.skipped() + " of " + n.collected() + " tests did not execute (skipped)");
        }
        if (scope.runErrors() > 0) {
          yield part(
              key,
              false,
              actual,
              scope.runErrors() + " errors outside tests kept tests from running");
        }
        yield part(
            key,
            true,
            actual,
            "all "
                + n.executed()
                + " executed tests passed"
                + (n.flaky() > 0 ? " (" + n.flaky() + " flaky: passed on a rerun)" : ""));
      }
      case NO_FAILURES -> {
        if (!bad.isEmpty()) {
          yield part(key, false, actual, "the run is " + String.join(", ", bad));
        }
        if (failing > 0) {
          yield part(
              key,
              false,
              actual,
              failing + " of " + n.executed() + " executed tests failed or errored");
        }
        if (scope.runErrors() > 0) {
          yield part(key, false, actual, scope.runErrors() + " errors outside tests");
        }
        if (n.executed() == 0) {
          yield part(key, null, actual, "nothing executed");
        }
        yield part(key, true, actual, "no executed test failed");
      }
      case FAIL, REGRESSED -> {
        if (n.executed() == 0) {
          yield part(
              key,
              null,
              actual,
              "nothing executed: the tests did not fail, they did not run"
                  + (scope.runErrors() > 0
                      ? " (" + scope.runErrors() + " errors outside tests)"
                      : ""));
        }
        if (named && failing == 0 && n.flaky() > 0) {
          // "failed on its first attempt and passed on the retry": what a flaky test did
          yield part(
              key,
              RETRIED.matcher(c.text()).find() ? Boolean.TRUE : null,
              actual,
              n.flaky() + " of " + n.executed() + " failed, then passed on a rerun (flaky)");
        }
        if (named) {
          yield failing > 0
              ? part(key, true, actual, failing + " of " + n.executed() + " failed or errored")
              : part(
                  key,
                  false,
                  actual,
                  "it passed (" + passing + " of " + n.executed() + " executed passed)");
        }
        yield passing > 0
            ? part(key, false, actual, passing + " of " + n.executed() + " executed tests passed")
            : part(key, true, actual, "all " + n.executed() + " executed tests failed or errored");
      }
      case NO_REGRESSIONS -> part(key, null, actual, "needs a baseline run");
      case NO_SKIPS -> {
        if (n.collected() == 0) {
          yield part(key, null, actual, "no tests in scope");
        }
        yield n.skipped() > 0
            ? part(key, false, actual, n.skipped() + " of " + n.collected() + " tests skipped")
            : part(key, true, actual, "all " + n.collected() + " tests executed, none skipped");
      }
      case NO_FLAKY -> {
        if (n.executed() == 0) {
          yield part(key, null, actual, "nothing executed");
        }
        yield n.flaky() > 0
            ? part(key, false, actual, n.flaky() + " of " + n.executed() + " tests flaky")
            : part(key, true, actual, "no test of " + n.executed() + " passed only on a rerun");
      }
      case SKIP -> {
        long skipped = scope.tests().stream().filter(t -> t.outcome() == Outcome.SKIPPED).count();
        yield n.executed() == 0 && skipped > 0
            ? part(key, true, actual, "skipped")
            : part(
                key,
                false,
                actual,
                n.executed() + " executed (" + passing + " passed, " + failing + " failed)");
      }
    };
  }

  /**
   * "No regressions": contradicted by a test of the scope that passed in the baseline's scope and
   * failed or errored now; unverifiable without a baseline.
   */
  static EvidenceCheck.Part regressions(Scope now, Scope before, long baselineRun) {
    java.util.Set<dev.evident.model.TestId> passed = new java.util.HashSet<>();
    for (TestEvidence t : before.tests()) {
      if (t.outcome() == Outcome.PASSED || t.outcome() == Outcome.FLAKY) {
        passed.add(t.id());
      }
    }
    List<String> regressed = new java.util.ArrayList<>();
    for (TestEvidence t : now.tests()) {
      if ((t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERRORED)
          && passed.contains(t.id())) {
        regressed.add(t.id().toString());
      }
    }
    Map<String, Object> actual = Map.of("regressions", regressed.size());
    if (regressed.isEmpty() && now.counts().executed() == 0 && !passed.isEmpty()) {
      return part( // no test failed because none ran: nothing says they would still pass
          "regressions",
          null,
          actual,
          "nothing executed now: the %d tests that passed in baseline run %d did not run again"
              .formatted(passed.size(), baselineRun));
    }
    if (regressed.isEmpty()) {
      return part(
          "regressions",
          true,
          actual,
          "no test that passed in baseline run " + baselineRun + " fails now");
    }
    return part(
        "regressions",
        false,
        actual,
        "%d %s passed in baseline run %d and fail%s now: %s"
            .formatted(
                regressed.size(),
                regressed.size() == 1 ? "test" : "tests",
                baselineRun,
                regressed.size() == 1 ? "s" : "",
                String.join(", ", regressed.subList(0, Math.min(3, regressed.size())))
                    + (regressed.size() > 3 ? ", …" : "")));
  }

  private static EvidenceCheck.Part part(
      String key, Boolean agrees, Map<String, Object> actual, String text) {
    return new EvidenceCheck.Part(key, agrees, actual, text);
  }
}
