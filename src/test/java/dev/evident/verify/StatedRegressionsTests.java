package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "No regressions" that the evidence contradicts, in a report that counts the regression on another
 * line, is INCONSISTENT with that line; without such a line, or when the other line's count is not
 * the evidence's either, it stays CONTRADICTED.
 */
class StatedRegressionsTests {

  /** Baseline run 1: cart 10 passed; run 2: cart_9 fails, a regression. */
  private static final Evidence ONE_REGRESSION =
      new Evidence(List.of(run(2, suite("cart", 9, 1))), run(1, suite("cart", 10, 0)));

  private static Verdict verdictOfLine(String markdown, int line) {
    for (CheckedClaim c :
        VerifyFixtures.check(markdown, ONE_REGRESSION, SubjectResolver.NO_CATEGORIES)) {
      if (c.claim().line() == line) {
        return c.verdict();
      }
    }
    throw new AssertionError("no claim on line " + line + " of " + markdown);
  }

  @Test
  void noRegressionsBesideALineCountingTheRegressionIsInconsistent() {
    String report =
        "One regression: `cart_9` passed last week and fails now.\n\n"
            + "We are good to ship, no regressions since last week.\n";
    assertThat(verdictOfLine(report, 3)).isEqualTo(Verdict.INCONSISTENT);
  }

  @Test
  void noRegressionsAloneIsContradictedByTheEvidence() {
    assertThat(verdictOfLine("We are good to ship, no regressions since last week.\n", 1))
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aLineCountingOtherRegressionsThanTheEvidenceLeavesItContradicted() {
    String report =
        "3 regressions were triaged on Monday.\n\n"
            + "We are good to ship, no regressions since last week.\n";
    assertThat(verdictOfLine(report, 3)).isEqualTo(Verdict.CONTRADICTED);
  }
}
