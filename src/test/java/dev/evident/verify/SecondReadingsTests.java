package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A claim the latest run contradicts is read a second time before it is called CONTRADICTED: the
 * reading its author may have meant (an earlier run it names, tests that changed outcome, tests
 * added, a fraction) or its own arithmetic decides.
 */
class SecondReadingsTests {

  private static TestEvidence[] tests(String file, int passed, int failed, int errored, int skip) {
    List<TestEvidence> t = new ArrayList<>();
    String suite = file.replace('/', '.').replace(".py", "");
    for (int i = 0; i < passed + failed + errored + skip; i++) {
      Outcome o =
          i < passed
              ? Outcome.PASSED
              : i < passed + failed
                  ? Outcome.FAILED
                  : i < passed + failed + errored ? Outcome.ERRORED : Outcome.SKIPPED;
      t.add(test(suite, "test_" + i, o, file));
    }
    return t.toArray(TestEvidence[]::new);
  }

  /** Baseline: 14 passed, 1 failed, 5 errored. Latest: 17 passed, 2 failed, 1 skipped. */
  private static final Evidence TWO_RUNS =
      new Evidence(
          List.of(run(2, tests("tests/test_queue.py", 17, 2, 0, 1))),
          run(1, tests("tests/test_queue.py", 14, 1, 5, 0)));

  private static List<CheckedClaim> claims(String markdown, Evidence evidence) {
    return check(markdown, evidence, SubjectResolver.NO_CATEGORIES);
  }

  private static CheckedClaim on(int line, List<CheckedClaim> claims) {
    return claims.stream().filter(c -> c.claim().line() == line).findFirst().orElseThrow();
  }

  @Test
  void aTotalBesideSkippedTestsInItsSentenceCountsTheCollectedOnes() {
    List<CheckedClaim> all =
        claims(
            "## Checks\n\nWe ran the suites against the candidate: 20 queue tests in 1 file,"
                + " 17 ok, 2 not ok, 1 skipped.",
            TWO_RUNS);

    assertThat(all).extracting(CheckedClaim::verdict).doesNotContain(Verdict.CONTRADICTED);
    assertThat(all)
        .filteredOn(c -> c.claim().quantity(Measure.TESTS) != null)
        .extracting(CheckedClaim::verdict)
        .containsOnly(Verdict.SUPPORTED);
  }

  @Test
  void aSentenceWhosePartsDoNotAddUpIsInconsistentThoughTheEvidenceDecidesOnePart() {
    CheckedClaim c = on(3, claims("## Checks\n\n19 executed, 17 passed and 1 failed.", TWO_RUNS));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(c.reason()).contains("add up to 18, not 19 executed");
  }

