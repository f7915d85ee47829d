package dev.evident.verify;

import dev.evident.model.Counts;
import java.util.List;

/**
 * What a stated measure may mean in the evidence: every reading of it ("passing" with or without
 * flaky tests, "tests" executed or collected), the usual one first. A claim agrees when any reading
 * fits.
 */
final class Readings {

  private Readings() {}

  /** The actual values a measure may mean, the usual reading first; null when unknown. */
  static List<Double> candidates(Measure m, Scope scope, boolean totalIsCollected) {
    Counts c = scope.counts();
    double passing = c.passed() + c.flaky();
    return switch (m) {
      case PASSING -> List.of(passing, (double) c.passed());
      case FAILING -> List.of((double) c.failed() + c.errored(), (double) c.failed());
      case ERRORED -> List.of((double) c.errored(), (double) c.errored() + scope.runErrors());
      case SKIPPED -> List.of((double) c.skipped());
      case FLAKY -> List.of((double) c.flaky());
      // "N tests" alone: the executed ones, or every test there is (skipped ones too), as authors
      // write both; the reading the sentence points at first. Never the collected ones when none
      // ran: "All 56 tests are passing" of 56 collected and 0 executed is false.
      case TESTS ->
          c.executed() == 0
              ? List.of(totalIsCollected ? (double) c.collected() : 0.0)
              : totalIsCollected
                  ? List.of((double) c.collected(), (double) c.executed())
                  : List.of((double) c.executed(), (double) c.collected());
      case COLLECTED -> List.of((double) c.collected());
      case EXECUTED -> List.of((double) c.executed());
      case NOT_PASSING -> List.of(c.executed() - passing, c.collected() - passing);
      case FILES -> scope.files().isEmpty() ? null : List.of((double) scope.files().size());
      case PASS_RATE ->
          c.executed() == 0
              ? null
              : List.of(
                  Compare.percent(passing, c.executed()),
                  Compare.percent(c.passed(), c.executed()),
                  // of the tests that exist: "312/320 green (97.5%)" with 4 skipped
                  Compare.percent(passing, c.collected()));
      case FAIL_RATE ->
          c.executed() == 0
              ? null
              : List.of(Compare.percent(c.failed() + c.errored(), c.executed()));
      case COLLECTION_RATE -> !scope.wholeRun() || scope.runErrors() > 0 ? null : List.of(100.0);
      case COVERAGE, TARGET, OTHER -> null;
    };
  }

  private static final java.util.regex.Pattern MORE_TESTS =
      java.util.regex.Pattern.compile(
          "\\b(?:more|fewer|as\\s+many)\\s+tests\\b|\\btest\\s+count\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Whether a factor's words count tests rather than passing ones ("3x more tests"). */
  static boolean countsTests(String text) {
    return MORE_TESTS.matcher(text).find();
  }

  /** What a bare factor ("3.7x reduction in failures") counts: its words say, passing if none. */
  static Measure factorMeasure(Claim c) {
    // "3x more tests", "twice as many tests": tests (executed), not passing ones.
    if (countsTests(c.text())) {
      return Measure.TESTS;
    }
    Measure m = ChangeClaims.measureOfWords(c.text());
    return m == Measure.TESTS ? Measure.PASSING : m;
  }

  static Double first(Measure m, Scope scope) {
    List<Double> c = candidates(m, scope, false);
    return c == null ? null : c.get(0);
  }
}
