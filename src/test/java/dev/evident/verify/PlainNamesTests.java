package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report names a suite, file or category in plain words: a plural where the class has the
 * singular, or two words where the name has one. Such a name is the part's; a part of a name is
 * not.
 */
class PlainNamesTests {

  /**
   * ParcelLabelTests 7 passed and 1 failed, RefundPolicyTest 4 passed, Backroom 3 passed,
   * OrderRoutingTests 14 passed.
   */
  private static final Evidence DEPOT =
      new Evidence(
          List.of(
              run(
                  2,
                  all(
                      suite("com.depot.ParcelLabelTests", 7, 1),
                      suite("com.depot.RefundPolicyTest", 4, 0),
                      suite("Backroom", 3, 0),
                      suite("com.depot.OrderRoutingTests", 14, 0)))),
          null);

  @Test
  void aPluralNamesTheClassNamedInTheSingular() {
    CheckedClaim right = only("- Parcel labels: 7/8 passing.", DEPOT);
    CheckedClaim wrong = only("- Parcel labels: 8/8 passing.", DEPOT);

    assertThat(right.verdict()).as(right.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(right.reason()).contains("suite com.depot.ParcelLabelTests");
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aPluralInIesNamesTheSingularInY() {
    CheckedClaim c = only("- Refund policies: 4/4 passing.", DEPOT);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("suite com.depot.RefundPolicyTest");
  }

  @Test
  void twoWordsNameTheSuiteWrittenAsOne() {
    CheckedClaim c = only("- Back room: 3/3 passing.", DEPOT);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("tests/Backroom.py (3 tests)");
  }

  @Test
  void twoWordsNameTheCategoryWrittenAsOne() {
    TestCategory backOffice =
        new TestCategory(
            "backoffice",
            new TestCategory.Match(List.of("Backroom"), List.of(), List.of(), List.of()),
            TestCategory.Target.NONE);

    List<CheckedClaim> claims =
        check("- Back office: 2/3 passing.", DEPOT, new CategoryResolver(List.of(backOffice)));

    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(claims.get(0).reason()).contains("category backoffice");
  }

  @Test
  void aWordOfANameIsAGuessThatCanBeBorneOutButNeverContradicts() {
    CheckedClaim named = only("- Routing: 14/14 passing.", DEPOT);
    CheckedClaim wrong = only("- Parcel: 8/8 passing.", DEPOT);

    assertThat(named.verdict()).as(named.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(named.reason()).contains("OrderRoutingTests (14 tests)");
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(wrong.reason())
        .contains("'Parcel' names no test, file, suite or category exactly")
        .contains("ParcelLabelTests");
  }

  @Test
  void aWordOfANameBeforeTheNumbersTakesThemFromTheWholeRun() {
    CheckedClaim c = only("Routing has 13 of 14 tests passing.", DEPOT);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).contains("OrderRoutingTests");
  }

  @Test
  void aJavaScriptTestIsNamedByItsDescribeBlockAndTitle() {
    Evidence cart =
        new Evidence(
            List.of(
                run(
                    2,
                    VerifyFixtures.test("Cart", "adds an item", Outcome.FAILED, ""),
                    VerifyFixtures.test("Cart", "removes an item", Outcome.PASSED, ""))),
            null);

    CheckedClaim c = only("`Cart adds an item` fails again.", cart);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("Cart > adds an item");
  }
}
