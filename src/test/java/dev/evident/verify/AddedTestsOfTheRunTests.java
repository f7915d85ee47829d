package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "We added 3 tests this week", "2 tests added (a and b)": a count of added tests that nothing
 * narrows is of all the tests the latest run has and the baseline lacks, so a count that differs is
 * CONTRADICTED; one for a part ("for refunds") may be some of them and stays unverifiable.
 */
class AddedTestsOfTheRunTests {

  /** Baseline: a, b. Latest: a, b, c, d (2 new), all passing. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("shop", "a", Outcome.PASSED, "shop.tap"),
                  test("shop", "b", Outcome.PASSED, "shop.tap"),
                  test("shop", "c", Outcome.PASSED, "shop.tap"),
                  test("shop", "d", Outcome.PASSED, "shop.tap"))),
          run(
              1,
              test("shop", "a", Outcome.PASSED, "shop.tap"),
              test("shop", "b", Outcome.PASSED, "shop.tap")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We added 2 tests this sprint.                      | SUPPORTED
          We added 3 tests this sprint.                      | CONTRADICTED
          Overall we added 5 tests.                          | CONTRADICTED
          2 tests added (the coupon cases).                  | SUPPORTED
          3 tests were added.                                | CONTRADICTED
          We added 3 regression tests this sprint.           | UNVERIFIABLE
          We added 3 tests for the coupon cases.             | UNVERIFIABLE
          """)
  void addedTestsNothingNarrowsAreAllTheNewOnes(String sentence, Verdict verdict) {
    CheckedClaim c =
        VerifyFixtures.check(
                "## Notes\n\n- " + sentence + "\n\n## Totals\n\n- 4 of 4 passing\n",
                RUNS,
                SubjectResolver.NO_CATEGORIES)
            .stream()
            .filter(x -> x.claim().line() == 3)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no claim read from: " + sentence));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
