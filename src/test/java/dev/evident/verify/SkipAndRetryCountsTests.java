package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts of tests that say what the tests did: needed a retry, stay pending, skipped and todo. */
class SkipAndRetryCountsTests {

  /** Payments: 5 passed, 1 passed on a rerun, 2 skipped; Search: 4 passed. 12 tests in all. */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  2,
                  all(
                      suite(
                          "payments",
                          Outcome.PASSED,
                          Outcome.PASSED,
                          Outcome.PASSED,
                          Outcome.PASSED,
                          Outcome.PASSED,
                          Outcome.FLAKY,
                          Outcome.SKIPPED,
                          Outcome.SKIPPED),
                      suite("search", 4, 0)))),
          null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 payments test (the card decline case) needed a rerun before it went green. | SUPPORTED
          2 payments tests (both on refunds) needed a retry today.                    | CONTRADICTED
          2 payments tests remain skipped until the new gateway is live.               | SUPPORTED
          3 payments tests stay pending until the new gateway is live.                 | CONTRADICTED
          The nightly build has 12 tests, 1 skipped and 1 pending.                     | SUPPORTED
          The nightly build has 12 tests: 1 skipped, 1 todo.                           | SUPPORTED
          The nightly build has 12 tests, 2 skipped and 1 pending.                     | CONTRADICTED
          """)
  void aCountOfWhatTestsDidIsCheckedAsThatOutcome(String sentence, Verdict verdict) {
    List<CheckedClaim> claims = check(sentence, RUN, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).as(sentence).isNotEmpty();
    assertThat(claims)
        .as(sentence)
        .allSatisfy(c -> assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict));
  }
}
