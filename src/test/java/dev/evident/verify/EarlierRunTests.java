package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claims about the run before ("On `main`, 6 tests failed", "During the outage, 5 tests errored")
 * are checked against the baseline run, and are unverifiable without one.
 */
class EarlierRunTests {

  private static TestEvidence[] tests(String file, int passed, int failed, int errored) {
    List<TestEvidence> t = new ArrayList<>();
    String suite = file.replace('/', '.').replace(".py", "");
    for (int i = 0; i < passed + failed + errored; i++) {
      Outcome o =
          i < passed ? Outcome.PASSED : i < passed + failed ? Outcome.FAILED : Outcome.ERRORED;
      t.add(test(suite, "test_" + i, o, file));
    }
    return t.toArray(TestEvidence[]::new);
  }

  /** Baseline: 14 passed, 1 failed, 5 errored. Latest: 19 passed, 1 failed. */
  private static final Evidence OUTAGE =
      new Evidence(
          List.of(run(2, tests("tests/test_queue.py", 19, 1, 0))),
          run(1, tests("tests/test_queue.py", 14, 1, 5)));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          During the outage, 5 of the 20 tests errored.     | SUPPORTED
          During the outage, 7 of the 20 tests errored.     | CONTRADICTED
          At the time of the incident, 5 tests errored.     | SUPPORTED
          On `main`, 14 tests passed.                        | SUPPORTED
          Before the fix, 6 tests were failing or erroring.  | SUPPORTED
          Yesterday 19 tests passed.                         | CONTRADICTED
          """)
  void aClaimAboutTheRunBeforeIsCheckedAgainstTheBaseline(String sentence, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + sentence, OUTAGE);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).startsWith("about an earlier run, so checked against baseline run 1");
  }

  @Test
  void aSentenceThatAlsoSpeaksOfNowIsNotAboutTheRunBefore() {
    CheckedClaim c = only("## Tests\n\n19 tests pass now, on this branch.", OUTAGE);

    assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).doesNotContain("earlier run");
  }

  @Test
  void aClaimAboutTheRunBeforeIsUnverifiableWithoutABaseline() {
    Evidence latestOnly = new Evidence(OUTAGE.runs(), null);

    CheckedClaim c = only("## Tests\n\nDuring the outage, 7 of the 20 tests errored.", latestOnly);

    assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).startsWith("about an earlier run, and there is no baseline run");
  }

  @Test
  void aFileThatHadACountIsWhatTheCountIsOf() {
    Evidence twoFiles =
        new Evidence(
            List.of(
                run(
                    2,
                    concat(
                        tests("tests/test_retry.py", 8, 0, 0),
                        tests("tests/test_db.py", 10, 2, 0)))),
            run(
                1,
                concat(
                    tests("tests/test_retry.py", 2, 6, 0), tests("tests/test_db.py", 10, 2, 0))));

    assertThat(only("On `main`, `test_retry.py` alone had 6 failing tests.", twoFiles).verdict())
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(only("On `main`, `test_retry.py` alone had 8 failing tests.", twoFiles).verdict())
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The pipeline on the broken build was red: 6 tests failed or errored.   | SUPPORTED
          CI on the offending commit was red: 9 tests failed.                      | UNVERIFIABLE
          """)
  void aBuildOrCommitCalledFaultyOrBrokenIsTheRunBefore(String sentence, Verdict verdict) {
    // A run named by what it was ("the offending commit") may be another than the baseline: the
    // baseline bears it out or the claim is unverifiable, never contradicted.
    CheckedClaim c = only("## Tests\n\n" + sentence, OUTAGE);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).startsWith("about an earlier run");
  }

  @Test
  void aHeadingAboutTheIncidentPutsItsLinesInTheRunBefore() {
    CheckedClaim c = only("## What the suite said during the outage\n\n- 14 tests passed.", OUTAGE);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).startsWith("about an earlier run");
  }

  @Test
  void aNamedEarlierPointTheLatestRunDoesNotBearOutIsReadAgainstTheBaseline() {
    CheckedClaim then = only("## Tests\n\nAt Sprint 4 there were 6 red tests.", OUTAGE);
    CheckedClaim neither = only("## Tests\n\nAt Sprint 4 there were 9 red tests.", OUTAGE);

    assertThat(then.verdict()).as(then.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(then.reason()).startsWith("speaks of an earlier point, and baseline run 1");
    assertThat(neither.verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theOtherNTestsAreARemainderNeverContradictedAsATotal() {
    CheckedClaim c = only("## Tests\n\nThe other 12 tests passed.", OUTAGE);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).contains("what is left of a number stated elsewhere");
  }

  private static TestEvidence[] concat(TestEvidence[] a, TestEvidence[] b) {
    List<TestEvidence> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(TestEvidence[]::new);
  }
}
