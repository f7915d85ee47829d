package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A label of a few words before a colon that names nothing in the run and shares no word with its
 * names ("Release gate:", "Checked the CI artifact too:") is read as about the whole run, guarded:
 * its counts of tests may be SUPPORTED by the run, never CONTRADICTED. A label without counts of
 * tests, or that is a claim itself ("No new skips:"), stays as it was.
 */
class UnnamedLabelsTests {

  /** Run 2: cart 9 passed + 1 failed, pay 5 passed: 15 tests, 14 passed. */
  private static final Evidence RUN =
      new Evidence(List.of(run(2, all(suite("cart", 9, 1), suite("pay", 5, 0)))), null);

  private static final Evidence GREEN =
      new Evidence(List.of(run(3, all(suite("cart", 10, 0), suite("pay", 5, 0)))), null);

  private static List<CheckedClaim> check(String markdown, Evidence evidence) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(markdown, evidence, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).isNotEmpty();
    return claims;
  }

  @Test
  void countsTheWholeRunBearsOutAreSupportedSayingHowTheLabelWasRead() {
    for (CheckedClaim c : check("Release gate: 14 of 15 tests pass, 1 fails.\n", RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
      assertThat(c.reason()).contains("'Release gate' names no part of it");
    }
  }

  @Test
  void aLabelNamingAPassRateIsAMeasureNotAClaim() {
    for (CheckedClaim c : check("Pass rate this quarter: 0.93.\n", RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    }
  }

  @Test
  void countsTheWholeRunDoesNotBearOutAreUnverifiableNotContradicted() {
    for (CheckedClaim c : check("Release gate: 15 of 15 tests pass.\n", RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    }
  }

  @Test
  void aLabelWithoutCountsIsNotReadAsTheWholeRun() {
    for (CheckedClaim c : check("Docker images: all healthy.\n", GREEN)) {
      assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.SUPPORTED);
    }
  }

  @Test
  void aSingleWordMayNameAnotherRunAndIsNotReadAsThisOne() {
    for (CheckedClaim c : check("Staging: 15 tests, 14 passed, 1 failed.\n", RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    }
  }

  @Test
  void aLabelThatIsAClaimItselfIsNotReadAsTheWholeRun() {
    for (CheckedClaim c :
        check("No new flakes: the 1 failed test is the same as last week.\n", RUN)) {
      assertThat(c.reason()).doesNotContain("names no part of it");
    }
  }

  @Test
  void numbersWithoutAWordOfTestsAreNotCountsOfTheRun() {
    for (CheckedClaim c : check("Memory checker: 0 leaks, 0 errors.\n", GREEN)) {
      assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.SUPPORTED);
    }
  }

  @Test
  void aLabelSharingAWordWithTheRunsNamesIsNotReadAsTheWholeRun() {
    // "cart" is a suite of the run: the label may be about a part that did not resolve
    for (CheckedClaim c : check("Cart widgets: 15 of 15 tests pass.\n", GREEN)) {
      assertThat(c.reason()).doesNotContain("names no part of it");
    }
  }
}
