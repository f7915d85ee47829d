package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A report names the earlier run in many ways besides "the baseline": a release ("4.1.0 had 2
 * failures"), a sample or build ("in the Q3 sample"), a moment ("at that point"). A test that
 * "failed on beta 1 and passes now" is a fixed test, not a failing one.
 */
class EarlierPointTests {

  /** Baseline: test_0..13 passed, test_14 failed, test_15..19 errored. Latest: test_19 fails. */
  private static final Evidence RELEASES =
      new Evidence(List.of(run(2, tests(19, 1, 0))), run(1, tests(14, 1, 5)));

  private static TestEvidence[] tests(int passed, int failed, int errored) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < passed + failed + errored; i++) {
      Outcome o =
          i < passed ? Outcome.PASSED : i < passed + failed ? Outcome.FAILED : Outcome.ERRORED;
      t.add(test("tests.test_sync", "test_" + i, o, "tests/test_sync.py"));
    }
    return t.toArray(TestEvidence[]::new);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We had 14 passing tests at that point.               | SUPPORTED
          For comparison, 2.3.0 had 5 errored tests.           | SUPPORTED
          Exactly 5 tests errored in 2.3.0.                    | SUPPORTED
          In the March sample, 5 tests errored.                | SUPPORTED
          In the March sample, 9 tests errored.                | CONTRADICTED
          For comparison, 2.3.0 had 7 errored tests.           | CONTRADICTED
          """)
  void aReleaseSampleOrMomentBeforeIsReadAgainstTheBaselineWhenTheLatestRunDisagrees(
      String sentence, Verdict verdict) {
    CheckedClaim c = only("## Results\n\n" + sentence, RELEASES);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    if (verdict == Verdict.SUPPORTED) {
      assertThat(c.reason()).startsWith("speaks of an earlier point, and baseline run 1");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `test_14` failed on beta 1 and passes now.             | SUPPORTED
          `test_14` failed in the last release, but is green now. | SUPPORTED
          `test_3` failed on beta 1 and passes now.              | CONTRADICTED
          `test_19` failed on beta 1 and still fails.            | SUPPORTED
          """)
  void aTestThatFailedBeforeAndPassesNowIsReadAsFixed(String sentence, Verdict verdict) {
    CheckedClaim c = only("## Results\n\n" + sentence, RELEASES);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.claim().expectation())
        .isEqualTo(sentence.contains("still") ? Expectation.FAIL : Expectation.FIXED);
  }
}
