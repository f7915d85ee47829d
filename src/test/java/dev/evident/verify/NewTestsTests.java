package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "N new tests" counts the tests of the latest run that the baseline lacks, of the whole run or of
 * the class or file the sentence names; it is never compared with a total.
 */
class NewTestsTests {

  /**
   * Baseline: LedgerTest a, b and PayoutTest p. Latest: LedgerTest a, b, c, d and PayoutTest p, q.
   */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.LedgerTest", "a", Outcome.PASSED, "src/LedgerTest.java"),
                  test("app.LedgerTest", "b", Outcome.PASSED, "src/LedgerTest.java"),
                  test("app.LedgerTest", "c", Outcome.PASSED, "src/LedgerTest.java"),
                  test("app.LedgerTest", "d", Outcome.FAILED, "src/LedgerTest.java"),
                  test("app.PayoutTest", "p", Outcome.PASSED, "src/PayoutTest.java"),
                  test("app.PayoutTest", "q", Outcome.PASSED, "src/PayoutTest.java"))),
          run(
              1,
              test("app.LedgerTest", "a", Outcome.PASSED, "src/LedgerTest.java"),
              test("app.LedgerTest", "b", Outcome.FAILED, "src/LedgerTest.java"),
              test("app.PayoutTest", "p", Outcome.PASSED, "src/PayoutTest.java")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "**3 new tests** this week. | SUPPORTED",
        "4 new tests this week. | CONTRADICTED",
        "2 new tests, both in `LedgerTest`. | SUPPORTED",
        "Wrote 1 new test for `PayoutTest` (the payout rounding). | SUPPORTED",
        "Wrote 2 new tests for `PayoutTest`. | CONTRADICTED",
        "Added 5 regression tests in `src/BillingTest.java`. | UNVERIFIABLE",
        "We grew the suite by 3 tests (3 → 6 in all). | SUPPORTED",
        "1 new test added (`q`). | SUPPORTED",
        "Tests added (3 new). | SUPPORTED",
        "Tests added (4 new). | CONTRADICTED",
        "added 3 tests to the suite (retries, rounding, refunds) | SUPPORTED",
      })
  void newTestsAreThoseOfTheLatestRunThatTheBaselineLacks(String line, Verdict verdict) {
    List<CheckedClaim> claims =
        check("## This week\n\n" + line, RUNS, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(line).hasSize(1);
    assertThat(claims.get(0).verdict()).as(claims.get(0).reason()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "added 3 tests to the suite (retries, rounding, refunds) | SUPPORTED",
        "added 2 tests to the suite (retries, rounding) | UNVERIFIABLE",
        "added 2 tests to the Ledger suite (retries, rounding) | SUPPORTED",
        "added 3 tests to the Ledger suite (retries, rounding, refunds) | CONTRADICTED",
      })
  void aWhatChangedHeadingNamesNoPart(String line, Verdict verdict) {
    List<CheckedClaim> claims =
        check("## What changed\n\n- " + line, RUNS, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(line).hasSize(1);
    assertThat(claims.get(0).verdict()).as(claims.get(0).reason()).isEqualTo(verdict);
  }
}
