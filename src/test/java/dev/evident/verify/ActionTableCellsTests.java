package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a table of action items, a status cell such as "Done: `RetryTests` 3/3" or "Done: 1 new test
 * in `KeyTests`" is a claim about the class or test it names, checked against the run; the row's
 * label, an action in words, is not the subject.
 */
class ActionTableCellsTests {

  /** Baseline: KeyTests a. Latest: KeyTests a, b (b new); RetryTests 3 passed, 1 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("svc.KeyTests", "a", Outcome.PASSED, "KeyTests.cs"),
                  test("svc.KeyTests", "b", Outcome.PASSED, "KeyTests.cs"),
                  test("svc.RetryTests", "r1", Outcome.PASSED, "RetryTests.cs"),
                  test("svc.RetryTests", "r2", Outcome.PASSED, "RetryTests.cs"),
                  test("svc.RetryTests", "r3", Outcome.PASSED, "RetryTests.cs"),
                  test("svc.RetryTests", "Retry_GivesUp", Outcome.FAILED, "RetryTests.cs"))),
          run(1, test("svc.KeyTests", "a", Outcome.PASSED, "KeyTests.cs")));

  private static CheckedClaim row(String status) {
    String report =
        "## Action items\n\n| # | Action | Owner | Status |\n|---|---|---|---|\n"
            + "| 1 | Make the charge idempotent | @ana | "
            + status
            + " |\n| 2 | Page on duplicates | @sre | In progress |\n";
    return VerifyFixtures.check(report, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .filter(c -> c.claim().line() == 5)
        .findFirst()
        .orElseThrow(() -> new AssertionError("status not read: " + status));
  }

  @Test
  void aDoneCellWithNewTestsCountsTheNewTestsOfTheClassItNames() {
    CheckedClaim c = row("Done: 1 new test in `KeyTests`");

    assertThat(c.claim().subject()).isEqualTo("KeyTests");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aDoneCellWithAFractionIsCheckedAgainstTheClassItNames() {
    CheckedClaim c = row("Done: `RetryTests` 4/4");

    assertThat(c.claim().subject()).isEqualTo("RetryTests");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aDoneCellNamingAPassingTestIsAboutThatTest() {
    CheckedClaim wrong = row("Fixed: `Retry_GivesUp` passing");

    assertThat(wrong.claim().subject()).isEqualTo("Retry_GivesUp");
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.CONTRADICTED);
  }
}
