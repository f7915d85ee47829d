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
 * "We are up 1 passing test": a difference between the baseline and the latest run, never a count
 * of either.
 */
class StatedGainsTests {

  /** Baseline: 30 passed, 3 failed. Latest: 32 passed, 1 failed, 1 errored. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("OrdersTests", 20, 1, 1), suite("UsersTests", 12, 0)))),
          run(1, all(suite("OrdersTests", 18, 3), suite("UsersTests", 12, 0))));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Compared with Monday we are up 2 passing tests.    | SUPPORTED
          Compared with Monday we are up 3 passing tests.    | CONTRADICTED
          The nightly is down 2 failed tests.                | SUPPORTED
          Since Monday we are up by 2 passing tests.         | SUPPORTED
          """)
  void aDifferenceIsTheLatestRunLessTheBaseline(String line, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + line, RUNS);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We are up 2 passing tests.       | UNVERIFIABLE
          """)
  void withoutABaselineThereIsNoDifferenceToCheck(String line, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + line, new Evidence(RUNS.runs(), null));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
