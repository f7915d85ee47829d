package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table under a caption naming the earlier build ("beta 2 for comparison") is about that run: its
 * rows are checked against the baseline and never compared with the latest table's rows. A
 * "Blocked" or "Not run" column counts tests not executed, and a row whose cells do not add up to
 * its total is wrong by its own arithmetic.
 */
class BaselineTablesTests {

  /**
   * Baseline: Cart 3 passed 2 failed, Users 6 passed. Latest: Cart 5 passed, Users 5 + 1 failed.
   */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("CartTests", 5, 0), suite("UsersTests", 5, 1)))),
          run(1, all(suite("CartTests", 3, 2), suite("UsersTests", 6, 0))));

  private static Verdict verdict(String markdown, int line) {
    List<CheckedClaim> claims = check(markdown, RUNS, SubjectResolver.NO_CATEGORIES);
    return claims.stream()
        .filter(c -> c.claim().line() == line)
        .findFirst()
        .map(CheckedClaim::verdict)
        .orElseThrow();
  }

  private static final String TWO_TABLES =
      """
      # Sign-off

      **beta 3**

      | Area | Passed | Failed |
      |---|---|---|
      | Cart | 5 | 0 |
      | Users | 5 | 1 |

      **beta 2 for comparison**

      | Area | Passed | Failed |
      |---|---|---|
      | Cart | %s | %s |
      | Users | 6 | 0 |
      """;

  @Test
  void theRowsOfATableCaptionedAsTheEarlierBuildAreCheckedAgainstTheBaseline() {
    String right = TWO_TABLES.formatted(3, 2);

    assertThat(verdict(right, 15)).isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict(right, 14)).isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict(right, 7)).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aRowOfTheEarlierTableThatTheBaselineDoesNotBearOutIsContradicted() {
    assertThat(verdict(TWO_TABLES.formatted(5, 0), 14)).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTableUnderACaptionNamingNowIsAboutTheLatestRun() {
    String markdown =
        """
        Previous build vs now:

        | Area | Passed | Failed |
        |---|---|---|
        | Cart | 5 | 0 |
        """;

    assertThat(verdict(markdown, 5)).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aBlockedColumnCountsTestsInTheTotalThatDidNotRun() {
    Evidence runs =
        new Evidence(
            List.of(
                run(
                    2,
                    all(
                        suite("CartTests", 4, 0),
                        suite("UsersTests", Outcome.PASSED, Outcome.SKIPPED)))),
            null);
    String markdown =
        """
        | Area | Passed | Failed | Blocked | Total |
        |---|---|---|---|---|
        | Cart | 4 | 0 | 0 | 4 |
        | Users | 1 | 0 | 1 | %s |
        | **Total** | **5** | **0** | **1** | **6** |
        """;

    List<CheckedClaim> right = check(markdown.formatted(2), runs, SubjectResolver.NO_CATEGORIES);
    List<CheckedClaim> wrong = check(markdown.formatted(3), runs, SubjectResolver.NO_CATEGORIES);

    assertThat(right).extracting(CheckedClaim::verdict).containsOnly(Verdict.SUPPORTED);
    assertThat(wrong)
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.SUPPORTED, Verdict.INCONSISTENT, Verdict.SUPPORTED);
  }
}
