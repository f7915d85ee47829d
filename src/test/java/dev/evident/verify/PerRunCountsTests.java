package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A count given for each of two named runs after its label ("Failures: 4 in 2.0, 1 in 2.1") is a
 * change from the earlier run to the later, never a count of the latest run alone.
 */
class PerRunCountsTests {

  /** Baseline: 5 passed, 3 failed. Latest: 7 passed, 1 failed. */
  private static final Evidence RUNS =
      new Evidence(List.of(run(2, suite("ApiTests", 7, 1))), run(1, suite("ApiTests", 5, 3)));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Failures: 3 in 5.0, 1 in 5.1.              | SUPPORTED
          Failing tests: 1 in 5.1, 3 in 5.0.         | SUPPORTED
          Passed: 5 on beta 1 and 7 on beta 2.       | SUPPORTED
          Failures: 1 in 5.0, 3 in 5.1.              | CONTRADICTED
          Failures: 4 in 5.0, 1 in 5.1.              | CONTRADICTED
          """)
  void eachFigureIsCheckedAgainstItsOwnRun(String line, Verdict verdict) {
    CheckedClaim c = only("## Quality\n\n- " + line, RUNS);

    assertThat(c.claim().kind()).isEqualTo(ClaimKind.CHANGE);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
