package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "The `x` e2e test is skipped", "`y` is still a TODO": a named test's outcome after its noun. */
class TestNounOutcomesTests {

  /** Latest: opens dashboard passes, uploads avatar skipped (a TODO), sends invite fails. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("ui.tap", "opens dashboard", Outcome.PASSED, "ui.tap"),
                  test("ui.tap", "uploads avatar", Outcome.SKIPPED, "ui.tap"),
                  test("ui.tap", "sends invite", Outcome.FAILED, "ui.tap"))),
          null);

  private static Verdict verdict(String line) {
    List<CheckedClaim> claims = check(line, RUNS, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(line).hasSize(1);
    return claims.get(0).verdict();
  }

  @Test
  void aNamedTestsOutcomeMayFollowTheNounTest() {
    assertThat(verdict("The `uploads avatar` ui test is skipped for now."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("The `sends invite` test fails.")).isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("The `opens dashboard` smoke test is red.")).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void anOutcomeInAnotherRunIsNotReadAsTheLatests() {
    assertThat(check("The `sends invite` test passes in 4.0.", RUNS, SubjectResolver.NO_CATEGORIES))
        .noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }

  @Test
  void aCountOfAGroupsTestsIsNotANamedClaimOnTheWholeGroup() {
    assertThat(check("- 1 `ui.tap` test is skipped for now.", RUNS, SubjectResolver.NO_CATEGORIES))
        .noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }

  @Test
  void aTestLeftAsATodoIsSkipped() {
    assertThat(verdict("`uploads avatar` is still a TODO, not a failure."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("`sends invite` remains a TODO.")).isEqualTo(Verdict.CONTRADICTED);
  }
}
