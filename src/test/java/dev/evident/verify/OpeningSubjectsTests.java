package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a sentence opens with before its verb is what it counts: "t/04-failover.t passed 7 of 7",
 * "The parser passed 7 of its 7 tests". A name that resolves is checked; one that does not keeps
 * the whole run from contradicting the claim. Each line of a paragraph that ends in a full stop is
 * a sentence, whatever the next line opens with.
 */
class OpeningSubjectsTests {

  /** 04-failover.t.tap: 6 passed, 1 failed; 01-config.t.tap: 6 passed; the run: 12 of 13. */
  private static final Evidence RUN =
      new Evidence(
          List.of(run(1, all(suite("04-failover.t.tap", 6, 1), suite("01-config.t.tap", 6, 0)))),
          null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          t/04-failover.t passed 7 of 7.             | CONTRADICTED | suite 04-failover.t.tap
          t/01-config.t passed 6 of 6 tests.         | SUPPORTED    | suite 01-config.t.tap
          `t/01-config.t` passed 6 of its 6 tests.   | SUPPORTED    | suite 01-config.t.tap
          The parser passed 7 of its 7 tests.        | UNVERIFIABLE | may be about 'parser' only
          Parser passed 7/7 tests.                   | UNVERIFIABLE | may be about 'Parser' only
          """)
  void theNameBeforeTheVerbIsWhatTheNumbersCount(String line, Verdict verdict, String reason) {
    CheckedClaim c = only("## Tests\n\n" + line, RUN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).contains(reason);
  }

  @Test
  void aLineEndingInAFullStopEndsItsSentenceThoughTheNextOpensInLowerCase() {
    List<CheckedClaim> claims =
        check(
            """
            ## What the tests told us

            The TODO in the retry file was there before and is unrelated.
            t/04-failover.t passed 6 of 7.
            t/01-config.t passed 6 of 6.
            """,
            RUN,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("4 SUPPORTED", "5 SUPPORTED");
  }
}