  @Test
  void aRestatementOfOneQuantityThatTheEvidenceContradictsIsInconsistent() {
    List<CheckedClaim> all =
        claims("## Summary\n\n17 tests passed.\n\n16 tests passed, all told.", TWO_RUNS);

    assertThat(on(3, all).verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(on(5, all).verdict()).as(on(5, all).reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(on(5, all).reason()).contains("line 3 says 17");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "In build 4411, 5 tests errored.",
        "5 tests errored on Thursday.",
        "5 tests errored in RC1.",
        "5 tests errored in pipeline #9120.",
      })
  void aSentenceNamingAnEarlierRunThatTheBaselineBearsOutIsSupported(String sentence) {
    CheckedClaim c = on(3, claims("## Runs\n\n" + sentence, TWO_RUNS));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("names an earlier run").contains("baseline run 1 bears it out");
  }

  @Test
  void aSentenceThatNamesNoRunIsCheckedAgainstTheLatestAlone() {
    CheckedClaim c = on(3, claims("## Runs\n\n5 tests errored.", TWO_RUNS));

    assertThat(c.verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aNamedRunTheBaselineDoesNotBearOutEitherStaysContradicted() {
    CheckedClaim c = on(3, claims("## Runs\n\nIn build 4411, 9 tests errored.", TWO_RUNS));

    assertThat(c.verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  /** The same four tests twice: two swap outcome, one fails twice, one is skipped then fails. */
  private static final Evidence RERUN =
      new Evidence(
          List.of(
              run(
                  2,
                  test("Pay", "a", Outcome.PASSED, "pay.cs"),
                  test("Pay", "b", Outcome.FAILED, "pay.cs"),
                  test("Pay", "c", Outcome.FAILED, "pay.cs"),
                  test("Pay", "d", Outcome.FAILED, "pay.cs"),
                  test("Pay", "e", Outcome.PASSED, "pay.cs"))),
          run(
              1,
              test("Pay", "a", Outcome.FAILED, "pay.cs"),
              test("Pay", "b", Outcome.PASSED, "pay.cs"),
              test("Pay", "c", Outcome.FAILED, "pay.cs"),
              test("Pay", "d", Outcome.SKIPPED, "pay.cs"),
              test("Pay", "e", Outcome.PASSED, "pay.cs")));

  @Test
  void flakyOverTwoRunsMayMeanTheTestsWhoseOutcomeChangedBetweenThem() {
    CheckedClaim c = on(3, claims("## Triage\n\nWe found 2 flaky tests.", RERUN));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("outcome changed between baseline run 1 and run 2: 2");
  }

  @Test
  void aFlakyCountThatNoReadingFitsIsContradicted() {
    CheckedClaim c = on(3, claims("## Triage\n\nWe found 3 flaky tests.", RERUN));

    assertThat(c.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("(2 did)");
  }

  @Test
  void aCountOfNewTestsIsADifferenceNeverATotal() {
    List<CheckedClaim> all = claims("## Work\n\n- The queue gained 3 tests for retries.", TWO_RUNS);

    assertThat(all).extracting(CheckedClaim::verdict).doesNotContain(Verdict.CONTRADICTED);
    assertThat(all).extracting(CheckedClaim::reason).anyMatch(r -> r.contains("a difference"));
  }

  @Test
  void aFractionThatPassedIsNotAClaimThatAllPass() {
    CheckedClaim c =
        on(3, claims("## Queue\n\n17 of 19 tests in `tests/test_queue.py` passed.", TWO_RUNS));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aPartInWordsTheClaimDidNotReadStillAddsUpToTheTotal() {
    List<CheckedClaim> all =
        claims(
            "## Counts\n\nEach run: 17 passed, 2 failed, 1 ignored, 20 tests in total.", TWO_RUNS);

    assertThat(all).extracting(CheckedClaim::verdict).doesNotContain(Verdict.INCONSISTENT);
    assertThat(
            claims(
                "## Counts\n\nEach run: 17 passed, 1 failed, 1 skipped, 20 tests in total.",
                TWO_RUNS))
        .extracting(CheckedClaim::verdict)
        .contains(Verdict.INCONSISTENT);
  }

  @Test
  void aPassRateBesideItsFractionMustBeThatFraction() {
    List<CheckedClaim> wrong =
        claims("## Rate\n\nSo 17 passing tests out of 20, an 89.5% pass rate.", TWO_RUNS);
    List<CheckedClaim> right =
        claims("## Rate\n\nSo 17 passing tests out of 20, an 85% pass rate.", TWO_RUNS);

    assertThat(wrong)
        .filteredOn(c -> c.claim().quantity(Measure.PASS_RATE) != null)
        .extracting(CheckedClaim::verdict)
        .containsOnly(Verdict.INCONSISTENT);
    assertThat(right).extracting(CheckedClaim::verdict).doesNotContain(Verdict.INCONSISTENT);
  }

  @Test
  void aBareCountOfTestsMayBeEveryTestThereIsSkippedOnesToo() {
    // Latest: 17 passed, 2 failed, 1 skipped: 19 executed, 20 tests in all.
    List<CheckedClaim> collected = claims("## Status\n\nThere are 20 tests.", TWO_RUNS);
    List<CheckedClaim> wrong = claims("## Status\n\nThere are 22 tests.", TWO_RUNS);

    assertThat(collected).extracting(CheckedClaim::verdict).containsExactly(Verdict.SUPPORTED);
    assertThat(wrong).extracting(CheckedClaim::verdict).containsExactly(Verdict.CONTRADICTED);
  }

  @Test
  void testsThatNeverRanAreNotReadAsTheTestsOfAClaimThatTheyPass() {
    Evidence noneRan =
        new Evidence(List.of(run(1, tests("tests/test_queue.py", 0, 0, 0, 56))), null);

    List<CheckedClaim> all = claims("## Status\n\n- All 56 tests are passing", noneRan);

    assertThat(all).extracting(CheckedClaim::verdict).containsOnly(Verdict.CONTRADICTED);
  }
}
