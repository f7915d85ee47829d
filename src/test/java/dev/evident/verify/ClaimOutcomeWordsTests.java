package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outcome words beside counts and changes (errored, disabled, pending, ran), "X of the Y tests",
 * before/after pairs, change claims about narrower groups or without a baseline, and a sentence's
 * own arithmetic before the evidence: each a way a right report was once read as CONTRADICTED.
 */
class ClaimOutcomeWordsTests {

  /**
   * Baseline: 40 collected, 36 passed, 1 failed, 3 errored. Latest: 45 collected, 42 passed, 1
   * failed, 2 errored...
   */
  private static final RunEvidence BASE = run(1, 36, 1, 3, 0);

  /** Latest: 45 collected, 41 executed: 40 passed, 1 failed, 0 errored, 4 skipped. */
  private static final RunEvidence LATEST = run(2, 40, 1, 0, 4);

  private static RunEvidence run(long id, int passed, int failed, int errored, int skipped) {
    List<TestEvidence> tests = new ArrayList<>();
    int i = 0;
    for (Object[] spec :
        new Object[][] {
          {Outcome.PASSED, passed},
          {Outcome.FAILED, failed},
          {Outcome.ERRORED, errored},
          {Outcome.SKIPPED, skipped}
        }) {
      for (int n = 0; n < (int) spec[1]; n++) {
        tests.add(
            VerifyFixtures.test("app.OrdersTest", "t" + i++, (Outcome) spec[0], "OrdersTest.java"));
      }
    }
    return VerifyFixtures.run(id, tests.toArray(TestEvidence[]::new));
  }

  private static List<CheckedClaim> verify(String line, Evidence evidence) {
    return new Verifier(SubjectResolver.NO_CATEGORIES)
        .verify("r.md", "## Results\n\n- " + line, evidence, false)
        .claims();
  }

  private static List<Claim> claims(String line) {
    return ClaimExtractor.extract("## Results\n\n- " + line, false).claims();
  }

  private static String values(List<Quantity> qs) {
    return String.join(", ", qs.stream().map(q -> q.key() + "=" + q.display()).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Errored tests: 3 → 0.                        | errored=0  | errored=3
          Harness errors (timeouts) went from 3 to 0.  | errored=0  | errored=3
          Erroring specs went from 3 to 0.             | errored=0  | errored=3
          Disabled specs: 0 → 4                        | skipped=4  | skipped=0
          Ignored tests went from 0 to 4.              | skipped=4  | skipped=0
          Pending specs: 0 → 4                         | skipped=4  | skipped=0
          Tests executed went from 40 to 41.           | executed=41 | executed=40
          """)
  void anOutcomeWordSaysWhatAChangeCountsAndTheEvidenceAgrees(
      String line, String stated, String before) {
    List<Claim> changes = claims(line).stream().filter(c -> c.kind() == ClaimKind.CHANGE).toList();
    assertThat(changes).as(line).hasSize(1);
    assertThat(values(changes.get(0).stated())).as(line).isEqualTo(stated);
    assertThat(values(changes.get(0).before())).as(line).isEqualTo(before);
    assertThat(verify(line, new Evidence(List.of(LATEST), BASE)))
        .as(line)
        .allMatch(c -> c.verdict() == Verdict.SUPPORTED, "SUPPORTED");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          41 of the 45 tests ran; 4 are skipped.          | executed=41, collected=45
          40 of the 41 executed tests pass.               | passing=40, tests=41
          12 of the 14 integration tests ran overnight.   | executed=12, collected=14
          4 order tests are `@Disabled` until the fix.    | skipped=4
          4 order specs are pending.                      | skipped=4
          """)
  void xOfTheYTestsCountsXOfY(String line, String stated) {
    List<Claim> read = claims(line);
    assertThat(read).as(line).isNotEmpty();
    assertThat(values(read.get(0).stated())).as(line).startsWith(stated);
  }

  @Test
  void xOfTheYTestsRanIsSupportedByARunThatRanX() {
    assertThat(
            verify("41 of the 45 tests ran; 4 are skipped.", new Evidence(List.of(LATEST), null)))
        .extracting(CheckedClaim::verdict)
        .containsOnly(Verdict.SUPPORTED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Overall: 36 of 40 passing before, 40 of 45 after.",
        "Passing: 36/40 before and 40/45 now."
      })
  void aBeforeAndAfterPairIsABaselineThenTheLatest(String line) {
    List<CheckedClaim> checked = verify(line, new Evidence(List.of(LATEST), BASE));
    assertThat(checked).extracting(c -> c.claim().kind()).contains(ClaimKind.CHANGE);
    for (CheckedClaim c : checked) {
      assertThat(c.verdict()).as(line + ": " + c.reason()).isEqualTo(Verdict.SUPPORTED);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"payments grew from 30 to 33 tests.", "checkout rose from 12 to 20 tests."})
  void aChangeOfANarrowerGroupIsNeverContradictedByTheWholeRun(String line) {
    for (CheckedClaim c : verify(line, new Evidence(List.of(LATEST), BASE))) {
      assertThat(c.verdict()).as(line + ": " + c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The suite grew from 30 to 44 tests since 2.3.1.",
        "Passing went from 20 to 39 this sprint."
      })
  void aChangeWithNoBaselineIsUnverifiableNeverContradicted(String line) {
    for (CheckedClaim c : verify(line, new Evidence(List.of(LATEST), null))) {
      assertThat(c.verdict()).as(line + ": " + c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
      assertThat(c.reason()).contains("no baseline");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          All 45 green apart from those 4 skips, i.e. 41/45 (80%)  | INCONSISTENT
          Grew from 40 to 45 tests (+2%).                          | INCONSISTENT
          Grew from 40 to 45 tests (+12.5%).                       | SUPPORTED
          """)
  void aSentencesOwnArithmeticComesBeforeTheEvidence(String line, Verdict verdict) {
    List<CheckedClaim> checked = verify(line, new Evidence(List.of(LATEST), BASE));
    assertThat(checked).as(line).isNotEmpty();
    if (verdict == Verdict.INCONSISTENT) {
      assertThat(checked).extracting(CheckedClaim::verdict).containsOnly(Verdict.INCONSISTENT);
    } else {
      assertThat(checked).extracting(CheckedClaim::verdict).doesNotContain(Verdict.INCONSISTENT);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9 tests timed out in the nightly run.",
        "7 tests crashed the worker.",
        "3 quarantined tests."
      })
  void aCountWithAnOutcomeWordNoMeasureMapsIsNeverContradicted(String line) {
    for (CheckedClaim c : verify(line, new Evidence(List.of(LATEST), BASE))) {
      assertThat(c.verdict()).as(line + ": " + c.reason()).isNotEqualTo(Verdict.CONTRADICTED);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Page the on-call when more than 10 tests error in one run.",
        "Alert the team if 3 tests fail twice."
      })
  void anInstructionIsNotAClaim(String line) {
    assertThat(claims(line)).isEmpty();
  }
}
