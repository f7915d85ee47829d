package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two lines that state the same quantity of the same subject with different numbers make the report
 * INCONSISTENT, naming the other line, whatever the evidence says of the wrong one; the line the
 * evidence bears out stays SUPPORTED. A lone wrong number stays CONTRADICTED. The subject compared
 * is the one checked: a heading that names no part of the run leaves the whole run.
 */
class DisagreeingLinesTests {

  /** Run 2: cart 9 passed + 1 failed, pay 4 passed + 1 errored, search 6 passed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(2, all(suite("cart", 9, 1, 0), suite("pay", 4, 0, 1), suite("search", 6, 0, 0)))),
          run(1, all(suite("cart", 7, 3, 0), suite("pay", 5, 0, 0), suite("search", 6, 0, 0))));

  private static List<CheckedClaim> check(String markdown) {
    return VerifyFixtures.check(markdown, RUNS, SubjectResolver.NO_CATEGORIES);
  }

  private static CheckedClaim at(List<CheckedClaim> claims, int line, ClaimKind kind) {
    return claims.stream()
        .filter(c -> c.claim().line() == line && c.claim().kind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " claim on line " + line));
  }

  @Test
  void aNumberUnderAHeadingThatNamesNoPartDisagreesWithTheSameNumberElsewhere() {
    List<CheckedClaim> claims =
        check(
            "## Where we are\n\n19 tests passing, 2 failing.\n\n## Wrap-up for the team\n\n"
                + "- 20 tests passing now.\n");

    CheckedClaim wrong = at(claims, 7, ClaimKind.COUNT);
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(wrong.reason()).isEqualTo("line 3 says 19 passing; this says 20");
    CheckedClaim right = at(claims, 3, ClaimKind.COUNT);
    assertThat(right.verdict()).as(right.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(right.reason()).contains("the report disagrees with itself: line 7 says 20");
  }

  @Test
  void aChangeSharesTheDisagreementOfTheNumberItStatesNow() {
    List<CheckedClaim> claims =
        check(
            "## Where we are\n\n19 tests passing, 2 failing.\n\n## Wrap-up for the team\n\n"
                + "- 20 tests passing now, up from 18.\n");

    assertThat(at(claims, 7, ClaimKind.CHANGE).verdict()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(at(claims, 7, ClaimKind.CHANGE).reason()).startsWith("line 3 says 19 passing");
  }

  @Test
  void aWrongNumberWithNoOtherLineToDisagreeWithStaysContradicted() {
    CheckedClaim lone =
        at(check("## Wrap-up for the team\n\n- 20 tests passing now.\n"), 3, ClaimKind.COUNT);

    assertThat(lone.verdict()).as(lone.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void numbersOfARunAnotherSentenceNamesAreNotComparedWithTheLatest() {
    List<CheckedClaim> claims =
        check(
            "## The outage\n\n- Only 17 tests passed in that run.\n\n## After the restart\n\n"
                + "- 19 tests passing.\n");

    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void aNumberRightBeforeTheSubjectIsTheSubjectsOwn() {
    List<CheckedClaim> claims =
        check("- After the fix, all 6 search tests pass.\n- Search: 7 tests, all green.\n");

    assertThat(at(claims, 1, ClaimKind.UNIVERSAL).verdict()).isEqualTo(Verdict.SUPPORTED);
    CheckedClaim wrong =
        claims.stream()
            .filter(c -> c.claim().line() == 2 && !c.claim().stated().isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(wrong.reason()).isEqualTo("line 1 says 6 tests; this says 7");
  }

  @Test
  void aLineThatOpensWithItsCountNamesNoNarrowerGroup() {
    List<CheckedClaim> claims = check("- 21 tests: 19 passing, 2 failing\n- 20 passing in total\n");

    assertThat(at(claims, 2, ClaimKind.COUNT).verdict()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(at(claims, 2, ClaimKind.COUNT).reason()).startsWith("line 1 says 19 passing");
  }

  @Test
  void aPercentageReductionIsCheckedAgainstTheNumbersBesideIt() {
    Map<Claim, String> wrong =
        Consistency.check(
            ClaimExtractor.extract("Red tests went from 3 to 1, a 50% reduction.", false).claims());
    Map<Claim, String> right =
        Consistency.check(
            ClaimExtractor.extract("Failures dropped from 80 to 60, i.e. 25% fewer.", false)
                .claims());

    assertThat(wrong.values()).containsExactly("3 → 1 is -67%, not -50%");
    assertThat(right).isEmpty();
  }

  @Test
  void aFactorOverABaseOfNoneInWordsIsInconsistent() {
    Map<Claim, String> found =
        Consistency.check(
            ClaimExtractor.extract(
                    "The rewrite passes 9 checks where the old code passed none, a 9x improvement"
                        + " in passing tests.",
                    false)
                .claims());

    assertThat(found.values()).singleElement().asString().startsWith("9x from none");
  }

  @Test
  void linesThatNameDifferentQuartersAreAboutDifferentRuns() {
    List<CheckedClaim> claims =
        check(
            "- At the end of Q4, 19 of the 21 executed tests passed.\n"
                + "- Q3 had closed at 18 passing, 3 failing.\n");

    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.INCONSISTENT);
    assertThat(claims).noneMatch(c -> c.reason().contains("the report disagrees with itself"));
    CheckedClaim q3 = at(claims, 2, ClaimKind.COUNT);
    assertThat(q3.verdict()).as(q3.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(q3.reason()).startsWith("names an earlier run ('Q3'), and baseline run 1");
  }

  @Test
  void aTableRowLabeledByANumberIsNotComparedWithTheRunsTotals() {
    String markdown =
        "## At a glance\n\n- 19 passing, 2 failing\n\n## Trend\n\n"
            + "| sprint | tests | passed | failed |\n|---|---|---|---|\n"
            + "| 30 | 21 | 18 | 3 |\n| 31 | 21 | 20 | 1 |\n";

    Map<Claim, String> found =
        Consistency.check(ClaimExtractor.extract(markdown, false).claims(), c -> true);

    assertThat(found).isEmpty();
  }

  @Test
  void aCountOfFixedFailuresIsNotTheFailuresLeft() {
    List<Claim> claims =
        ClaimExtractor.extract(
                "## Test run\n\n- 19 tests passed, 2 failed.\n- I count 4 failures fixed since 812.\n",
                false)
            .claims();

    assertThat(claims).anyMatch(c -> c.line() == 4);
    assertThat(Consistency.check(claims)).isEmpty();
  }
}
