package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Differences and changes worded around their numbers: "N tests vs M — K more" (its own
 * arithmetic), "ran 3 more tests than the incident build" (a difference between the runs), a rate
 * with its fraction before "up from" (the rate now is checked), and "ran" as a count of executed
 * tests.
 */
class DifferenceWordingsTests {

  /** Latest: 14 passed + 2 failed + 1 skipped (16 executed). Baseline: 12 passed + 2 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  all(
                      suite("cart", 14, 2),
                      VerifyFixtures.suite("cart_skips", dev.evident.model.Outcome.SKIPPED)))),
          run(1, all(suite("cart", 12, 2))));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We executed 16 tests this sprint vs 14 last sprint — 2 more.           | SUPPORTED
          We executed 16 tests this sprint vs 14 last sprint — 3 more.           | INCONSISTENT
          The fix's CI ran 2 more tests than the incident build did.             | SUPPORTED
          The fix's CI ran 3 more tests than the incident build did.             | CONTRADICTED
          Pass rate 87.5% (14/16), up from 85.7% last sprint.                    | SUPPORTED
          Pass rate 93.8% (15/16), up from 85.7% last sprint.                    | CONTRADICTED
          Totals: 16 ran, 14 passed, 2 failed → 87.5% pass rate.                 | SUPPORTED
          Totals: 16 ran, 14 passed, 2 failed → 95% pass rate.                   | INCONSISTENT
          """)
  void aDifferenceOrChangeIsCheckedWithItsOwnNumbers(String line, Verdict verdict) {
    List<CheckedClaim> claims =
        VerifyFixtures.check("## Sprint\n\n" + line, RUNS, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    for (CheckedClaim c : claims) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We still need 3 more tests for the refund flow.
          The job ran into a timeout twice.
          """)
  void moreTestsWithoutAnEarlierPointIsNoClaim(String line) {
    List<CheckedClaim> claims =
        VerifyFixtures.check("## Sprint\n\n" + line, RUNS, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theFractionOfAPassRateIsItsPassingTests() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Sprint\n\n- Totals: 17 tests, 14 passing, 2 failing, 1 skipped.\n"
                + "- pass rate now 15/17 = 88.2%\n",
            RUNS, SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("3 SUPPORTED", "4 INCONSISTENT"); // 15 passing against the line above
  }
}
