package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "`CartTests` is 4 of 5": a named group's passing tests of all its tests, in words. */
class CountOfWordsTests {

  /** CartTests: 4 passed, 1 failed; PayTests: 3 passed. */
  private static final Evidence RUNS =
      new Evidence(List.of(run(2, all(suite("CartTests", 4, 1), suite("PayTests", 3, 0)))), null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CartTests is 4 of 5 because of the coupon case.       | SUPPORTED
          CartTests is 5 of 5 after the coupon fix.             | CONTRADICTED
          PayTests is 3 out of 3.                               | SUPPORTED
          """)
  void aGroupIsItsPassingTestsOfAll(String sentence, Verdict verdict) {
    CheckedClaim c = only("## Suites\n\n" + sentence, RUNS);

    assertThat(c.claim().kind()).isEqualTo(ClaimKind.NAMED);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
