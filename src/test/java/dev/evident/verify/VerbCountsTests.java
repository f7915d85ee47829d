package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts that a named class or package states of itself with a verb ("X passes 3 of 4"). */
class VerbCountsTests {

  private static final String PKG = "github.com/acme/depot/internal/queue";

  /** Latest: QuotaTests 3 of 4 passed (one failed), internal/queue 2 of 2 passed. */
  private static final Evidence DEPOT =
      new Evidence(
          List.of(
              run(
                  2,
                  test("Depot.QuotaTests", "AllowsBurst", Outcome.PASSED, ""),
                  test("Depot.QuotaTests", "BlocksOverLimit", Outcome.PASSED, ""),
                  test("Depot.QuotaTests", "ResetsDaily", Outcome.PASSED, ""),
                  test("Depot.QuotaTests", "ShardsByTenant", Outcome.FAILED, ""),
                  test(PKG, "TestEnqueue", Outcome.PASSED, ""),
                  test(PKG, "TestDrain", Outcome.PASSED, ""))),
          null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          QuotaTests now passes 3 of 4.                                     | SUPPORTED
          QuotaTests, which guards tenant limits, passes 4/4 after the fix. | CONTRADICTED
          After the rewrite, internal/queue passes all 2 of its tests.      | SUPPORTED
          QuotaTests runs all 4 of its tests.                               | SUPPORTED
          QuotaTests runs all 5 of its tests.                               | CONTRADICTED
          Since the retry fix, `internal/queue` is back to 2/2.             | SUPPORTED
          On the release build, QuotaTests is 4/4.                          | CONTRADICTED
          - The queue package is 2/2 again.                                 | SUPPORTED
          """)
  void aCountANamedGroupStatesOfItselfIsCheckedAgainstIt(String sentence, Verdict verdict) {
    CheckedClaim c = only(sentence, DEPOT);

    assertThat(c.claim().kind()).isEqualTo(ClaimKind.NAMED);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          It now passes 3 of 4.
          Everything is 6/6.
          """)
  void aPronounNamesNoGroup(String sentence) {
    assertThat(VerifyFixtures.check(sentence, DEPOT, SubjectResolver.NO_CATEGORIES))
        .noneMatch(c -> c.claim().kind() == ClaimKind.NAMED);
  }
}
