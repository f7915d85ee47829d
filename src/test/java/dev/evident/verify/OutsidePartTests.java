package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A universal claim that leaves a part of the run out by name ("No failures outside Checkout") is
 * checked on the tests outside that part.
 */
class OutsidePartTests {

  /** Checkout: 3 passed, 2 failed. Billing: 4 passed. Search: 2 passed, 1 failed. */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  1,
                  all(
                      suite("CheckoutTests", 3, 2),
                      suite("BillingTests", 4, 0),
                      suite("SearchTests", 2, 1)))),
          null);

  /** Checkout: 3 passed, 2 failed. Billing: 4 passed. */
  private static final Evidence ONE_PART_RED =
      new Evidence(
          List.of(run(1, all(suite("CheckoutTests", 3, 2), suite("BillingTests", 4, 0)))), null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          No failing tests outside Checkout.         | SUPPORTED
          There are no failures outside of Checkout. | SUPPORTED
          No failures outside Billing.               | CONTRADICTED
          No failures outside Inventory.             | UNVERIFIABLE
          """)
  void theClaimIsCheckedOnTheTestsOutsideThePartItLeavesOut(String line, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + line, ONE_PART_RED);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          No failures outside Checkout. | CONTRADICTED
          No failures outside Search.   | CONTRADICTED
          """)
  void aFailureInAnotherPartStillContradictsIt(String line, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + line, RUN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
