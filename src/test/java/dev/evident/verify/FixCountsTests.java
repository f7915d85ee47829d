package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "2 fixes, 1 regression": a fix is a test that failed or errored in the baseline and passes now, a
 * regression one that passed then and fails now; the counts are of the whole run, checked against
 * both runs.
 */
class FixCountsTests {

  /** Baseline: a, d pass; b fails, c errors, e fails. Latest: a, b, c pass; d, e fail; f is new. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("shop", "a", Outcome.PASSED, "shop.tap"),
                  test("shop", "b", Outcome.PASSED, "shop.tap"),
                  test("shop", "c", Outcome.PASSED, "shop.tap"),
                  test("shop", "d", Outcome.FAILED, "shop.tap"),
                  test("shop", "e", Outcome.FAILED, "shop.tap"),
                  test("shop", "f", Outcome.PASSED, "shop.tap"))),
          run(
              1,
              test("shop", "a", Outcome.PASSED, "shop.tap"),
              test("shop", "b", Outcome.FAILED, "shop.tap"),
              test("shop", "c", Outcome.ERRORED, "shop.tap"),
              test("shop", "d", Outcome.PASSED, "shop.tap"),
              test("shop", "e", Outcome.FAILED, "shop.tap")));

  private static CheckedClaim onLine3(String sentence, Evidence evidence) {
    return VerifyFixtures.check(
            "## Since Monday\n\n- " + sentence + "\n", evidence, SubjectResolver.NO_CATEGORIES)
        .stream()
        .filter(c -> c.claim().line() == 3)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no claim read from: " + sentence));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Net effect: 2 fixes and 1 regression.                          | SUPPORTED
          2 fixed (the retry tests), 1 regression, caused by the cache.  | SUPPORTED
          3 fixes, 1 regression.                                         | CONTRADICTED
          2 fixes and 2 new regressions overall.                         | CONTRADICTED
          """)
  void fixesAndRegressionsAreCountedBetweenTheBaselineAndTheLatestRun(
      String sentence, Verdict verdict) {
    CheckedClaim c = onLine3(sentence, RUNS);

    assertThat(c.claim().kind()).isEqualTo(ClaimKind.CHANGE);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @Test
  void aNewTestThatPassesIsNoFix() {
    CheckedClaim c = onLine3("3 fixes this week.", RUNS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("actual 2");
  }

  @Test
  void aTimeOfDayOrAVerbIsNoCountOfFixes() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Timeline\n\n- 09:15 fix `4be01c2` deployed\n- PR 7 fixes the cache key\n",
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .noneMatch(c -> c.claim().stated().stream().anyMatch(q -> "fixes".equals(q.label())));
  }

  @Test
  void withoutABaselineTheCountsAreUnverifiable() {
    CheckedClaim c = onLine3("2 fixes, 1 regression.", new Evidence(RUNS.runs(), null));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void regressionsPlacedInAPartAreNotReadAsTheWholeRuns() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Since Monday\n\n- 3 regressions in checkout.\n",
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }
}
