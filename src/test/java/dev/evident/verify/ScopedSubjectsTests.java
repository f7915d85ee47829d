package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims whose subject is a part of the run (a describe block, a class named in CamelCase, a name
 * right before its fraction) are checked against that part, and lines about different parts are
 * never compared with each other. When the part cannot be told, the claim is never CONTRADICTED.
 */
class ScopedSubjectsTests {

  /** jest-junit: every test its own suite, named "describe title". */
  private static List<TestEvidence> block(String describe, int passed, int failed, int skipped) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < passed + failed + skipped; i++) {
      Outcome o =
          i < passed ? Outcome.PASSED : i < passed + failed ? Outcome.FAILED : Outcome.SKIPPED;
      String name = describe + " handles case " + i;
      t.add(test(name, name, o, ""));
    }
    return t;
  }

  private static Evidence jest(List<List<TestEvidence>> blocks) {
    List<TestEvidence> all = new ArrayList<>();
    blocks.forEach(all::addAll);
    return new Evidence(List.of(run(2, all.toArray(TestEvidence[]::new))), null);
  }

  /** ReceiptView 5/5, LedgerPanel 6 passed and 1 failed, sorting 3 passed and 1 skipped. */
  private static final Evidence SHOP =
      jest(
          List.of(
              block("ReceiptView", 5, 0, 0),
              block("LedgerPanel", 6, 1, 0),
              block("sorting", 3, 0, 1)));

  /** The claim on a report's fourth line, below a line about the whole suite. */
  private static CheckedClaim item(String line) {
    List<CheckedClaim> claims =
        check(
            "**Today**\n\n- Suite is at 14/16 passing.\n- " + line + "\n",
            SHOP,
            SubjectResolver.NO_CATEGORIES);
    assertThat(claims).extracting(c -> c.claim().line()).contains(4);
    return claims.stream().filter(c -> c.claim().line() == 4).findFirst().orElseThrow();
  }

  @Test
  void aDescribeBlockIsNamedByTheStartOfItsTests() {
    CheckedClaim c = item("ReceiptView 5/5 ✅");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).startsWith("describe block ReceiptView (5 tests)");
  }

  @Test
  void aNameRightBeforeItsFractionIsWhatTheFractionCounts() {
    CheckedClaim skipped = item("sorting 4/4 ✅");
    CheckedClaim unknown = item("widgets 4/4 ✅");

    assertThat(skipped.verdict()).as(skipped.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(skipped.reason()).contains("describe block sorting");
    assertThat(unknown.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(unknown.reason()).contains("named 'widgets'");
  }

  @Test
  void aCamelCaseNameThatResolvesToNothingKeepsTheClaimFromBeingContradicted() {
    CheckedClaim c = only("## Status\n\nEverything is green in checkoutDrawer now.", SHOP);

    // the whole run has a failure, but the claim may be about checkoutDrawer alone
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).contains("may be about 'checkoutDrawer' only");
  }

  @Test
  void aHyphenatedWordThatNamesAPartOfTheRunIsASecondReading() {
    Evidence evals =
        new Evidence(
            List.of(
                run(
                    2,
                    test("json-format", "s1", Outcome.PASSED, ""),
                    test("json-format", "s2", Outcome.PASSED, ""),
                    test("json-format", "s3", Outcome.FAILED, ""),
                    test("tool-use", "s4", Outcome.PASSED, ""),
                    test("tool-use", "s5", Outcome.PASSED, ""))),
            null);

    CheckedClaim part = only("## Results\n\nOn json-format, 2 of 3 tests passed.", evals);
    CheckedClaim word =
        only("## Results\n\nEven with a follow-up fix, 2 of 3 tests passed.", evals);

    assertThat(part.verdict()).as(part.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(part.reason()).startsWith("read as about 'json-format'");
    // a hyphenated word that names nothing in the run leaves the whole run's reading alone
    assertThat(word.verdict()).as(word.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTimeBeforeAFractionNamesNoPart() {
    CheckedClaim c = item("Monday 14/16 ✅");

    assertThat(c.reason()).doesNotContain("named 'Monday'");
    assertThat(c.reason()).startsWith("run 2: 16 collected");
  }

  @Test
  void aDescribeBlockAtTheStartOfATestNameNamesItsTests() {
    Evidence vitest =
        new Evidence(
            List.of(
                run(
                    2,
                    test("src/api.test.ts", "handlers > accepts a post", Outcome.PASSED, ""),
                    test("src/api.test.ts", "handlers > rejects a put", Outcome.PASSED, ""),
                    test("src/api.test.ts", "routes > maps a path", Outcome.FAILED, ""))),
            null);

    CheckedClaim c = only("## API\n\n- `handlers`: 2/2 passing", vitest);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("(2 tests)");
  }

  @Test
  void linesAboutDifferentPartsAreNotComparedWithEachOther() {
    List<CheckedClaim> claims =
        check(
            "**Today**\n\n- Suite is at 14/16 passing.\n- ReceiptView 5/5 ✅\n- LedgerPanel 6/7\n",
            SHOP,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).extracting(CheckedClaim::verdict).containsOnly(Verdict.SUPPORTED);
  }

  @Test
  void theOneGroupASentenceNamesIsASecondReadingOfItsNumbers() {
    List<CheckedClaim> claims =
        check(
            "## Done\n\n- Wrote 2 more ReceiptView cases, so 5 tests there now, all green.",
            SHOP,
            SubjectResolver.NO_CATEGORIES);

    // the whole run has a failure and 16 tests: read so, the sentence would be contradicted
    assertThat(claims).hasSize(2);
    for (CheckedClaim c : claims) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
      assertThat(c.reason()).startsWith("read as about 'ReceiptView'");
    }
  }

  @Test
  void numbersStatedBeforeASubjectNamedInTheNextClauseAreNotItsNumbers() {
    Evidence classes =
        new Evidence(
            List.of(
                run(
                    2,
                    test("app.PaymentTest", "pays", Outcome.PASSED, ""),
                    test("app.PaymentTest", "refunds", Outcome.PASSED, ""),
                    test("app.LedgerTest", "sums", Outcome.PASSED, ""),
                    test("app.LedgerTest", "rounds", Outcome.FAILED, ""))),
            null);

    List<CheckedClaim> claims =
        check(
            "## Tests\n\n3 of the 4 pass; the one failure is `rounds` in `LedgerTest`.\n",
            classes,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    assertThat(claims).extracting(CheckedClaim::verdict).containsOnly(Verdict.SUPPORTED);
  }

  @Test
  void tableRowsWithDifferentLabelsAreDifferentSubjects() {
    List<CheckedClaim> claims =
        check(
            "| Check | Result |\n|---|---|\n| Added since v2.0 | 2 tests |\n| Fixed since v2.0 | 3 tests |\n",
            SHOP,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).extracting(CheckedClaim::verdict).doesNotContain(Verdict.INCONSISTENT);
  }

  @Test
  void aHyphenatedNameIsOneNameNotAGenericWordAndTheRest() {
    Evidence files =
        new Evidence(
            List.of(
                run(
                    2,
                    test("rateLimit", "allows a burst", Outcome.PASSED, "src/rateLimit.test.ts"),
                    test("rateLimit", "blocks a flood", Outcome.SKIPPED, "src/rateLimit.test.ts"),
                    test("auth", "logs in", Outcome.FAILED, "src/auth.test.ts"))),
            null);

    CheckedClaim c =
        only("## Tests\n\nThe rate-limit tests were fine: 1 of 2 passed, 1 skipped.", files);

    assertThat(c.claim().subject()).isEqualTo("rate-limit");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aCommitACommandOrAPullRequestNamesTheRunItself() {
    CheckedClaim command = only("## CI\n\n- npm test: 16 tests, 14 passed, 1 failed", SHOP);
    CheckedClaim commit = only("## CI\n\nFull run on `c0ffee1`: 14 passed, 1 failed.", SHOP);
    CheckedClaim wrong = only("## CI\n\nFull run on `c0ffee1`: 13 passed, 1 failed.", SHOP);

    assertThat(command.verdict()).as(command.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(commit.verdict()).as(commit.reason()).isEqualTo(Verdict.SUPPORTED);
    // the commit is not recorded with the run: it may be another run's, so never contradicted
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(wrong.reason()).contains("names a run, but maybe not this one");
  }
}
