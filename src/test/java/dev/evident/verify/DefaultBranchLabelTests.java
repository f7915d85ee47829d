package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "main @ 1a2b3c4: 9 passed, 1 failed" in a pull request: a line labeled with the default branch
 * may give the run the branch is compared with, so the baseline bearing it out makes up for the
 * latest run; a line neither run bears out is left as it was.
 */
class DefaultBranchLabelTests {

  /** Baseline: 9 passed, 1 failed. Latest: 11 passed, 0 failed. */
  private static final Evidence RUNS =
      new Evidence(List.of(run(2, suite("ledger", 11, 0))), run(1, suite("ledger", 9, 1)));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          main @ 1a2b3c4: 10 collected, 9 passed, 1 failed     | SUPPORTED
          `master` (1a2b3c4): 9 passed, 1 failed               | SUPPORTED
          trunk: 9 passed, 1 failed                            | SUPPORTED
          main @ 1a2b3c4: 8 passed, 2 failed                   | UNVERIFIABLE
          """)
  void aDefaultBranchLabelMayGiveTheBaseline(String line, Verdict verdict) {
    CheckedClaim c =
        VerifyFixtures.check(
                "## Testing\n\n- " + line + "\n- this branch: 11 passed\n",
                RUNS,
                SubjectResolver.NO_CATEGORIES)
            .stream()
            .filter(x -> x.claim().line() == 3)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no claim read from: " + line));

    assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.INCONSISTENT);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }
}
