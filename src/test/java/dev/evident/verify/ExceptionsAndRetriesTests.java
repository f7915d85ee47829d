package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exceptions a claim states ("apart from one skipped test", "except ledger_rounding") are honoured,
 * and a flaky test said to fail and then pass on a retry is what the report says.
 */
class ExceptionsAndRetriesTests {

  /** billing: 4 passed, 1 skipped; ledger: 3 passed, ledger_rounding failed, flaky_clock flaky. */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.BillingTest", "charges", Outcome.PASSED, ""),
                  test("app.BillingTest", "refunds", Outcome.PASSED, ""),
                  test("app.BillingTest", "voids", Outcome.PASSED, ""),
                  test("app.BillingTest", "splits", Outcome.PASSED, ""),
                  test("app.BillingTest", "exports", Outcome.SKIPPED, ""),
                  test("app.LedgerTest", "sums", Outcome.PASSED, ""),
                  test("app.LedgerTest", "carries", Outcome.PASSED, ""),
                  test("app.LedgerTest", "closes", Outcome.PASSED, ""),
                  test("app.LedgerTest", "ledger_rounding", Outcome.FAILED, ""),
                  test("app.LedgerTest", "flaky_clock", Outcome.FLAKY, ""))),
          null);

  @Test
  void anExceptionByNumberAndOutcomeIsHonoured() {
    CheckedClaim one =
        only("## Areas\n\n`BillingTest` is all green apart from one skipped test.", RUN);
    CheckedClaim two =
        only("## Areas\n\n`BillingTest` is all green apart from two skipped tests.", RUN);

    assertThat(one.verdict()).as(one.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(one.reason()).contains("1 skipped");
    // the scope does not hold that many: the claim is checked on all of it
    assertThat(two.verdict()).as(two.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void anExceptionMayCallItsFailureKnown() {
    CheckedClaim c =
        only("## Areas\n\n`LedgerTest` is all green except for one known failure.", RUN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aTestLeftOutByItsIdentifierWithoutBackticksIsHonoured() {
    CheckedClaim c = only("## Status\n\n- all of `LedgerTest` passes except ledger_rounding", RUN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("except ledger_rounding");
  }

  @Test
  void aFlakyTestSaidToFailThenPassOnARetryIsSupported() {
    CheckedClaim retried =
        only(
            "## Flaky\n\n`LedgerTest.flaky_clock` failed on the first attempt and passed on a rerun.",
            RUN);
    CheckedClaim failed = only("## Red\n\n`LedgerTest.flaky_clock` failed.", RUN);

    assertThat(retried.verdict()).as(retried.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(retried.reason()).contains("1 flaky");
    // said to fail, no more: it did fail once, and then passed; neither verdict is certain
    assertThat(failed.verdict()).as(failed.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void methodNamesWithParenthesesNameTheirTests() {
    Evidence gradle =
        new Evidence(
            List.of(
                run(
                    2,
                    test("app.SearchTest", "ranksFresh()", Outcome.FAILED, ""),
                    test("app.SearchTest", "dropsDupes()", Outcome.FAILED, ""),
                    test("app.SearchTest", "pages()", Outcome.PASSED, ""))),
            null);

    CheckedClaim c =
        only("## Search\n\n`ranksFresh()` and `dropsDupes()` both started failing.", gradle);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }
}
