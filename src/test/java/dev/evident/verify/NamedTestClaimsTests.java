package dev.evident.verify;

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
 * Claims about tests by name that a report lists under a label, names in a sentence about its
 * failures, or follows with where they are before the verb; and what happened to them since the
 * baseline ("new failures", "fixed", "regressed").
 */
class NamedTestClaimsTests {

  private static final String SUITE = "github.com/acme/fleet/internal/scheduler";

  /** Baseline: Evict failed, Resync passed, Preempt passed. Latest: Evict passes, Preempt fails. */
  private static final Evidence NIGHTLY =
      new Evidence(
          List.of(
              run(
                  2,
                  test(SUITE, "TestRegistry_Evict", Outcome.PASSED, ""),
                  test(SUITE, "TestScheduler_Resync", Outcome.PASSED, ""),
                  test(SUITE, "TestScheduler_Preempt", Outcome.FAILED, ""),
                  test(SUITE, "TestScheduler_Drain", Outcome.ERRORED, ""),
                  test("com.acme.InvoiceServiceTest", "roundsHalfUp", Outcome.FAILED, ""))),
          run(
              1,
              test(SUITE, "TestRegistry_Evict", Outcome.FAILED, ""),
              test(SUITE, "TestScheduler_Resync", Outcome.PASSED, ""),
              test(SUITE, "TestScheduler_Preempt", Outcome.PASSED, ""),
              test(SUITE, "TestScheduler_Drain", Outcome.ERRORED, ""),
              test("com.acme.InvoiceServiceTest", "roundsHalfUp", Outcome.PASSED, "")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          New failures: `TestScheduler_Preempt`                          | SUPPORTED    | passed in the baseline, fails now
          New failures: `TestScheduler_Preempt`, `TestScheduler_Drain`   | CONTRADICTED | Drain errored in the baseline too
          Fixed since last night: `TestRegistry_Evict`                   | SUPPORTED    | failed in the baseline, passes now
          Fixed since last night: `TestRegistry_Evict`, `TestScheduler_Resync` | CONTRADICTED | Resync passed in both runs
          This fixes `TestRegistry_Evict`.                               | SUPPORTED    | fixes X
          `TestScheduler_Preempt` and `roundsHalfUp` regressed.          | SUPPORTED    | a list before its verb
          `TestScheduler_Drain` regressed.                               | CONTRADICTED | it errored in the baseline too
          Failing: `TestScheduler_Preempt`, `TestScheduler_Drain`        | SUPPORTED    | each fails now
          Failing: `TestScheduler_Preempt`, `TestScheduler_Resync`       | CONTRADICTED | Resync passes
          Failing: `TestScheduler_Preempt`, `TestWhatever_Else`          | UNVERIFIABLE | one test is not in the evidence
          The known failure is `TestScheduler_Preempt` (#243).           | SUPPORTED    | the failure is X
          The only failures are `TestScheduler_Preempt` and `TestRegistry_Evict`. | CONTRADICTED | Evict passes
          `roundsHalfUp` (InvoiceServiceTest) fails: expected 19.00, got 19.01 | SUPPORTED | where it is, then the verb
          `TestRegistry_Evict` (registry) has passed again since Monday.  | SUPPORTED    | has passed
          `TestScheduler_Preempt` started failing after the merge.       | SUPPORTED    | started failing
          `TestScheduler_Resync` keeps failing on CI.                    | CONTRADICTED | it passes
          `TestRegistry_Evict` went green.                               | SUPPORTED    | went green
          `TestScheduler_Drain` timed out.                               | SUPPORTED    | errored
          No regressions in `TestRegistry_Evict` or `TestScheduler_Resync`. | SUPPORTED | neither passed before and fails now
          No regressions in `TestScheduler_Resync` or `roundsHalfUp`.    | CONTRADICTED | roundsHalfUp passed before, fails now
          """)
  void aNamedTestClaimIsCheckedTestByTest(String sentence, Verdict verdict, String why) {
    CheckedClaim c = only(sentence, NIGHTLY);

    assertThat(c.claim().subject()).as(why).isNotEmpty();
    assertThat(c.verdict()).as(why + ": " + c.reason()).isEqualTo(verdict);
  }

  @Test
  void whatHappenedSinceTheBaselineIsUnverifiableWithoutOne() {
    Evidence latestOnly = new Evidence(NIGHTLY.runs(), null);

    CheckedClaim c = only("New failures: `TestScheduler_Preempt`", latestOnly);

    assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).startsWith("no baseline run");
  }

  @Test
  void aListNamesEachOfItsTestsInTheReason() {
    CheckedClaim c =
        only("Fixed since last night: `TestRegistry_Evict`, `TestScheduler_Resync`", NIGHTLY);

    assertThat(c.claim().subject()).isEqualTo("TestRegistry_Evict, TestScheduler_Resync");
    assertThat(c.reason())
        .contains("TestScheduler_Resync: it did not fail in baseline run 1 either");
  }

  @Test
  void eachTestListedUnderALabelAloneInItsParagraphIsAClaimOfThatLabel() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            """
            failing:
            - `TestScheduler_Preempt` (scheduler)
            - `TestScheduler_Resync` (scheduler)

            Nothing else to say about `TestRegistry_Evict`.
            """,
            NIGHTLY,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.claim().subject() + " " + c.verdict())
        .containsExactly(
            "2 TestScheduler_Preempt SUPPORTED", "3 TestScheduler_Resync CONTRADICTED");
  }

  @Test
  void anErrorOrAConfigFileInBackticksIsNotATestThatWasFixed() {
    assertThat(ClaimExtractor.extract("Fixes `TypeError` in the parser.", false).claims())
        .isEmpty();
    assertThat(ClaimExtractor.extract("Fixed `pytest.ini` and `setup.cfg`.", false).claims())
        .isEmpty();
    assertThat(ClaimExtractor.extract("We fixed `CartService` caching.", false).claims()).isEmpty();
  }

  @Test
  void aCauseInBackticksAfterTheFailureIsNotATestName() {
    List<Claim> claims =
        ClaimExtractor.extract("The alpine failure is `apk add` exiting 127.", false).claims();

    assertThat(claims).isEmpty();
  }
}
