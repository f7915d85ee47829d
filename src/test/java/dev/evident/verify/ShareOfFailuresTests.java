package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "`X` fails again (1 of the 2 failures)": the numbers place X among the run's failures; they are
 * no count of X's tests.
 */
class ShareOfFailuresTests {

  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  1,
                  all(
                      suite("LedgerTests", Outcome.FAILED, Outcome.PASSED),
                      suite("PayoutTests", Outcome.FAILED)))),
          null);

  @Test
  void aShareOfTheFailuresIsNoCountOfTheNamedTest() {
    List<CheckedClaim> claims =
        check(
            "## Nightly tests\n\n`LedgerTests_0` fails in both runs (1 of the 2 failures both times).\n",
            RUN,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    assertThat(claims)
        .allSatisfy(c -> assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED));
  }
}
