package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checklist row whose evidence cell opens with a fraction ("9/10, upload test not executed",
 * "`ExportTests` 4/4") states passing tests of all for the row's subject, whatever its status mark
 * (✅, ⚠️); a fraction that is not the run's is CONTRADICTED.
 */
class ChecklistCellsTests {

  /** ExportTests: 3 passed, 1 skipped; AuditTests: 2 passed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.ExportTests", "a", Outcome.PASSED, "ExportTests.cs"),
                  test("app.ExportTests", "b", Outcome.PASSED, "ExportTests.cs"),
                  test("app.ExportTests", "c", Outcome.PASSED, "ExportTests.cs"),
                  test("app.ExportTests", "d", Outcome.SKIPPED, "ExportTests.cs"),
                  test("app.AuditTests", "a", Outcome.PASSED, "AuditTests.cs"),
                  test("app.AuditTests", "b", Outcome.PASSED, "AuditTests.cs"))),
          null);

  private static CheckedClaim row(String cells) {
    String report =
        "| # | Item | Status | Evidence |\n|---|---|---|---|\n| 1 | Audit | ✅ | 2/2 |\n"
            + cells
            + "\n";
    return check(report, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .filter(c -> c.claim().line() == 4)
        .findFirst()
        .orElseThrow(() -> new AssertionError("row not read: " + cells));
  }

  @Test
  void aWarningRowWithAFractionAndWordsIsReadAsPassingOfAll() {
    CheckedClaim c =
        row("| 2 | ExportTests | ⚠️ | 3/4, the upload test not executed (no server) |");

    assertThat(c.claim().quantity(Measure.PASSING).value()).isEqualTo(3);
    assertThat(c.claim().quantity(Measure.TESTS).value()).isEqualTo(4);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aFractionAfterTheClassNamedInTheCellIsCheckedAgainstTheRun() {
    CheckedClaim c = row("| 2 | ExportTests | ✅ | `ExportTests` 4/4, upload fixed |");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("stated 4 passing, actual 3");
  }

  @Test
  void aCellThatOpensWithAPercentageIsNoFractionOfTests() {
    assertThat(TableCells.leadingFraction("84% line coverage")).isEmpty();
    assertThat(TableCells.leadingFraction("12/10, more than all")).isEmpty();
    assertThat(TableCells.leadingFraction("9/10, one not executed")).hasSize(2);
  }
}
