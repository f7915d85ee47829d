package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "We wrote 5 more tests, taking the suite from 10 to 15": the count of new tests beside a change
 * is the difference, not the total the change ends at, so it is never checked as the run's total.
 */
class NewTestsBesideChangeTests {

  private static final Evidence GREW =
      new Evidence(
          List.of(run(2, all(suite("cart", 10, 0), suite("pay", 5, 0)))),
          run(1, suite("cart", 10, 0)));

  @Test
  void theNewTestsAreNotTheTotalTheChangeEndsAt() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Results\n\nWe wrote 5 more tests, taking the suite from 10 to 15.\n",
            GREW,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    for (CheckedClaim c : claims) {
      assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.CONTRADICTED);
      assertThat(c.claim().stated()).noneMatch(q -> q.value() == 5 && q.measure().isTotal());
    }
    CheckedClaim change =
        claims.stream().filter(c -> c.claim().kind() == ClaimKind.CHANGE).findFirst().orElseThrow();
    assertThat(change.verdict()).as(change.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aChangeThatEndsAtAnotherTotalIsStillContradicted() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Results\n\nWe wrote 5 more tests, taking the suite from 10 to 17.\n",
            GREW,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).anyMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }
}
