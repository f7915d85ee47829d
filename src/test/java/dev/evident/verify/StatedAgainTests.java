package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wordings that state a figure again: a part that "stayed at 9/9", the new tests a count lists
 * after a colon, a count "same as before", a count labeled by its outcome ("Failed tests: 2"), and
 * a change of pass rate whose "now" side another line of the report already gives otherwise; and
 * "main" as the name of the run before.
 */
class StatedAgainTests {

  /** Latest: payments 9 passed, inventory 5 passed 1 failed (14 of 15). */
  private static final Evidence PARTS =
      new Evidence(
          List.of(run(2, all(suite("payments", 9, 0), suite("inventory", 5, 1)))),
          run(1, all(suite("payments", 9, 0), suite("inventory", 6, 0))));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          payments stayed at 9/9 this week.                                | SUPPORTED
          inventory remained at 6/6.                                       | CONTRADICTED
          `inventory` was not touched by the refactor and stayed at 6/6.   | CONTRADICTED
          """)
  void aPartThatStayedAtAFractionPassesThatFractionNow(String line, Verdict verdict) {
    CheckedClaim c = only("## Parts\n\n" + line, PARTS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  /** Baseline: LedgerTest a. Latest: LedgerTest a, b and PayoutTest q. */
  private static final Evidence ADDED =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.LedgerTest", "a", Outcome.PASSED, "src/LedgerTest.java"),
                  test("app.LedgerTest", "b", Outcome.PASSED, "src/LedgerTest.java"),
                  test("app.PayoutTest", "q", Outcome.PASSED, "src/PayoutTest.java"))),
          run(1, test("app.LedgerTest", "a", Outcome.PASSED, "src/LedgerTest.java")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Two additions. 2 new tests: `LedgerTest.b`, `PayoutTest.q`.       | SUPPORTED
          Two additions. 2 new tests: `b()` in the ledger and `q()` in payouts. | SUPPORTED
          """)
  void theNewTestsACountListsAfterAColonAreAllOfIt(String line, Verdict verdict) {
    CheckedClaim c = only("## Added\n\n" + line, ADDED);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @Test
  void aCountSameAsBeforeIsNotBorneOutByTheBaselineAlone() {
    CheckedClaim c =
        only("## Parts\n\nThe inventory tests are at 6 of 6 passing, same as before.", PARTS);

    assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.SUPPORTED);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Failed tests: 1.          | SUPPORTED
          Failed tests: 3.          | CONTRADICTED
          Executed tests: 15.       | SUPPORTED
          Passed tests: 15.         | CONTRADICTED
          """)
  void aCountLabeledByItsOutcomeCountsTestsOfThatOutcome(String line, Verdict verdict) {
    CheckedClaim c = only("## Summary\n\n" + line, PARTS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Executed tests on main: 15, of which 15 passed.   | SUPPORTED
          Executed tests on main: 16.                       | CONTRADICTED
          """)
  void theDefaultBranchNamesTheRunBeforeWhole(String line, Verdict verdict) {
    CheckedClaim c = only("## Compared\n\n" + line, PARTS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).contains("baseline run 1");
  }

  /** Latest: 18 of 20 pass (90.0%); baseline: 16 of 20 (80.0%). */
  private static final Evidence RATES =
      new Evidence(List.of(run(2, suite("core", 18, 2))), run(1, suite("core", 16, 4)));

  @Test
  void aChangeOfRateWhoseNowSideAnotherLineGivesRightIsInconsistent() {
    List<CheckedClaim> claims =
        check(
            """
            ## Quality

            Overall 18/20 passing (90.0%), up from 16/20 last month.
            Pass rate went from 80.0% to 92.5%.
            """,
            RATES, SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("3 SUPPORTED", "4 INCONSISTENT");
    assertThat(claims.get(1).reason()).contains("line 3 states 90.0% pass rate");
  }

  @Test
  void aChangeOfRateNoOtherLineGivesStaysContradicted() {
    CheckedClaim c = only("## Quality\n\nPass rate went from 80.0% to 92.5%.", RATES);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }
}
