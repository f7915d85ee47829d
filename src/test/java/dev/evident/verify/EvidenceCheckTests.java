package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceCheckTests {

  /** A run of {@code tests} in files tests/unit/... and tests/integration/..., tagged by dir. */
  private static RunEvidence run(long id, int runErrors, TestEvidence... tests) {
    Counts counts = Counts.ZERO;
    for (TestEvidence t : tests) {
      counts = counts.plus(t.outcome(), 1);
    }
    RunStatus status = RunStatus.of(counts, runErrors);
    Run run =
        new Run(
            id,
            "shop",
            "ingest",
            Instant.EPOCH,
            null,
            null,
            status,
            "",
            null,
            Map.of(),
            Map.of(),
            counts,
            runErrors,
            0);
    return new RunEvidence(run, List.of(tests), List.of());
  }

  private static TestEvidence test(String file, String name, Outcome outcome, String... tags) {
    String suite = file.replace('/', '.').replace(".py", "");
    return new TestEvidence(new TestId(suite, name), outcome, file, List.of(tags));
  }

  private static TestEvidence[] tests(
      String file, int passed, int failed, int errored, int skipped, int flaky) {
    List<TestEvidence> t = new ArrayList<>();
    int i = 0;
    for (Object[] spec :
        new Object[][] {
          {Outcome.PASSED, passed},
          {Outcome.FAILED, failed},
          {Outcome.ERRORED, errored},
          {Outcome.SKIPPED, skipped},
          {Outcome.FLAKY, flaky}
        }) {
      for (int n = 0; n < (int) spec[1]; n++) {
        t.add(
            test(file, "test_" + i++, (Outcome) spec[0], file.contains("unit") ? "unit" : "slow"));
      }
    }
    return t.toArray(TestEvidence[]::new);
  }

  /**
   * 20 unit tests (17 passed, 1 flaky, 2 skipped) and 10 integration (7 passed, 2 failed, 1
   * errored).
   */
  private static final Evidence SHOP =
      new Evidence(
          List.of(
              run(
                  2,
                  0,
                  concat(
                      tests("tests/unit/test_cart.py", 17, 0, 0, 2, 1),
                      tests("tests/integration/test_checkout.py", 7, 2, 1, 0, 0)))),
          null);

  private static TestEvidence[] concat(TestEvidence[] a, TestEvidence[] b) {
    List<TestEvidence> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(TestEvidence[]::new);
  }

  private static CheckedClaim only(String markdown, Evidence evidence) {
    Verification v =
        new Verifier(SubjectResolver.NO_CATEGORIES).verify("r.md", markdown, evidence, false);
    assertThat(v.claims()).as(markdown).hasSize(1);
    return v.claims().get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          25 passing tests.                              | SUPPORTED    | passed and flaky: 24 + 1
          24 passing tests.                              | SUPPORTED    | passed alone is a reading too
          30 passing tests.                              | CONTRADICTED |
          28 tests.                                      | SUPPORTED    | tests alone = executed
          30 tests.                                      | SUPPORTED    | or every test there is
          31 tests.                                      | CONTRADICTED | 30 collected, 28 executed
          30 tests collected.                            | SUPPORTED    |
          25 passed, 3 failed, 2 skipped, 30 tests.      | SUPPORTED    | with skipped stated, the total is collected
          3 failing tests.                               | SUPPORTED    | failed + errored
          2 failed.                                      | SUPPORTED    | failed alone
          ~89% pass rate.                                | SUPPORTED    | 25 of 28 = 89.3%
          95% pass rate.                                 | CONTRADICTED |
          All but 3 tests pass.                          | SUPPORTED    |
          Over 20 tests ran.                             | SUPPORTED    |
          Unit tests: 18 passing, 2 skipped.             | SUPPORTED    | subject unit: a directory and a tag
          Integration tests: 7 passing, 3 failing.       | SUPPORTED    |
          All unit tests pass.                           | CONTRADICTED | 2 unit tests skipped
          All integration tests pass.                    | CONTRADICTED |
          All tests pass.                                | CONTRADICTED |
          No failures.                                   | CONTRADICTED |
          The system is production ready.               | CONTRADICTED |
          All tests are failing.                         | CONTRADICTED |
          test_0 passes.                                 | SUPPORTED    |
          Checkout tests: 7 passing.                     | SUPPORTED    | file stem test_checkout
          Payments tests: 40 passing.                    | UNVERIFIABLE | nothing named Payments: never contradicted
          Coverage is 80%.                               | UNVERIFIABLE |
          5/6 issues resolved.                           | UNVERIFIABLE |
          2 test files.                                  | SUPPORTED    |
          """)
  void checksAClaimAgainstTheRun(String sentence, Verdict verdict, String why) {
    assertThat(only("## Tests\n\n" + sentence, SHOP).verdict()).as(why).isEqualTo(verdict);
  }

  @Test
  void aSubjectThatNamesNothingIsUnverifiableAndSaysThatCategoriesAreNotConfigured() {
    CheckedClaim c = only("- WebSocket Systems: 0/15 completed (tests)", SHOP);

    assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason())
        .isEqualTo(
            "nothing in run 2 is named 'WebSocket Systems' (no test, tag, file or suite), and there"
                + " is no category 'WebSocket Systems' in evident.yaml");
  }

  @Test
  void universalClaimsAreUnverifiableWhenNothingExecutedAndContradictedWhenTheRunIsBroken() {
    Evidence skippedOnly =
        new Evidence(List.of(run(1, 0, tests("tests/unit/test_a.py", 0, 0, 0, 5, 0))), null);
    Evidence broken =
        new Evidence(List.of(run(1, 2, tests("tests/unit/test_a.py", 0, 0, 0, 5, 0))), null);

    assertThat(only("All tests pass.", skippedOnly).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(only("All tests are failing.", skippedOnly).verdict())
        .isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(only("Fully operational.", broken).verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(only("Fully operational.", broken).reason()).startsWith("the run is BROKEN");
  }

  @Test
  void aChangeIsCheckedAgainstTheBaselineAndAFactorFromZeroIsContradicted() {
    Evidence evidence =
        new Evidence(
            List.of(run(2, 0, tests("tests/test_a.py", 1, 17, 0, 0, 0))),
            run(1, 0, tests("tests/test_a.py", 0, 18, 0, 0, 0)));

    CheckedClaim change = only("## Tests\n\nPassing tests: 0 → 1 of 18.", evidence);
    CheckedClaim factor = only("## Tests\n\nA 20x improvement in passing tests.", evidence);

    assertThat(change.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(change.runs()).containsExactly(2L, 1L);
    assertThat(factor.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(factor.reason())
        .contains("a change from 0 is a count, never a ratio: 0 → 1 passing");
  }

  @Test
  void fixedTestsRegressionsAndReductionsAreCheckedAgainstTheBaseline() {
    Evidence evidence =
        new Evidence(
            List.of(run(2, 0, tests("tests/test_a.py", 16, 2, 0, 0, 0))),
            run(1, 0, tests("tests/test_a.py", 12, 6, 0, 0, 0)));

    assertThat(only("## Tests\n\nFixed 6 failing tests.", evidence).verdict())
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(only("## Tests\n\nFixed 4 failing tests.", evidence).verdict())
        .as("at least 4 failed before: fixing 4 of 6 is possible")
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(only("## Tests\n\nFixed 9 failing tests.", evidence).verdict())
        .isEqualTo(Verdict.CONTRADICTED);
    assertThat(only("## Tests\n\nA 3x reduction in failures.", evidence).verdict())
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(only("## Tests\n\nA 5x reduction in failures.", evidence).verdict())
        .isEqualTo(Verdict.CONTRADICTED);
    assertThat(only("No regressions.", evidence).verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aTestThatPassedInTheBaselineAndFailsNowIsARegression() {
    Evidence evidence =
        new Evidence(
            List.of(run(2, 0, tests("tests/test_a.py", 1, 1, 0, 0, 0))),
            run(1, 0, tests("tests/test_a.py", 2, 0, 0, 0, 0)));

    CheckedClaim c = only("No regressions.", evidence);

    assertThat(c.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).startsWith("1 test passed in baseline run 1 and fails now:");
    assertThat(only("No regressions.", SHOP).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void aChangeWithoutABaselineIsUnverifiable() {
    CheckedClaim c = only("## Tests\n\nPassing tests went from 12 to 25.", SHOP);

    assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).startsWith("no baseline run");
  }

  @Test
  void withoutRunsOnlyTheReportItselfIsChecked() {
    Verification v =
        new Verifier(SubjectResolver.NO_CATEGORIES)
            .verify(
                "r.md",
                "## Tests\n\n166 passing tests. 18 tests: 1 passed, 20 errors.",
                Evidence.NONE,
                false);

    assertThat(v.claims())
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.UNVERIFIABLE, Verdict.INCONSISTENT);
  }
}
