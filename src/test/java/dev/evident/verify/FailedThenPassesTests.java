package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A named test that failed before and passes now: "`x` was failing; it passes now". */
class FailedThenPassesTests {

  /** Baseline: drops stale rows failed, test_load_config errored. Latest: all pass. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.SyncTest", "drops stale rows", Outcome.PASSED, "SyncTest.java"),
                  test("app.SyncTest", "test_load_config", Outcome.PASSED, "SyncTest.java"),
                  test("app.SyncTest", "keepsOrder", Outcome.PASSED, "SyncTest.java"))),
          run(
              1,
              test("app.SyncTest", "drops stale rows", Outcome.FAILED, "SyncTest.java"),
              test("app.SyncTest", "test_load_config", Outcome.ERRORED, "SyncTest.java"),
              test("app.SyncTest", "keepsOrder", Outcome.PASSED, "SyncTest.java")));

  private static Verdict verdict(String line) {
    List<CheckedClaim> claims = check(line, RUNS, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(line).hasSize(1);
    return claims.get(0).verdict();
  }

  @Test
  void aTestThatWasFailingAndPassesNowIsFixed() {
    assertThat(verdict("- `drops stale rows` was failing; it passes after the merge."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("- `keepsOrder` was failing; it passes after the merge."))
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTestThatNoLongerErrorsAndPassesIsFixed() {
    assertThat(verdict("- `test_load_config` no longer errors, it passes."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("- `keepsOrder` no longer errors; it is green."))
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theOnlyFailureEarlierThatPassesNowIsFixed() {
    assertThat(
            verdict("`drops stale rows` was the only sync failure last week and it passes today."))
        .isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void fixingATestsErrorOrItsCodeMeansTheTestIsFixed() {
    assertThat(verdict("I fixed the `test_load_config` import error."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("Fixed the parsing for `test_load_config` on Windows."))
        .isEqualTo(Verdict.SUPPORTED);
  }
}
