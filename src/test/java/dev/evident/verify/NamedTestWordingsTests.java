package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Named-test claims worded in other ways than "X passes": the outcome after a comma or in
 * parentheses, a list in parentheses after its outcome, the one failure of the run, a counted label
 * before its list, a new error in a test, Jira's monospace and Rust's test paths.
 */
class NamedTestWordingsTests {

  private static final String LEDGER = "com.acme.books.LedgerTests";

  /**
   * Latest: BalancesPostings fixed, ClosesPeriod and RoundsTotals regressed (failed, errored),
   * "imports csv file" new and passing, a Rust test fixed. Baseline: the opposite.
   */
  private static final Evidence BOOKS =
      new Evidence(
          List.of(
              run(
                  2,
                  test(LEDGER, "BalancesPostings", Outcome.PASSED, ""),
                  test(LEDGER, "ClosesPeriod", Outcome.FAILED, ""),
                  test(LEDGER, "RoundsTotals", Outcome.ERRORED, ""),
                  test("importer", "imports csv file", Outcome.PASSED, ""),
                  test("books", "ledger::tests::parses_amounts", Outcome.PASSED, ""))),
          run(
              1,
              test(LEDGER, "BalancesPostings", Outcome.FAILED, ""),
              test(LEDGER, "ClosesPeriod", Outcome.PASSED, ""),
              test(LEDGER, "RoundsTotals", Outcome.PASSED, ""),
              test("books", "ledger::tests::parses_amounts", Outcome.FAILED, "")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The import bug is now covered by `imports csv file`, passing on the first try. | SUPPORTED | outcome after a comma
          `ClosesPeriod`, green again after the rebase.                      | CONTRADICTED | it fails
          `imports csv file` (passing) guards the parser.                    | SUPPORTED    | outcome in parentheses
          `BalancesPostings` (failing) needs a look.                         | CONTRADICTED | it passes now
          Last week's two failures are fixed (`BalancesPostings`, `ledger::tests::parses_amounts`). | SUPPORTED | a list after its outcome
          The only failure: `ClosesPeriod`.                                  | SUPPORTED    | the one failure, after a colon
          The single failure, `ClosesPeriod`, needs a new fixture.           | SUPPORTED    | the one failure, between commas
          The one red test is `BalancesPostings`.                            | CONTRADICTED | it passes
          Two regressions since the upgrade, both in the books: `ClosesPeriod`, `RoundsTotals`. | SUPPORTED | a counted label before its list
          A new error in {{RoundsTotals}} holds the ticket open.            | SUPPORTED    | Jira monospace, errored now and passed before
          {{BalancesPostings}} passes.                                       | SUPPORTED    | Jira monospace before its verb
          This fixes ledger::tests::parses_amounts for good.                 | SUPPORTED    | a Rust test path
          "imports csv file" passes on the first try.                        | SUPPORTED    | a quoted title
          “imports csv file” fails since the rebase.                         | CONTRADICTED | a quoted title in curly quotes
          `ClosesPeriod` is still red after the rebase.                      | SUPPORTED    | its state now
          `BalancesPostings` is still failing on the branch.                 | CONTRADICTED | it passes now
          `imports csv file` is passing.                                     | SUPPORTED    | a title in backticks, its state
          The `BalancesPostings` test, red in the last release, passes now.  | SUPPORTED    | red then, passing now: fixed
          `ClosesPeriod`, failing in the last release, is green now.         | CONTRADICTED | it passed then and fails now
          Two fixes (`BalancesPostings`, `ledger::tests::parses_amounts`) both pass. | SUPPORTED | a list in parentheses before its outcome
          """)
  void aTestNamedInAnotherWordingIsChecked(String sentence, Verdict verdict, String why) {
    CheckedClaim c = only(sentence, BOOKS);

    assertThat(c.claim().kind()).as(why).isEqualTo(ClaimKind.NAMED);
    assertThat(c.verdict()).as(why + ": " + c.reason()).isEqualTo(verdict);
  }

  @Test
  void allOfAClassInBackticksIsAClaimAboutThatClass() {
    CheckedClaim c = only("All 3 `LedgerTests` tests pass.", BOOKS);

    assertThat(c.claim().subject()).isEqualTo("LedgerTests");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theOneFailureOfAnotherRunIsNotReadAsOneOfTheLatestRun() {
    List<CheckedClaim> claims =
        check(
            "The only real failure in that run was `BalancesPostings`.",
            BOOKS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }

  @Test
  void aPackageBeforeTheTestsInParenthesesIsNotTheSubjectOfTheirOutcome() {
    String pkg = "github.com/acme/books/internal/ledger";
    Evidence evidence =
        new Evidence(
            List.of(
                run(
                    2,
                    test(pkg, "TestReverse", Outcome.PASSED, ""),
                    test(pkg, "TestReverseTwice", Outcome.PASSED, ""),
                    test(pkg, "TestHugeBook", Outcome.SKIPPED, ""))),
            run(1, test(pkg, "TestHugeBook", Outcome.SKIPPED, "")));

    List<CheckedClaim> claims =
        check(
            "Wrote 2 tests in `internal/ledger` (TestReverse, TestReverseTwice), both green.",
            evidence,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty().noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }
}
