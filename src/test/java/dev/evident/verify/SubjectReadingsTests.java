package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestCategory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subjects that name the evidence in other words than its own: "the cart module" (package
 * com.acme.cart), "Streaming API" (category streaming), and counts placed in a file ("3 failing
 * tests in `tests/test_checkout.py`").
 */
class SubjectReadingsTests {

  private static TestEvidence[] tests(String suite, String file, int passed, int failed) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < passed + failed; i++) {
      t.add(test(suite, "t" + i, i < passed ? Outcome.PASSED : Outcome.FAILED, file));
    }
    return t.toArray(TestEvidence[]::new);
  }

  private static TestEvidence[] concat(TestEvidence[]... parts) {
    List<TestEvidence> all = new ArrayList<>();
    for (TestEvidence[] p : parts) {
      all.addAll(List.of(p));
    }
    return all.toArray(TestEvidence[]::new);
  }

  /** com.acme.cart: 5 passed, 1 failed; com.acme.stream_io: 12 passed; tests/test_checkout.py. */
  private static final Evidence SHOP =
      new Evidence(
          List.of(
              run(
                  1,
                  concat(
                      tests("com.acme.cart.CartServiceTest", "", 5, 1),
                      tests("stream_io", "", 12, 0),
                      tests("tests.test_checkout", "tests/test_checkout.py", 4, 3)))),
          null);

  @Test
  void aSubjectIsReadAgainWithoutTheWordsThatOnlySayWhatKindOfThingItIs() {
    CheckedClaim c = only("The cart module is production ready.", SHOP);

    assertThat(c.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("suite com.acme.cart.CartServiceTest");
  }

  @Test
  void aKindOfTestAfterANameOnlySaysWhatKindOfTestsTheyAre() {
    CheckedClaim c = only("- Checkout e2e: 7/7 passing.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("tests/test_checkout.py");
  }

  @Test
  void aSubjectLeftWithNoNameByThoseWordsStaysUnverifiable() {
    assertThat(only("The payments module is production ready.", SHOP).verdict())
        .isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void aCategoryIsNamedWithADescriptorWordAfterIt() {
    TestCategory streaming =
        new TestCategory(
            "streaming",
            new TestCategory.Match(List.of("stream_*"), List.of(), List.of(), List.of()),
            TestCategory.Target.NONE);

    List<CheckedClaim> claims =
        check(
            "- Streaming API: 12 tests, all passing.",
            SHOP,
            new CategoryResolver(List.of(streaming)));

    assertThat(claims).isNotEmpty();
    assertThat(claims).extracting(CheckedClaim::verdict).containsOnly(Verdict.SUPPORTED);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
          Cart is green across the board.                  | CONTRADICTED | 1 cart test fails
          stream_io suite fully green, all 12.              | SUPPORTED    | no verb, a suite noun
          None; cart and stream_io suites are all green.    | CONTRADICTED | a list: cart fails
          Payments is green.                                | UNVERIFIABLE | names nothing
          """)
  void aGroupSaidToBeGreenIsCheckedAsAGroup(String sentence, Verdict verdict, String why) {
    CheckedClaim c = only(sentence, SHOP);

    assertThat(c.claim().expectation()).isEqualTo(Expectation.PASS);
    assertThat(c.claim().subject()).as(why).isNotEmpty();
    assertThat(c.verdict()).as(why + ": " + c.reason()).isEqualTo(verdict);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
          All checkout tests pass except `t4`, `t5` and `t6`.  | SUPPORTED    | the three that fail are left out
          All checkout tests pass except `t4`.                 | CONTRADICTED | t5 and t6 fail too
          Every checkout test passes apart from `t4`.          | CONTRADICTED | every X test, t5 and t6 fail too
          Every stream_io test passes.                         | SUPPORTED    | every X test
          """)
  void testsLeftOutByNameAreNotHeldAgainstAClaimThatTheRestPass(
      String sentence, Verdict verdict, String why) {
    CheckedClaim c = only("## Status\n\n" + sentence, SHOP);

    assertThat(c.verdict()).as(why + ": " + c.reason()).isEqualTo(verdict);
  }

  @Test
  void aCountIsNotAGroupSaidToBeGreen() {
    List<Claim> claims = ClaimExtractor.extract("14/18 tests passing.", false).claims();

    assertThat(claims).extracting(Claim::subject).containsOnly("");
  }

  @Test
  void theOneGroupASentenceNamesBeforeItsNumbersIsWhatTheyCount() {
    CheckedClaim agrees = only("## Tests\n\nThe checkout pass rate is 57.1%.", SHOP);
    CheckedClaim disagrees = only("## Tests\n\nThe checkout pass rate is 90%.", SHOP);

    assertThat(agrees.verdict()).as(agrees.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(agrees.reason()).startsWith("file tests/test_checkout.py");
    assertThat(disagrees.verdict())
        .as("a guess is never a contradiction")
        .isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(disagrees.reason()).startsWith("checked against 'checkout', the one group");
  }

  @Test
  void aLabelThatIsItselfAClaimNamesNoSubject() {
    assertThat(Subjects.ofLabel("No regressions")).isEmpty();
    assertThat(Subjects.ofLabel("Full suite")).isEmpty();
  }

  @Test
  void aCountPlacedInAFileIsCheckedAgainstThatFile() {
    CheckedClaim c =
        only("## Tests\n\nThere are 3 failing tests in `tests/test_checkout.py`.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).startsWith("file tests/test_checkout.py");
  }

  @Test
  void aLabelThatNamesNothingGivesWayToThePlaceItsCountIsPutIn() {
    CheckedClaim c = only("- MJML templates: 3 failing tests in `tests/test_checkout.py`.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).startsWith("file tests/test_checkout.py");
  }

  @Test
  void aPlainCountOfTestsInAPlaceIsNeverContradicted() {
    CheckedClaim c = only("- MJML templates: 2 tests red in `tests/test_checkout.py`.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void aCountPlacedInAFileThatDisagreesWithItIsNeverContradicted() {
    CheckedClaim c = only("## Tests\n\nAdded 2 tests to `tests/test_checkout.py`.", SHOP);

    assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    // the tests added, which only a baseline tells apart, not a count of the file
    assertThat(c.reason()).startsWith("no baseline run to tell new tests from old ones");
  }
}
