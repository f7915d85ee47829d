package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.claims;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Table rows as a reader takes them: a column per run makes each row a change of the whole run, a
 * column of row numbers and amounts of money are no counts, a cell in words is read as a sentence,
 * and flaky tests are a part of a row's total.
 */
class TableRowsTests {

  private static TestEvidence[] tests(int passed, int failed, int skipped, int flaky) {
    List<TestEvidence> t = new ArrayList<>();
    Outcome[] order = {Outcome.PASSED, Outcome.FAILED, Outcome.SKIPPED, Outcome.FLAKY};
    int[] counts = {passed, failed, skipped, flaky};
    int i = 0;
    for (int o = 0; o < order.length; o++) {
      for (int n = 0; n < counts[o]; n++) {
        t.add(test("app.LedgerTest", "case" + i++, order[o], "LedgerTest.java"));
      }
    }
    return t.toArray(TestEvidence[]::new);
  }

  /**
   * Baseline: 30 tests, 28 passed, 2 failed. Latest: 34 tests, 31 passed, 1 failed, 1 skipped, 1
   * flaky.
   */
  private static final Evidence RUNS =
      new Evidence(List.of(run(2, tests(31, 1, 1, 1))), run(1, tests(28, 2, 0, 0)));

  private static String verdicts(String markdown) {
    return check(markdown, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .map(c -> c.claim().line() + ":" + c.verdict())
        .collect(Collectors.joining(" "));
  }

  @Test
  void aTableWithAColumnPerRunIsAboutTheWholeRunsWhateverItsHeadingSays() {
    String report =
        """
        ## 🛠 ci-helper · summary for merge request !318

        | | `master` | this branch |
        |---|---|---|
        | Tests | 30 | 34 |
        | Passed | 28 | 31 |
        | Failed (after retries) | 2 | 1 |
        | Skipped | 0 | 3 |
        """;

    assertThat(verdicts(report)).isEqualTo("5:SUPPORTED 6:SUPPORTED 7:SUPPORTED 8:CONTRADICTED");
    assertThat(claims(report).get(1).before()).extracting(Quantity::value).containsExactly(28.0);
  }

  @Test
  void theNumbersOfAChecklistsRowsAreNotCountsOfTests() {
    String report =
        """
        ## Sign-off

        | No. | Step | Done | Proof |
        |---|---|---|---|
        | 1 | Whole suite green | ✅ | 34 tests, 1 failed |
        | 2 | Docs proofread | ✅ | |
        | 3 | Ledger checks | ✅ | 31/33, 1 failing, 1 skipped |
        """;

    List<Claim> claims = claims(report);
    assertThat(claims)
        .flatExtracting(Claim::stated)
        .extracting(Quantity::value)
        .doesNotContain(2.0)
        .contains(34.0);
    assertThat(verdicts(report)).doesNotContain("CONTRADICTED");
  }

  @Test
  void aDoneMarkBesideCountsThatAdmitFailuresLeavesTheCountsToDecide() {
    String report =
        """
        | Area | Status | Notes |
        |---|---|---|
        | Ledger | ✅ | 31 passed, 1 failed, 1 skipped, 1 flaky |
        """;

    assertThat(verdicts(report)).isEqualTo("3:SUPPORTED");
  }

  @Test
  void hoursRatesAndAmountsOfMoneyInATableAreNotClaims() {
    String report =
        """
        ## Billing

        | Work | Hours | Rate | Cost |
        |---|---|---|---|
        | Fixing the ledger tests | 12 | $80 | $960.00 |
        | Review | 3.5 | £70 | £245.00 |
        """;

    assertThat(claims(report)).isEmpty();
  }

  @Test
  void aFlakyColumnIsAPartOfTheRowsTotal() {
    String report =
        """
        | Class | Tests | Passed | Failed | Flaky | Skipped |
        |---|---|---|---|---|---|
        | LedgerTest | 34 | 31 | 1 | 1 | 1 |
        """;

    assertThat(verdicts(report)).isEqualTo("3:SUPPORTED");
  }

  @Test
  void flakyTestsMayBeCountedAmongThePassingOrBesideThem() {
    assertThat(verdicts("## Run\n\n32 passed (1 of them flaky), 1 failed, 1 skipped of 34 tests."))
        .doesNotContain("INCONSISTENT");
    assertThat(verdicts("## Run\n\n31 passed + 1 failed + 1 flaky + 1 skipped = 34 tests."))
        .isEqualTo("3:SUPPORTED");
  }

  @Test
  void aDifferenceColumnMustBeTheChangeBetweenTheRunColumns() {
    String report =
        """
        | Suite | Cases | Before | After | Δ |
        |---|---|---|---|---|
        | ledger | 40 | 31 | 36 | +5 |
        | payouts | 20 | 15 | 17 | +3 |
        | refunds | 12 | 12 | 11 | −1 |
        """;

    assertThat(
            NumberFixtures.verify(report).claims().stream()
                .map(c -> c.claim().line() + ":" + c.verdict())
                .collect(Collectors.joining(" ")))
        .isEqualTo("3:UNVERIFIABLE 4:INCONSISTENT 5:UNVERIFIABLE");
  }

  @Test
  void aTableWithARowPerSprintEndsWithTheBaselineAndTheLatestRun() {
    String report =
        """
        ## Over the quarter

        | Sprint | Tests | Passed | Failed | Flaky | Skipped |
        |---|---|---|---|---|---|
        | 14 | 25 | 20 | 5 | 0 | 0 |
        | 15 | 30 | 28 | 2 | 0 | 0 |
        | 16 | 34 | 31 | 1 | 1 | 1 |
        """;

    assertThat(verdicts(report)).isEqualTo("5:UNVERIFIABLE 6:SUPPORTED 7:SUPPORTED");
    assertThat(verdicts(report.replace("| 15 | 30 | 28 |", "| 15 | 30 | 27 |")))
        .contains("6:CONTRADICTED");
  }

  @Test
  void moreTestsThanTheBaselineInAComparisonColumnSayWhatTheBaselineHad() {
    String report =
        """
        | Class | Tests | Passed | Failed | Flaky | Skipped | vs `master` |
        |---|---|---|---|---|---|---|
        | LedgerTest | 34 | 31 | 1 | 1 | 1 | +4 tests |
        """;

    assertThat(verdicts(report)).isEqualTo("3:SUPPORTED");
    assertThat(verdicts(report.replace("+4 tests", "+6 tests"))).isEqualTo("3:CONTRADICTED");
  }
}
