package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A label that announces a verdict ("Decision:", "Sign-off:", "Resolution:", "Ready to merge:")
 * names no part of the run: what follows it is checked against the whole run.
 */
class VerdictLabelsTests {

  /** Run 2: cart 9 passed + 1 failed, pay 5 passed. */
  private static final Evidence RED =
      new Evidence(List.of(run(2, all(suite("cart", 9, 1), suite("pay", 5, 0)))), null);

  private static final Evidence GREEN =
      new Evidence(List.of(run(2, all(suite("cart", 10, 0), suite("pay", 5, 0)))), null);

  private static List<CheckedClaim> check(String markdown, Evidence evidence) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(markdown, evidence, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).isNotEmpty();
    return claims;
  }

  @Test
  void aSignOffThatEverythingPassesIsContradictedByAFailureAnywhereInTheRun() {
    for (CheckedClaim c : check("**Sign-off:** shipping it, every test is green.\n", RED)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
      assertThat(c.reason()).doesNotContain("Sign-off");
    }
  }

  @Test
  void aDecisionThatAllTestsPassIsSupportedByAGreenRun() {
    for (CheckedClaim c : check("Final decision: release, all tests pass.\n", GREEN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    }
  }

  @Test
  void verdictLabelsNameNoSubjectButOtherLabelsStillDo() {
    assertThat(Subjects.ofLabel("Resolution")).isEmpty();
    assertThat(Subjects.ofLabel("Ready to merge")).isEmpty();
    assertThat(Subjects.ofLabel("Go/no-go")).isEmpty();
    assertThat(Subjects.ofLabel("Headline")).isEmpty();
    assertThat(Subjects.ofLabel("Checkout decision flow")).isEqualTo("Checkout decision flow");
    assertThat(Subjects.ofLabel("Resolution service")).isEqualTo("Resolution service");
  }
}
