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

/**
 * The general rules of subjects, scopes, counts and before/after, each shown with sentences in
 * wordings of its own (none taken from the labeled reports).
 */
class GeneralRulesTests {

  private static RunEvidence run(long id, List<TestEvidence> tests) {
    Counts counts = Counts.ZERO;
    for (TestEvidence t : tests) {
      counts = counts.plus(t.outcome(), 1);
    }
    Run run =
        new Run(
            id,
            "shop",
            "ingest",
            Instant.EPOCH,
            null,
            null,
            RunStatus.of(counts, 0),
            "",
            null,
            Map.of(),
            Map.of(),
            counts,
            0,
            0);
    return new RunEvidence(run, tests, List.of());
  }

  /** {@code passed} passing, then {@code failed} failing, then {@code skipped} skipped tests. */
  private static List<TestEvidence> suite(String suite, int passed, int failed, int skipped) {
    List<TestEvidence> t = new ArrayList<>();
    String file = "src/test/java/" + suite.replace('.', '/') + ".java";
    int i = 0;
    for (int n = 0; n < passed; n++) {
      t.add(new TestEvidence(new TestId(suite, "t" + i++), Outcome.PASSED, file, List.of()));
    }
    for (int n = 0; n < failed; n++) {
      t.add(new TestEvidence(new TestId(suite, "t" + i++), Outcome.FAILED, file, List.of()));
    }
    for (int n = 0; n < skipped; n++) {
      t.add(new TestEvidence(new TestId(suite, "t" + i++), Outcome.SKIPPED, file, List.of()));
    }
    return t;
  }

  private static List<TestEvidence> all(List<List<TestEvidence>> suites) {
    return suites.stream().flatMap(List::stream).toList();
  }

  /** Latest: LedgerTest 10/10, ReconcileTest 8 + 2 failing, AccountsIT 5 + 1 skipped (26). */
  private static final Evidence BANK =
      new Evidence(
          List.of(
              run(
                  2,
                  all(
                      List.of(
                          suite("com.bank.ledger.LedgerTest", 10, 0, 0),
                          suite("com.bank.ledger.ReconcileTest", 8, 2, 0),
                          suite("com.bank.api.AccountsIT", 5, 0, 1))))),
          // Baseline: LedgerTest 4 + 6 failing, ReconcileTest 6 + 4 failing (20).
          run(
              1,
              all(
                  List.of(
                      suite("com.bank.ledger.LedgerTest", 4, 6, 0),
                      suite("com.bank.ledger.ReconcileTest", 6, 4, 0)))));

  private static List<CheckedClaim> verify(String markdown) {
    return new Verifier(SubjectResolver.NO_CATEGORIES)
        .verify("r.md", markdown, BANK, false)
        .claims();
  }

