package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table row that states the whole run's numbers ("Total", "Full test suite") is compared with the
 * report's prose about the run: when they disagree, the row is INCONSISTENT and names the line the
 * evidence bears out. A total its own rows do not add up to is wrong on its own and stays
 * CONTRADICTED. A row whose earlier cell is "–" (a group new in the run) is still read.
 */
class WholeRunRowsTests {

  /** Run 2: cart 9 passed + 1 failed, pay 4 passed + 1 errored, search 6 passed (21 tests). */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(2, all(suite("cart", 9, 1, 0), suite("pay", 4, 0, 1), suite("search", 6, 0, 0)))),
          run(1, all(suite("cart", 7, 3, 0), suite("pay", 5, 0, 0))));

  private static CheckedClaim at(String markdown, int line) {
    return VerifyFixtures.check(markdown, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .filter(c -> c.claim().line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no claim on line " + line));
  }

  private static final String PER_RUN =
      """
      | Suite | main | this PR |
      |---|---|---|
      | cart | 7/10 | 9/10 |
      | pay | 5/5 | 5/5 |
      | search | – | 6/6 |
      | **Total** | **12/15** | **%s/21** |

      Overall on this PR: 19 passed, 1 failed, 1 error, out of 21.
      """;

  @Test
  void aFullSuiteRowOfAChecklistDisagreeingWithTheProseIsInconsistent() {
    String report =
        """
        | # | Item | Status | Evidence |
        |---|---|---|---|
        | 1 | Full test suite (`pytest`) | ✅ | 21 tests: 20 passed, 1 failed |

        ## Decision

        - 19 of the 21 executed tests pass.
        """;

    CheckedClaim row = at(report, 3);
    assertThat(row.verdict()).as(row.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(row.reason()).isEqualTo("line 7 says 19 passing; this says 20");
    CheckedClaim prose = at(report, 7);
    assertThat(prose.verdict()).as(prose.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aTotalRowTheRowsAddUpToDisagreesWithTheLineAboutThisPr() {
    String report = PER_RUN.formatted(20);

    CheckedClaim total = at(report, 6);
    assertThat(total.verdict()).as(total.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(total.reason()).isEqualTo("line 8 says 19 passing; this says 20");
    CheckedClaim prose = at(report, 8);
    assertThat(prose.verdict()).as(prose.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aTotalRowItsOwnRowsDoNotMakeStaysContradicted() {
    CheckedClaim total = at(PER_RUN.formatted(18), 6);

    assertThat(total.verdict()).as(total.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aRowOfAGroupAbsentBeforeIsReadFromItsLatestCell() {
    CheckedClaim search = at(PER_RUN.formatted(20), 5);

    assertThat(search.claim().subject()).isEqualTo("search");
    assertThat(search.verdict()).as(search.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aBarePullRequestNamesTheLatestRun() {
    assertThat(WholeRows.thisChange("PR")).isTrue();
    assertThat(WholeRows.thisChange("this merge request")).isTrue();
    assertThat(WholeRows.thisChange("PRNG")).isFalse();
    assertThat(WholeRows.label("Full test suite (`dotnet test`)")).isTrue();
    assertThat(WholeRows.label("Ledger export")).isFalse();
  }
}
