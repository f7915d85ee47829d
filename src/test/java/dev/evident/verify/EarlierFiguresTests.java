package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures of an earlier point are never checked against the latest run: a figure an author corrects
 * ("Earlier I wrote 3; it's 2"), figures in brackets about the run before ("(last run 7/10)"), and
 * a paragraph that opens with the first of several turns. A change counts what its own clause
 * counts.
 */
class EarlierFiguresTests {

  /** Run 2: cart 9 passed + 1 failed, search 6 passed. Run 1: cart 7 + 3 failed, search 5 + 1. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("cart", 9, 1), suite("search", 6, 0)))),
          run(1, all(suite("cart", 7, 3), suite("search", 5, 1))));

  private static CheckedClaim first(String markdown) {
    return VerifyFixtures.check(markdown, RUNS, SubjectResolver.NO_CATEGORIES).get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Earlier I wrote 3 failing tests in the channel; it's 1.     | SUPPORTED
          Earlier I wrote 1 failing test in the channel; it's 2.      | CONTRADICTED
          The 4 failing tests I posted earlier is actually 1.         | SUPPORTED
          """)
  void aCorrectedFigureIsCheckedInsteadOfTheOneItReplaces(String sentence, Verdict verdict) {
    CheckedClaim c = first("## Handover\n\n" + sentence);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).startsWith("the sentence corrects an earlier figure");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Search: all 6 checks ok (last drill 5/6).   | SUPPORTED
          Search: all 6 checks ok (last drill 4/6).   | CONTRADICTED
          Search: all 6 checks ok (formerly 4/6).     | UNVERIFIABLE
          """)
  void figuresInBracketsOfAnEarlierPointAreCheckedAgainstTheBaseline(
      String sentence, Verdict verdict) {
    CheckedClaim c = first("## Suites\n\n- " + sentence);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).startsWith("the figures in '(");
  }

  @Test
  void aParagraphOpeningWithTheFirstTurnSpeaksOfTheRunBefore() {
    CheckedClaim c =
        first("# Session\n\n**Turn 1.** Ran the suite: 16 tests, 12 passing, 4 failing.\n");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).startsWith("speaks of an earlier point, and baseline run 1");
  }

  private static Claim change(String sentence) {
    return ClaimExtractor.extract(sentence, false).claims().stream()
        .filter(c -> c.kind() == ClaimKind.CHANGE)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aChangeCountsWhatItsOwnClauseCountsNotTheStatusWordsOfAnother() {
    Claim tests = change("`CartTests`: 12 tests, up from 10 last week; 11 pass and 1 is skipped.");
    Claim fraction = change("Cart: 10/10 (was 7/10, all three failures fixed)");

    assertThat(tests.stated().get(0).measure()).isEqualTo(Measure.TESTS);
    assertThat(tests.before().get(0).measure()).isEqualTo(Measure.TESTS);
    assertThat(fraction.stated().get(0).measure()).isEqualTo(Measure.PASSING);
    assertThat(fraction.before().get(0).measure()).isEqualTo(Measure.PASSING);
  }
}
