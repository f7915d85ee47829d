package dev.evident.verify;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second readings of a claim the latest run contradicts, so that a claim is never CONTRADICTED when
 * a reading the report's author may have meant fits:
 *
 * <ul>
 *   <li>a sentence whose own parts do not add up to its total ("53 executed, 50 passed and 2
 *       failed") is INCONSISTENT, whatever the evidence says of one part;
 *   <li>a sentence that names a run by a build or pipeline number, a release candidate, a weekday,
 *       a week, a quarter or a sprint ("failed in RC1", "Monday's nightly", "10/11 in #5512", "Q3
 *       had closed at 78") and that the baseline run bears out speaks of that earlier run:
 *       SUPPORTED against the baseline;
 *   <li>"flaky" over two runs may mean the tests whose outcome changed between them;
 *   <li>a count of new, added or gained tests is a difference between runs, never a total.
 * </ul>
 */
final class SecondReadings {

  private static final Pattern NAMED_RUN =
      Pattern.compile(
          "(?:\\b(?:build|run|pipeline|job|nightly|CI)\\s+#?\\d+|(?<![\\w&])#\\d{2,}\\b"
              + "|\\bRC[-\\s]?\\d+\\b|\\brelease\\s+candidate\\s+\\d+\\b"
              + "|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?\\b|\\bweek\\s+\\d+\\b"
              + "|\\bbefore\\s+the\\s+fix\\b|\\blast\\s+(?:week|sprint|release)\\b"
              + "|\\b[QH][1-4]\\b|\\b(?:sprint|beta|iteration|milestone)\\s+\\d+\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NEW_TESTS =
      Pattern.compile(
          "\\b(?:\\d+\\s+(?:new|added|extra|additional|more)\\s+(?:tests?|specs?|cases)"
              + "|(?:add(?:s|ed)?|gain(?:s|ed)?|wrote|introduc(?:es|ed))\\s+\\d+\\s+"
              + "(?:new\\s+)?(?:tests?|specs?|cases))\\b",
          Pattern.CASE_INSENSITIVE);

  private SecondReadings() {}

  /**
   * The claim's result after the second readings; {@code r} when none applies. {@code check} is the
   * latest run's, for readings checked again.
   */
  static EvidenceCheck.Result of(
      Claim c,
      EvidenceCheck.Result r,
      Evidence evidence,
      EvidenceCheck earlier,
      EvidenceCheck check) {
    if (NewTests.is(c)) {
      return NewTests.check(c, evidence);
    }
    if (r.verdict() != Verdict.CONTRADICTED) {
      return r;
    }
    String sum = partsDoNotAddUp(c);
    if (sum != null) {
      return new EvidenceCheck.Result(Verdict.INCONSISTENT, r.actual(), sum, List.of());
    }
    Quantity newTests =
        c.stated().stream()
            .filter(q -> q.measure().isTotal() && NewTests.counts(c.text(), q.value()))
            .findFirst()
            .orElse(null);
    if (c.kind() == ClaimKind.COUNT
        && (newTests != null || NEW_TESTS.matcher(c.text()).find())
        && c.stated().stream().anyMatch(q -> q.measure().isTotal())) {
      // "Added 2 tests for split payments": the whole run's new tests, when they bear it out
      if (c.subject().isEmpty() && newTests != null) {
        Quantity n = new Quantity(Measure.OTHER, newTests.value(), Bound.EXACT, 0, NewTests.LABEL);
        EvidenceCheck.Result whole =
            NewTests.check(
                new Claim(
                    c.line(),
                    c.text(),
                    ClaimKind.CHANGE,
                    "",
                    List.of(n),
                    List.of(),
                    null,
                    null,
                    c.temporal()),
                evidence);
        if (whole.verdict() == Verdict.SUPPORTED || NewTests.ofAll(c.text(), newTests.value())) {
          return whole; // "We added 4 tests this week": all the new ones, whatever their count
        }
      }
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          r.actual(),
          "a count of new tests is a difference between runs, not a total; not checked against"
              + " the total of the run ("
              + r.reason()
              + ")",
          r.runs());
    }
    EvidenceCheck.Result added = newInPart(c, evidence);
    if (added != null) {
      return added;
    }
    EvidenceCheck.Result ran = ExecutedFractions.reread(c, check);
    if (ran != null) {
      return ran;
    }
    String fraction = fractionPassed(c, r);
    if (fraction != null) {
      return new EvidenceCheck.Result(Verdict.SUPPORTED, r.actual(), fraction, r.runs());
    }
    if (evidence.baseline() == null || evidence.runs().isEmpty()) {
      return r;
    }
    if (c.quantity(Measure.FLAKY) != null && (c.subject().isEmpty() || c.implied())) {
      return flakyBetweenRuns(c, r, evidence);
    }
    var named = NAMED_RUN.matcher(c.text());
    if (earlier != null && named.find()) {
      EvidenceCheck.Result then = earlier.check(c);
      if (then.verdict() == Verdict.SUPPORTED) {
        return new EvidenceCheck.Result(
            Verdict.SUPPORTED,
            then.actual(),
            "names an earlier run ('%s'), and baseline run %d bears it out (the latest run does not: %s): %s"
                .formatted(
                    named.group().strip(),
                    evidence.baseline().run().id(),
                    r.reason(),
                    then.reason()),
            then.runs());
      }
    }
    return r;
  }

  private static final Pattern FRACTION_PASSED =
      Pattern.compile(
          "(?<![\\w.,/])(\\d+)\\s*(?:of|/|out\\s+of)\\s*(\\d+)\\s+[^;]{0,60}?\\b(?:passed|pass|passing|green)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "37 of 38 tests in `internal/raft` passed" read as "every test there passes": the fraction is
   * what it states, and when the evidence has exactly that many passed of that many executed, it is
   * borne out.
   */
  private static String fractionPassed(Claim c, EvidenceCheck.Result r) {
    if (c.expectation() != Expectation.PASS) {
      return null;
    }
    var m = FRACTION_PASSED.matcher(c.text());
    if (!m.find()
        || !(r.actual().get("passed") instanceof Number passed)
        || !(r.actual().get("executed") instanceof Number executed)) {
      return null;
    }
    if (Double.parseDouble(m.group(1)) == passed.doubleValue()
        && Double.parseDouble(m.group(2)) == executed.doubleValue()) {
      return "states %s of %s passed, not that all pass: %s"
          .formatted(m.group(1), m.group(2), r.reason());
    }
    return null;
  }

  /** Why the stated parts of a claim do not add up to its stated total, or null. */
  static String partsDoNotAddUp(Claim c) {
    Quantity executed = c.quantity(Measure.EXECUTED);
    Quantity total = c.quantity(Measure.COLLECTED);
    total = total == null ? c.quantity(Measure.TESTS) : total;
    double run = 0;
    int parts = 0;
    for (Measure m : List.of(Measure.PASSING, Measure.FAILING, Measure.ERRORED)) {
      Quantity q = c.quantity(m);
      if (q != null && q.bound() == Bound.EXACT) {
        run += q.value();
        parts++;
      }
    }
    Quantity flaky = c.quantity(Measure.FLAKY);
    if (flaky != null && flaky.bound() == Bound.EXACT) {
      // apart from the passing ones, or among them (either reading): the count that fits
      double apart = run + flaky.value();
      double all =
          apart + (c.quantity(Measure.SKIPPED) == null ? 0 : c.quantity(Measure.SKIPPED).value());
      boolean fits =
          (executed != null && executed.value() == apart)
              || (total != null && (total.value() == all || total.value() == apart));
      run = fits ? apart : run;
    }
    Quantity skipped = c.quantity(Measure.SKIPPED);
    if (executed != null && executed.bound() == Bound.EXACT && parts >= 2 && skipped == null) {
      if (run != executed.value()) {
        return "the parts stated add up to %s, not %s executed"
            .formatted(Compare.format(run), Compare.format(executed.value()));
      }
    }
    if (total != null && total.bound() == Bound.EXACT && skipped != null && parts >= 2) {
      double all = run + skipped.value();
      if (all != total.value()) {
        return "the parts stated add up to %s, not %s tests"
            .formatted(Compare.format(all), Compare.format(total.value()));
      }
    }
    return null;
  }

  private static EvidenceCheck.Result flakyBetweenRuns(
      Claim c, EvidenceCheck.Result r, Evidence evidence) {
    Map<TestId, Outcome> before = new HashMap<>();
    for (TestEvidence t : evidence.baseline().tests()) {
      before.put(t.id(), t.outcome());
    }
    RunEvidence latest = evidence.latest();
    int changed = 0;
    for (TestEvidence t : latest.tests()) {
      Outcome then = before.get(t.id());
      if (then != null && passed(then) != passed(t.outcome()) && ran(then) && ran(t.outcome())) {
        changed++;
      }
    }
    double stated = c.quantity(Measure.FLAKY).value();
    List<Long> runs = new ArrayList<>(r.runs());
    runs.add(evidence.baseline().run().id());
    if (changed == stated) {
      return new EvidenceCheck.Result(
          Verdict.SUPPORTED,
          Map.of("changed outcome", changed),
          "read as the tests whose outcome changed between baseline run %d and run %d: %d (%s)"
              .formatted(evidence.baseline().run().id(), latest.run().id(), changed, r.reason()),
          runs);
    }
    return new EvidenceCheck.Result(
        Verdict.CONTRADICTED,
        r.actual(),
        r.reason()
            + "; nor did %d tests change outcome between baseline run %d and run %d (%d did)"
                .formatted(
                    (long) stated, evidence.baseline().run().id(), latest.run().id(), changed),
        r.runs());
  }

  private static boolean passed(Outcome o) {
    return o == Outcome.PASSED || o == Outcome.FLAKY;
  }

  private static boolean ran(Outcome o) {
    return o == Outcome.PASSED || o == Outcome.FLAKY || o == Outcome.FAILED || o == Outcome.ERRORED;
  }

  /**
   * "`ConflictResolverTests` gained 2 tests", "added 2 tests in `internal/ledger`": the number is
   * of the tests of the latest run that the baseline lacks in that part, never the part's total. A
   * claim of a part that states that number as its total is checked as such ({@link NewTests}).
   */
  private static EvidenceCheck.Result newInPart(Claim c, Evidence evidence) {
    Matcher m = NEW_TESTS.matcher(c.text());
    if (c.subject().isEmpty() || c.implied() || !m.find()) {
      return null;
    }
    Matcher digits = Pattern.compile("\\d+").matcher(m.group());
    double n = digits.find() ? Double.parseDouble(digits.group()) : -1;
    boolean stated =
        c.stated().stream().anyMatch(q -> q.measure().isTotal() && q.value() == n)
            || c.before().stream().anyMatch(q -> q.measure().isTotal() && q.value() == n);
    if (!stated) {
      return null;
    }
    Quantity q = new Quantity(Measure.OTHER, n, Bound.EXACT, 0, NewTests.LABEL);
    Claim added =
        new Claim(
            c.line(),
            c.text(),
            ClaimKind.NAMED,
            c.subject(),
            List.of(q),
            List.of(),
            null,
            null,
            c.temporal());
    return NewTests.check(added, evidence);
  }
}
