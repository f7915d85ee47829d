package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks claims against evidence. "Passing" is executed and passed (flaky tests, which passed on a
 * rerun, included); "failing" is failed or errored; "N tests" alone is executed tests (collected
 * when the same claim counts skipped tests or says collected, created or written). Where a word
 * allows two readings ("failed" with or without errored tests), the claim agrees when either fits:
 * a contradiction must be certain.
 */
final class EvidenceCheck {

  /** The verdict on a claim with the actual values and why. */
  record Result(Verdict verdict, Map<String, Object> actual, String reason, List<Long> runs) {}

  /** One stated value against the evidence: agrees, disagrees, or cannot be told (null). */
  record Part(String key, Boolean agrees, Object actual, String text) {}

  /**
   * A count of skipped tests in the sentence, though another claim of it states it ("55 tests in 3
   * files, 50 ok, 3 not ok, 2 skipped"): then the total beside it counts the skipped ones too.
   */
  private static final java.util.regex.Pattern SKIPPED_IN_TEXT =
      java.util.regex.Pattern.compile(
          "(?<![\\w.,/])\\d+\\s+(?:skipped|skips?|ignored|not\\s+executed|pending)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final Evidence evidence;
  private final SubjectScopes scopes;

  EvidenceCheck(Evidence evidence, List<SubjectResolver> resolvers) {
    this.evidence = evidence;
    this.scopes = new SubjectScopes(resolvers);
  }

  /**
   * Whether a claim is checked against the whole latest run, and only it: no narrower group its
   * heading or words name stands in the way.
   */
  boolean wholeRun(Claim c) {
    if (evidence.runs().isEmpty()) {
      return false;
    }
    SubjectScopes.Resolved r = scopes.resolve(c, evidence.runs());
    return r.scope() != null && r.scope().wholeRun() && r.guard() == null && r.instead() == null;
  }

  /** The scope a claim's subject resolves to in the latest runs, or null. */
  Scope scope(Claim c) {
    return evidence.runs().isEmpty() ? null : scopes.resolve(c, evidence.runs()).scope();
  }

  Result check(Claim c) {
    Claim unnumbered = RowMarkers.without(c);
    return UnmappedOutcomes.guard(unnumbered, guarded(unnumbered));
  }

  private Result guarded(Claim c) {
    Result r = checkScoped(c);
    String guard = guards.remove(c);
    String instead = insteads.remove(c);
    if (r.verdict() != Verdict.SUPPORTED && instead != null) {
      // "Added 2 AddressForm cases, 14 tests there now": of the one group the sentence names
      Claim of = Results.about(c, instead);
      Result a = checkScoped(of);
      guards.remove(of);
      insteads.remove(of);
      if (a.verdict() == Verdict.SUPPORTED) {
        return new Result(
            a.verdict(),
            a.actual(),
            (instead.isEmpty()
                    ? "read as about the whole run: "
                    : "read as about '" + instead + "', the one group the sentence names: ")
                + a.reason(),
            a.runs());
      }
    }
    guard = guard == null ? Results.remainder(c) : guard;
    if (r.verdict() == Verdict.CONTRADICTED && guard != null) {
      return new Result(Verdict.UNVERIFIABLE, r.actual(), guard + ": " + r.reason(), r.runs());
    }
    return r;
  }

  /** Claims checked against the whole run while they may be about a narrower group, by name. */
  private final Map<Claim, String> guards = new java.util.IdentityHashMap<>();

  /** Claims checked against the whole run that may be about the one group they name instead. */
  private final Map<Claim, String> insteads = new java.util.IdentityHashMap<>();

  private Result checkScoped(Claim c) {
    if (!c.stated().isEmpty()
        && c.expectation() == null
        && c.stated().stream()
            .allMatch(q -> q.measure() == Measure.OTHER || q.measure() == Measure.TARGET)) {
      return unverifiable(
          "not about tests: test results do not count " + c.stated().get(0).label(), List.of());
    }
    if (evidence.runs().isEmpty()) {
      return unverifiable(
          "no runs to check against (ingest or run the tests, or give --run)", List.of());
    }
    Result named = NamedChecks.check(c, evidence, scopes);
    if (named != null) {
      return named; // a list of tests, or what happened to tests since the baseline
    }
    SubjectScopes.Resolved now = scopes.resolve(c, evidence.runs());
    if (now.guard() != null) {
      guards.put(c, now.guard());
    }
    if (now.instead() != null) {
      insteads.put(c, now.instead());
    }
    if (now.scope() == null) {
      return unverifiable(now.reason(), evidence.runs().stream().map(r -> r.run().id()).toList());
    }
    Scope scope = FirstAttempts.apply(c, Excepted.apply(c, now.scope()));
    boolean skippedStated =
        c.quantity(Measure.SKIPPED) != null || SKIPPED_IN_TEXT.matcher(c.text()).find();
    List<Part> parts = new ArrayList<>();
    for (Quantity q : c.stated()) {
      parts.add(
          part(
              q,
              scope,
              skippedStated
                  || c.kind() == ClaimKind.TABLE && c.quantity(Measure.COLLECTED) != null));
    }
    List<Long> runs = new ArrayList<>(scope.runs());
    if (c.kind() == ClaimKind.CHANGE || (c.kind() == ClaimKind.TABLE && !c.before().isEmpty())) {
      return change(c, scope, parts, runs);
    }
    if (c.expectation() == Expectation.NO_REGRESSIONS) {
      RunEvidence base = evidence.baseline();
      Scope before = base == null ? null : scopes.resolve(c, List.of(base)).scope();
      if (before == null) {
        return unverifiable(
            "no baseline run to compare with (give --baseline, or store an earlier run of the"
                + " project)",
            runs);
      }
      runs.add(base.run().id());
      parts.add(Expectations.regressions(scope, before, base.run().id()));
    } else if (c.expectation() != null) {
      parts.add(Expectations.check(c, Excepted.forOutcomes(c, scope)));
    }
    return Results.combine(parts, scope, runs, null);
  }

  private Result change(Claim c, Scope scope, List<Part> parts, List<Long> runs) {
    RunEvidence base = evidence.baseline();
    Scope before = null;
    if (base != null) {
      SubjectScopes.Resolved r = scopes.resolve(c, List.of(base));
      before = r.scope();
      if (before != null) {
        runs.add(base.run().id());
        for (Quantity q : c.before()) {
          Part p = part(q, before, false);
          parts.add(new Part("from " + p.key(), p.agrees(), p.actual(), "before: " + p.text()));
        }
      }
    }
    Measure m =
        c.stated().isEmpty()
            ? (c.before().isEmpty() ? Readings.factorMeasure(c) : c.before().get(0).measure())
            : c.stated().get(0).measure();
    if (c.factor() != null && before != null) {
      Double from = Readings.first(m, before);
      Double to = Readings.first(m, scope);
      if (from != null && to != null) {
        if (from == 0) {
          parts.add(
              new Part(
                  "factor",
                  false,
                  "from 0",
                  "a change from 0 is a count, never a ratio: %s → %s %s (runs %d, %d)"
                      .formatted(
                          Compare.format(from),
                          Compare.format(to),
                          m.key(),
                          base.run().id(),
                          scope.runs().get(0))));
        } else {
          double factor = to / from;
          boolean agrees = Compare.sameFactor(factor, c.factor());
          parts.add(
              new Part(
                  "factor",
                  agrees,
                  round(factor),
                  "actual factor %sx (%s → %s %s)"
                      .formatted(
                          Compare.format(round(factor)),
                          Compare.format(from),
                          Compare.format(to),
                          m.key())));
        }
      }
    }
    if (before == null && (!c.before().isEmpty() || c.factor() != null)) {
      Result r = Results.combine(parts, scope, runs, null);
      if (r.verdict() == Verdict.CONTRADICTED && base != null) {
        return r;
      }
      if (r.verdict() == Verdict.CONTRADICTED) {
        // A change needs both ends: with no baseline, the latest alone never contradicts it.
        return new Result(
            Verdict.UNVERIFIABLE,
            r.actual(),
            "no baseline run to compare with (give --baseline, or store an earlier run of the"
                + " project); the latest alone: "
                + r.reason(),
            runs);
      }
      return unverifiable(
          base == null
              ? "no baseline run to compare with (give --baseline, or store an earlier run of the project)"
              : "the baseline run " + base.run().id() + " has nothing named " + c.subject(),
          runs);
    }
    return Results.combine(parts, scope, runs, null);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Result unverifiable(String reason, List<Long> runs) {
    return new Result(Verdict.UNVERIFIABLE, Map.of(), reason, runs);
  }

  private Part part(Quantity q, Scope scope, boolean totalIsCollected) {
    Measure m = q.measure();
    if (m == Measure.TARGET) {
      return new Part("target", null, null, "target " + q.display() + " is a plan, not a result");
    }
    if (m == Measure.OTHER) {
      return new Part(q.key(), null, null, "test results do not count " + q.label());
    }
    if (m == Measure.COVERAGE) {
      return new Part(m.key(), null, null, "coverage is not in test results");
    }
    if (m == Measure.COLLECTION_RATE
        && scope.wholeRun()
        && scope.runErrors() > 0
        && q.value() == 100) {
      return new Part(
          m.key(),
          false,
          scope.runErrors() + " errors outside tests",
          "stated 100%% collection success, actual %d %s outside tests (collection or setup)"
              .formatted(scope.runErrors(), scope.runErrors() == 1 ? "error" : "errors"));
    }
    List<Double> candidates = Readings.candidates(m, scope, totalIsCollected);
    if (m == Measure.TESTS && (CountParser.OF.equals(q.label()) || totalIsCollected)) {
      // The M of "N/M tests passing", or "44 tests: 41 passed, 2 failed, 1 error (2 skipped)":
      // executed or collected, either reading.
      candidates =
          totalIsCollected
              ? List.of((double) scope.counts().collected(), (double) scope.counts().executed())
              : List.of((double) scope.counts().executed(), (double) scope.counts().collected());
    }
    if (candidates == null) {
      String why =
          m == Measure.FILES
              ? "the results name no source files"
              : "nothing executed, so there is no rate";
      if (m == Measure.COLLECTION_RATE) {
        why = "the results do not say how many tests failed to be collected";
      }
      return new Part(m.key(), null, null, q.key() + " " + q.display() + ": " + why);
    }
    Object actual = value(candidates.get(0));
    for (double a : candidates) {
      if (Compare.agrees(q, a)) {
        return new Part(q.key(), true, value(a), q.key() + " " + q.display());
      }
    }
    return new Part(
        q.key(),
        false,
        actual,
        "stated %s %s, actual %s".formatted(q.display(), q.key(), describe(m, candidates.get(0))));
  }

  private static String describe(Measure m, double actual) {
    return m.isRate() ? Compare.format(actual) + "%" : Compare.format(actual);
  }

  private static Object value(double v) {
    return v == Math.rint(v) ? (Object) (long) v : (Object) (Math.round(v * 100) / 100.0);
  }
}
