package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "The 3 tests which failed last week pass now" counts the tests that failed earlier, not the run:
 * it is checked against the baseline's failed and errored tests and what they do in the latest run,
 * and never against the run's total.
 */
class FormerFailuresTests {

  /** Baseline run 1: cart_0..6 passed, cart_7..9 failed. */
  private static final RunEvidence BEFORE = run(1, suite("cart", 7, 3));

  private static List<CheckedClaim> check(String markdown, RunEvidence now, RunEvidence before) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            markdown, new Evidence(List.of(now), before), SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).isNotEmpty();
    return claims;
  }

  @Test
  void theEarlierFailuresAllPassingNowIsSupported() {
    for (CheckedClaim c :
        check(
            "## Results\n\nThe 3 tests which failed last week pass now.",
            run(2, suite("cart", 10, 0)),
            BEFORE)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
      assertThat(c.reason()).contains("not a total of the run");
    }
  }

  @Test
  void oneOfTheEarlierFailuresStillFailingContradictsIt() {
    // cart_9 still fails in run 2
    for (CheckedClaim c :
        check(
            "## Results\n\nAll 3 specs that were broken before the fix are green now.",
            run(2, suite("cart", 9, 1)),
            BEFORE)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
      assertThat(c.reason()).contains("3 failed or errored tests; 2 of them pass");
    }
  }

  @Test
  void aCountOtherThanTheBaselinesFailuresIsUnverifiableNotATotal() {
    for (CheckedClaim c :
        check(
            "## Results\n\nThe 2 tests that were failing yesterday pass now.",
            run(2, suite("cart", 10, 0)),
            BEFORE)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
      assertThat(c.reason()).contains("may be of another earlier point");
    }
  }

  @Test
  void withoutAnEarlierRunItIsUnverifiable() {
    for (CheckedClaim c :
        check(
            "## Results\n\nThe 3 tests which failed last week pass now.",
            run(2, suite("cart", 10, 0)),
            null)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    }
  }

  @Test
  void aPlainCountOfTestsThatPassIsNotReadAsEarlierFailures() {
    Claim plain =
        new Claim(
            3,
            "3 tests pass now.",
            ClaimKind.COUNT,
            "",
            List.of(Quantity.exact(Measure.PASSING, 3)),
            List.of(),
            null,
            null,
            false);

    assertThat(FormerFailures.speaksOf(plain)).isFalse();
  }
}
