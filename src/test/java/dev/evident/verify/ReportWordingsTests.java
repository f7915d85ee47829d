package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words of a report that say how, or of what, rather than which part. */
class ReportWordingsTests {

  /** Baseline: 36 passed, 3 failed, 1 errored. Latest: 39 passed, 1 failed. */
  private static final Evidence SHOP =
      new Evidence(List.of(run(2, suite("Orders", 39, 1))), run(1, suite("Orders", 36, 3, 1)));

  @Test
  void aLabelThatSaysHowSomethingIsSaidNamesNoPart() {
    List<CheckedClaim> claims =
        check(
            "- Precisely: 39 of 40 tests pass.\n- In total 38 tests pass.\n",
            SHOP,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).extracting(c -> c.claim().subject()).containsOnly("");
    assertThat(claims)
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.SUPPORTED, Verdict.INCONSISTENT);
  }

  @Test
  void redTestsAreTheFailingOnes() {
    CheckedClaim c = only("Red tests went from 4 to 1, a 75% drop.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.actual()).containsKey("failing");
  }

  @Test
  void aFlakyTestFailedOnItsFirstAttempt() {
    Evidence login =
        new Evidence(
            List.of(
                run(
                    2,
                    VerifyFixtures.all(
                        suite("Login", 9, 0),
                        new TestEvidence[] {
                          VerifyFixtures.test("Login", "remembers", Outcome.FLAKY, "tests/Login.py")
                        }))),
            null);

    CheckedClaim first = only("Login: 10/10 pass on the first attempt.", login);
    CheckedClaim atAll = only("Login: 10/10 pass.", login);
    CheckedClaim counted = only("Login: 10 tests, 9 passed on the first try, 1 flaky.", login);

    assertThat(first.verdict()).as(first.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(first.reason()).contains("1 flaky counted as failed");
    assertThat(atAll.verdict()).as(atAll.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(counted.verdict()).as(counted.reason()).isEqualTo(Verdict.SUPPORTED);
  }
}
