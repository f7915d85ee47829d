package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Added 2 tests for refunds" counts tests the latest run has and the baseline lacks: it is never
 * compared with another line's total of the run, and it is SUPPORTED when the whole run gained that
 * many; otherwise it is left unverifiable, never CONTRADICTED by the run's total.
 */
class AddedTestsCountTests {

  /** Baseline: a, b. Latest: a, b, c, d (2 new), all passing. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("shop", "a", Outcome.PASSED, "shop.tap"),
                  test("shop", "b", Outcome.PASSED, "shop.tap"),
                  test("shop", "c", Outcome.PASSED, "shop.tap"),
                  test("shop", "d", Outcome.PASSED, "shop.tap"))),
          run(
              1,
              test("shop", "a", Outcome.PASSED, "shop.tap"),
              test("shop", "b", Outcome.PASSED, "shop.tap")));

  private static CheckedClaim first(String sentence) {
    String report = "## Yesterday\n\n- " + sentence + "\n\n## Today\n\n- 4 of 4 passing\n";
    return VerifyFixtures.check(report, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .filter(c -> c.claim().line() == 3)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void addedTestsThatTheRunGainedAreSupportedNotComparedWithTheTotal() {
    CheckedClaim c = first("Added 2 tests for split payments");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).doesNotContain("line 7");
  }

  @Test
  void addedTestsTheRunDidNotGainStayUnverifiable() {
    CheckedClaim c = first("I added 3 regression tests for refunds, and they all pass");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }
}
