package dev.evident.verify;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks claims about a list of named tests ("New failures: `TestA`, `TestB`"), each test on its
 * own, and claims about what happened to tests since the baseline: a regression fails now and did
 * not fail in the baseline (a test new since then counts), a fix passes now and failed or errored
 * in the baseline. A list is CONTRADICTED when one of its tests is, and UNVERIFIABLE when one of
 * them names nothing in the evidence or there is no baseline to compare with. "No regressions in
 * `a` or `b`" is checked on each.
 */
final class NamedChecks {

  private NamedChecks() {}

  /** The result of a list or transition claim, or null when the claim is neither. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence, SubjectScopes scopes) {
    Expectation e = c.expectation();
    if (e == null || c.subject().isEmpty()) {
      return null;
    }
    boolean transition = e == Expectation.REGRESSED || e == Expectation.FIXED;
    List<String> names = NamedTests.split(c.subject());
    if (names.size() > 1 && scopes.resolve(c.subject(), evidence.runs()).scope() != null) {
      names = List.of(c.subject()); // a name with a comma in it
    }
    if (names.size() < 2 && !transition) {
      return null;
    }
    RunEvidence base = evidence.baseline();
    List<EvidenceCheck.Part> parts = new ArrayList<>();
    List<TestEvidence> tests = new ArrayList<>();
    Set<Long> runs = new java.util.TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      SubjectScopes.Resolved now = scopes.resolve(name, evidence.runs());
      if (now.scope() == null) {
        unknown.add(now.reason());
        continue;
      }
      tests.addAll(now.scope().tests());
      runs.addAll(now.scope().runs());
      if (e == Expectation.NO_REGRESSIONS) {
        if (base == null) {
          unknown.add("no baseline run to compare with (give --baseline, or store an earlier run)");
          continue;
        }
        runs.add(base.run().id());
        Scope before = scopes.resolve(name, List.of(base)).scope();
        Scope none = Scope.of("", List.of(), List.of());
        parts.add(
            named(
                name,
                Expectations.regressions(
                    now.scope(), before == null ? none : before, base.run().id())));
        continue;
      }
      parts.add(named(name, Expectations.check(c, now.scope())));
      if (!transition) {
        continue;
      }
      if (base == null) {
        unknown.add("no baseline run to compare with (give --baseline, or store an earlier run)");
        continue;
      }
      runs.add(base.run().id());
      Scope before = scopes.resolve(name, List.of(base)).scope();
      parts.add(named(name, since(e, now.scope(), before, base.run().id())));
    }
    Scope all = Scope.of("tests " + String.join(", ", names), tests, List.copyOf(runs));
    EvidenceCheck.Result r = Results.combine(parts, all, List.copyOf(runs), null);
    if (unknown.isEmpty() || r.verdict() == Verdict.CONTRADICTED) {
      return r;
    }
    return new EvidenceCheck.Result(
        Verdict.UNVERIFIABLE, r.actual(), String.join("; ", unknown), r.runs());
  }

  private static EvidenceCheck.Part named(String name, EvidenceCheck.Part p) {
    return new EvidenceCheck.Part(name, p.agrees(), p.actual(), name + ": " + p.text());
  }

  /** Whether the tests that fail (or pass) now did otherwise in the baseline. */
  static EvidenceCheck.Part since(Expectation e, Scope now, Scope before, long baseRun) {
    Set<TestId> failedBefore = new HashSet<>();
    int executedBefore = 0;
    for (TestEvidence t : before == null ? List.<TestEvidence>of() : before.tests()) {
      if (failing(t.outcome())) {
        failedBefore.add(t.id());
      }
      executedBefore += t.outcome() == Outcome.SKIPPED ? 0 : 1;
    }
    Map<String, Object> actual = Map.of("failing before", failedBefore.size());
    if (e == Expectation.FIXED) {
      if (!failedBefore.isEmpty()) {
        return part(true, actual, "failed in baseline run " + baseRun);
      }
      return executedBefore == 0
          ? part(null, actual, "did not run in baseline run " + baseRun)
          : part(false, actual, "it did not fail in baseline run " + baseRun + " either");
    }
    for (TestEvidence t : now.tests()) {
      if (failing(t.outcome()) && !failedBefore.contains(t.id())) {
        return part(true, actual, "did not fail in baseline run " + baseRun);
      }
    }
    return failedBefore.isEmpty()
        ? part(null, actual, "nothing fails now")
        : part(false, actual, "it already failed in baseline run " + baseRun);
  }

  private static boolean failing(Outcome o) {
    return o == Outcome.FAILED || o == Outcome.ERRORED;
  }

  private static EvidenceCheck.Part part(Boolean agrees, Map<String, Object> actual, String t) {
    return new EvidenceCheck.Part("since baseline", agrees, actual, t);
  }
}
