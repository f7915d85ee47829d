package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wordings of status reports written by others (per-subject lines, labels on each line, bare
 * fractions, verbs before counts, negated statements, skipped tests beside a total), and the rule
 * that a claim whose subject cannot be resolved, or that names a group narrower than the run it is
 * checked against, is never CONTRADICTED.
 */
class GeneralWordingsTests {

  /**
   * tests/api/test_orders.py: 12 passed; tests/workers/test_emailer.py: 5 passed, 2 skipped;
   * tests/workers/test_scheduler.py: 6 passed, 1 failed; Go package .../internal/store: 3 passed.
   * The run: 29 collected, 27 executed, 26 passed, 1 failed, 2 skipped.
   */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  1,
                  tests("tests/api/test_orders.py", 12, 0, 0),
                  tests("tests/workers/test_emailer.py", 5, 0, 2),
                  tests("tests/workers/test_scheduler.py", 6, 1, 0),
                  goPackage("github.com/acme/ledger/internal/store", 3))),
          null);

  private static RunEvidence run(long id, List<?>... groups) {
    List<TestEvidence> all = new ArrayList<>();
    for (List<?> g : groups) {
      for (Object o : g) {
        all.add((TestEvidence) o);
      }
    }
    return VerifyFixtures.run(id, all.toArray(TestEvidence[]::new));
  }

  private static List<TestEvidence> tests(String file, int passed, int failed, int skipped) {
    String suite = file.replace('/', '.').replace(".py", "");
    List<TestEvidence> t = new ArrayList<>();
    int i = 0;
    for (Object[] spec :
        new Object[][] {
          {Outcome.PASSED, passed}, {Outcome.FAILED, failed}, {Outcome.SKIPPED, skipped}
        }) {
      for (int n = 0; n < (int) spec[1]; n++) {
        t.add(
            new TestEvidence(new TestId(suite, "test_" + i++), (Outcome) spec[0], file, List.of()));
      }
    }
    return t;
  }

  private static List<TestEvidence> goPackage(String pkg, int passed) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < passed; i++) {
      t.add(new TestEvidence(new TestId(pkg, "TestStore_" + i), Outcome.PASSED, "", List.of()));
    }
    return t;
  }

  private static List<CheckedClaim> verify(String markdown) {
    return new Verifier(SubjectResolver.NO_CATEGORIES)
        .verify("r.md", markdown, RUN, false)
        .claims();
  }

  private static CheckedClaim only(String markdown) {
    List<CheckedClaim> claims = verify(markdown);
    assertThat(claims).as(markdown).hasSize(1);
    return claims.get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `test_orders.py`: 12/12 ✅                           | named     | SUPPORTED
          `test_orders.py` 11/12 ✅                            | named     | CONTRADICTED
          `test_emailer.py` skips 2 tests.                    | named     | SUPPORTED
          `test_emailer.py` skips 3 tests.                    | named     | CONTRADICTED
          Nothing in `tests/api/` was skipped.                | universal | SUPPORTED
          Nothing in `tests/workers/` was skipped.            | universal | CONTRADICTED
          `test_scheduler.py`: 6/7, only `test_cron` left.    | named     | SUPPORTED
          `test_scheduler.py`: 7/7                            | named     | CONTRADICTED
          `test_orders.py` is now fully passing (12/12).      | named     | SUPPORTED
          `test_scheduler.py` is fully green.                 | named     | CONTRADICTED
          internal/store: 3 passed                            | named     | SUPPORTED
          `test_orders.py`: all 12 pass                       | named     | SUPPORTED
          Ran 27 tests: 26 passed, 1 failed (2 skipped).      | count     | SUPPORTED
          29 tests: 26 passed, 1 failed, 2 skipped.           | count     | SUPPORTED
          30 tests: 26 passed, 1 failed, 2 skipped.           | count     | INCONSISTENT
          """)
  void readsAndChecksPerSubjectLines(String line, String kind, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n- " + line);
    assertThat(c.claim().kind().id()).as(line).isEqualTo(kind);
    assertThat(c.verdict()).as(line + ": " + c.reason()).isEqualTo(verdict);
  }

  @Test
  void eachLineThatOpensWithALabelIsAStatementOfItsOwn() {
    List<CheckedClaim> claims =
        verify(
            """
            ## Standup

            **API:** 12/12, all green
            **Workers:** 11 of 12 executed tests pass; 2 more are skipped.
            """);
    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.claim().subject() + " " + c.verdict())
        .containsExactly("3 API SUPPORTED", "4 Workers SUPPORTED");
  }

  @Test
  void plansAndChangesOfOtherThingsAreNotClaims() {
    assertThat(
            verify(
                """
                ## Next week

                - Add 10 tests for the reconciliation job.

                ## Changes

                - Default max attempts lowered from 5 to 3.
                - CI is 20x faster (from 10 min to 30 s).
                """))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `CartServiceTest`: 6 failures → 0                | failing=0            | failing=6
          Improvement: 14x from 1/18                        |                      | passing=1, tests=18
          Pass rate up from 5.6%                            |                      | pass rate=5.6%
          This PR fixes 8 previously failing tests.         |                      | failing=>=8
          `ReturnsPolicyTest`: fixed 2 of its 3 failing tests. |                   | failing=>=3
          `OrderServiceTest` is fully green: 14/14, was 10/14. | passing=14           | passing=10, tests=14
          """)
  void readsChangeWordings(String line, String stated, String before) {
    List<Claim> changes =
        ClaimExtractor.extract("## Test results\n\n- " + line, false).claims().stream()
            .filter(c -> c.kind() == ClaimKind.CHANGE)
            .toList();
    assertThat(changes).as(line).hasSize(1);
    assertThat(values(changes.get(0).stated())).as(line).isEqualTo(stated == null ? "" : stated);
    assertThat(values(changes.get(0).before())).as(line).isEqualTo(before);
  }

  private static String values(List<Quantity> qs) {
    return String.join(", ", qs.stream().map(q -> q.key() + "=" + q.display()).toList());
  }

  /**
   * Wrong numbers about groups the evidence does not name (or names as fewer tests than the run):
   * checked against the whole run they would all be contradicted, so none of them may be.
   */
  @Test
  void aClaimWhoseSubjectCannotBeResolvedIsNeverContradicted() {
    List<String> subjects =
        List.of(
            "export",
            "Payments",
            "e2e",
            "billing",
            "`NoSuchTest`",
            "`tests/nowhere/`",
            "`test_missing.py`",
            "FooServiceTest");
    List<String> templates =
        List.of(
            "{s} tests: 1 of 99 passing",
            "17/20 {s} tests passing (85%)",
            "{s}: 3/50 ✅",
            "99 {s} tests failing",
            "All {s} tests pass",
            "{s} is production ready",
            "Nothing in {s} was skipped",
            "**{s}:** 2 passed, 40 failed",
            "{s} tests: 0 → 40 passing");
    List<String> contradicted = new ArrayList<>();
    for (String s : subjects) {
      for (String t : templates) {
        String line = t.replace("{s}", s);
        for (CheckedClaim c : verify("## Status\n\n- " + line)) {
          if (c.verdict() == Verdict.CONTRADICTED) {
            contradicted.add(line + " -> " + c.reason());
          }
        }
      }
    }
    assertThat(contradicted).isEmpty();
    for (String heading : List.of("Integration tests", "Payments suite", "`BillingTest`")) {
      assertThat(verify("## " + heading + "\n\n3 passing, 9 failing."))
          .as(heading)
          .extracting(CheckedClaim::verdict)
          .doesNotContain(Verdict.CONTRADICTED);
    }
  }

  @Test
  void aSubjectThatResolvesIsStillContradictedByWrongNumbers() {
    CheckedClaim c = only("## Status\n\n- **api:** 2 passed, 40 failed");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("tests/api/test_orders.py");
  }

  @Test
  void aSentenceThatNamesANarrowerGroupBesideTheWholeRunIsNotContradicted() {
    assertThat(verify("## Status\n\nThe export suite: 17 of 20 passing, 85% pass rate overall."))
        .extracting(CheckedClaim::verdict)
        .isNotEmpty()
        .doesNotContain(Verdict.CONTRADICTED);
  }

  @Test
  void theCountBeforeAnUpFromIsAClaimOfItsOwnBesideTheChange() {
    List<CheckedClaim> claims = verify("## Tests\n\n- 26/27 passing, up from 20/27 on `main`.");
    assertThat(claims)
        .extracting(c -> c.claim().kind().id() + " " + c.verdict())
        .containsExactlyInAnyOrder("change UNVERIFIABLE", "count SUPPORTED");
  }

  @Test
  void aSentenceLabeledWithARateStatesThatRate() {
    CheckedClaim c = only("## Tests\n\nPass rate: 26 of 27 executed (95%).");
    assertThat(c.claim().kind()).isEqualTo(ClaimKind.RATE);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(c.reason()).contains("26 of 27 is 96.3%, not 95%");
  }

  @Test
  void aTableOfFractionsOverTimeIsAChangePerRow() {
    List<Claim> claims =
        ClaimExtractor.extract(
                """
                ## Per class

                | Class | Sprint 22 | Sprint 23 |
                |---|---|---|
                | OrderServiceTest | 10/14 | 14/14 |
                | ReturnsPolicyTest | 9/12 | 11/12 |
                """,
                false)
            .claims();
    assertThat(claims)
        .extracting(c -> c.subject() + ": " + values(c.before()) + " -> " + values(c.stated()))
        .containsExactly(
            "OrderServiceTest: passing=10, tests=14 -> passing=14, tests=14",
            "ReturnsPolicyTest: passing=9, tests=12 -> passing=11, tests=12");
  }

  @Test
  void aLabelValueTableOverTimeIsAChangePerRowUnderAHeadingThatNamesNoTests() {
    List<Claim> claims =
        ClaimExtractor.extract(
                """
                # Weekly report

                ## Headline numbers

                | Metric | Last week | This week |
                |---|---|---|
                | Passing | 12 | 29 |
                """,
                false)
            .claims();
    assertThat(claims)
        .extracting(c -> values(c.before()) + " -> " + values(c.stated()) + " " + c.implied())
        .containsExactly("passing=12 -> passing=29 true");
  }

  @Test
  void aRateRightAfterACountOfANamedGroupIsThatGroupsRate() {
    List<Claim> claims =
        ClaimExtractor.extract("## Tests\n\n12/12 orders tests passing (100%).", false).claims();
    assertThat(claims)
        .extracting(c -> c.kind().id() + " " + c.subject())
        .containsExactly("named orders", "rate orders");
  }

  @Test
  void aCountThatNamesANarrowerGroupIsNotComparedWithTheWholeRunsCount() {
    List<CheckedClaim> claims =
        verify("## Tests\n\n- 27 tests, all green\n- Billing suites account for 9 tests");
    assertThat(claims)
        .filteredOn(c -> c.claim().line() == 4)
        .extracting(CheckedClaim::verdict)
        .isNotEmpty()
        .doesNotContain(Verdict.INCONSISTENT, Verdict.CONTRADICTED);
  }
}
