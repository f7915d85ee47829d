package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Added `refundsTwice`": a test added by name is one the latest run has and the baseline lacks; a
 * name the runs do not bear out as new is left unverifiable, never contradicted.
 */
class AddedNamesTests {

  /** Baseline: chargesCard, voidsCharge. Latest: those, refundsTwice and refundsZero. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("PayTests", "chargesCard", Outcome.PASSED, "PayTests.cs"),
                  test("PayTests", "voidsCharge", Outcome.FAILED, "PayTests.cs"),
                  test("PayTests", "refundsTwice", Outcome.PASSED, "PayTests.cs"),
                  test("PayTests", "refundsZero", Outcome.PASSED, "PayTests.cs"))),
          run(
              1,
              test("PayTests", "chargesCard", Outcome.PASSED, "PayTests.cs"),
              test("PayTests", "voidsCharge", Outcome.PASSED, "PayTests.cs")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Added `refundsTwice` while I was in the refund code.        | SUPPORTED
          Also wrote `refundsTwice` and `refundsZero` for the edge.   | SUPPORTED
          Added `PayTests.refundsZero()` for the zero amount.         | SUPPORTED
          Added `voidsCharge` logging to chase the failure.           | UNVERIFIABLE
          Added `retry_budget` to the settings.                       | UNVERIFIABLE
          """)
  void aTestAddedByNameIsNewInTheLatestRun(String sentence, Verdict verdict) {
    CheckedClaim c = VerifyFixtures.only("## Work\n\n- " + sentence + "\n", RUNS);

    assertThat(c.claim().kind()).isEqualTo(ClaimKind.NAMED);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
