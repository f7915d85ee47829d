package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "No failing tests for the second build in a row": the claim says the run before was the same, so
 * the baseline is held to it too.
 */
class InARowTests {

  private static Evidence runs(int failedBefore) {
    return new Evidence(
        List.of(run(2, suite("QueueTests", 6, 0))),
        run(1, suite("QueueTests", 6 - failedBefore, failedBefore)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          No failing tests for the second build in a row.    | 1 | CONTRADICTED
          No failing tests for the second build in a row.    | 0 | SUPPORTED
          All tests green for the third night running.       | 2 | CONTRADICTED
          No failing tests in this build.                    | 1 | SUPPORTED
          """)
  void theRunBeforeIsHeldToTheClaimToo(String line, int failedBefore, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + line, runs(failedBefore));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