  /** "kind VERDICT" of each claim, in order. */
  private static List<String> verdicts(String markdown) {
    return verify(markdown).stream().map(c -> c.claim().kind().id() + " " + c.verdict()).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ## Numbers at a glance\\n\\n- 23 passing                   | count SUPPORTED
          ## Where we stand\\n\\n- 30 passing                        | count CONTRADICTED
          ## Where we stand\\n\\n- Nothing failing, all green        | universal CONTRADICTED
          ## AccountsIT\\n\\n- 5 passing                             | count SUPPORTED
          Verdict: the billing service is ready for release.          | universal CONTRADICTED
          The Redis cluster is healthy.                               | universal UNVERIFIABLE
          Payments tests: 40 passing.                                 | named UNVERIFIABLE
          `pytest` collected 26 tests.                                | count SUPPORTED
          """)
  void aHeadingOrASystemNameThatNamesNoTestIsTheWholeRunButANamedSubjectMustResolve(
      String markdown, String expected) {
    assertThat(verdicts(markdown.replace("\\n", "\n"))).containsExactly(expected);
  }

  @Test
  void theFallbackToTheWholeRunIsSaidInTheReason() {
    CheckedClaim c = verify("## Numbers at a glance\n\n- 23 passing tests").get(0);

    assertThat(c.reason()).contains("as a whole: 'at a glance' names no test");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          | Metric | Previous sprint | Now |\\n|---|---|---|\\n| Passing | 10 | 23 |   ; table SUPPORTED
          | Metric | Before | After |\\n|---|---|---|\\n| Failing | 10 | 5 |          ; table CONTRADICTED
          | Figure | Baseline | Today |\\n|---|---|---|\\n| Tests run | 20 | 25 |      ; table SUPPORTED
          """)
  void aTableWithEarlierAndLaterColumnsIsAChangePerRow(String table, String expected) {
    assertThat(verdicts("## Trend\n\n" + table.replace("\\n", "\n"))).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `LedgerTest`: 6 failing → 0                    | change SUPPORTED
          ReconcileTest went 4 failures -> 2            | change SUPPORTED
          Passing tests: 10 passed → 25                 | change CONTRADICTED
          The suite now has 1.25x more tests than before | change SUPPORTED
          Passing: 2.3x from 10/20 last sprint           | change SUPPORTED
          Passing: 3x from 12/20 last sprint             | change CONTRADICTED
          Pass rate: up from 50%                         | change SUPPORTED
          Pass rate climbed from 40%                     | change CONTRADICTED
          """)
  void aChangeNamesWhatItCountsBeforeOrAfterTheArrow(String sentence, String expected) {
    assertThat(verdicts("## Tests\n\n- " + sentence)).containsExactly(expected);
  }

  @Test
  void eachLineOfAParagraphThatStartsWithALabelIsAStatementOfItsOwn() {
    List<CheckedClaim> claims =
        verify("## Sprint\n\n**Gain:** 2.3x from 10/20 at kickoff\n**Pass rate:** up from 50%\n");

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.claim().kind().id() + " " + c.verdict())
        .containsExactly("3 change SUPPORTED", "4 change SUPPORTED");
  }

  @Test
  void durationsAndSpeedupsAreNotChangesOfTests() {
    assertThat(verify("## Tests\n\n- CI got 3x faster (from 9 min to 3 min)")).isEmpty();
    assertThat(verify("## Tests\n\n- Suite time went from 40 s to 25 s")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          23 passing, 2 failing, 1 skipped          | count SUPPORTED,count SUPPORTED,count SUPPORTED
          23 passed and 3 failed                    | count SUPPORTED,count CONTRADICTED
          26 tests: 23 passed, 2 failed, 1 skipped  | count SUPPORTED
          23/25 passing (92%)                       | count SUPPORTED,rate SUPPORTED
          ReconcileTest: 8/10 passing (80%)         | named SUPPORTED,rate SUPPORTED
          `ReconcileTest` 9/10 ✅                   | named CONTRADICTED
          """)
  void partsWithoutATotalAreOneClaimEachAndARateIsAClaimBesideItsCounts(
      String sentence, String expected) {
    assertThat(verdicts("## Tests\n\n- " + sentence)).containsExactly(expected.split(","));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Ledger suites account for 20 tests                       | named SUPPORTED
          `ReconcileTest` has no failures                          | named CONTRADICTED
          `LedgerTest` (10) and `AccountsIT` (6) pass               | named SUPPORTED,named CONTRADICTED
          `LedgerTest` is fully passing again                      | named SUPPORTED
          `ReconcileTest` is fixed                                 | named CONTRADICTED
          `LedgerTest`: all 10 pass                                | named SUPPORTED
          Every ledger test passes except `ReconcileTest.t8` and `ReconcileTest.t9` | universal SUPPORTED
          Every ledger test passes except `ReconcileTest.t9`       | universal CONTRADICTED
          Ledger is green across the board                         | universal CONTRADICTED
          Billing is green                                         | universal UNVERIFIABLE
          """)
  void statementsNameTheirSubjectByIdentifierOrByTheWordsBeforeTheirNoun(
      String sentence, String expected) {
    assertThat(verdicts("## Tests\n\n- " + sentence)).containsExactly(expected.split(","));
  }

  @Test
  void ofTwoStatementsOfTheSameValueTheLaterIsInconsistentAndTheEarlierStandsOnTheEvidence() {
    List<CheckedClaim> claims =
        verify("## Tests\n\n- 23 passing tests\n- In the end, 25 passing tests");

    assertThat(claims)
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.SUPPORTED, Verdict.INCONSISTENT);
    assertThat(claims.get(1).reason()).contains("line 3 says 23");
    assertThat(claims.get(0).reason()).contains("the report disagrees with itself");
  }
}
