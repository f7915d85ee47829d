package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "`a` and `b` were the 2 failures in `X`; both pass now": the count is of the run before, and the
 * named tests are checked in both runs.
 */
class WereFailuresTests {

  /** Baseline: parsesDate failed, roundsUp errored, keepsOrder passed. Latest: all three pass. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("DatesTest", "parsesDate", Outcome.PASSED, "DatesTest.java"),
                  test("DatesTest", "roundsUp", Outcome.PASSED, "DatesTest.java"),
                  test("DatesTest", "keepsOrder", Outcome.PASSED, "DatesTest.java"))),
          run(
              1,
              test("DatesTest", "parsesDate", Outcome.FAILED, "DatesTest.java"),
              test("DatesTest", "roundsUp", Outcome.ERRORED, "DatesTest.java"),
              test("DatesTest", "keepsOrder", Outcome.PASSED, "DatesTest.java")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `parsesDate` and `roundsUp` were the 2 failures in `DatesTest`; both pass now.  | SUPPORTED
          `parsesDate` and `roundsUp` were the 2 failing tests, and both are green now.   | SUPPORTED
          `parsesDate` and `keepsOrder` were the 2 failures in `DatesTest`; both pass now. | CONTRADICTED
          `parsesDate` and `roundsUp` were the 3 failures in `DatesTest`; all pass now.   | UNVERIFIABLE
          """)
  void theCountIsOfTheRunBeforeAndTheNamedTestsPassNow(String line, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n- " + line, RUNS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
