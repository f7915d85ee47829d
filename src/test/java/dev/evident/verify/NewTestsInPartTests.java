package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "`CartTests` gained 2 tests", "added 2 tests in `shop/cart`": the number is how many tests of
 * that part the latest run has and the baseline lacks, not how many the part holds.
 */
class NewTestsInPartTests {

  /** CartTests: 16 tests in the baseline, 18 in the latest (test_16 and test_17 are new). */
  private static final Evidence GROWN = new Evidence(List.of(run(2, cart(18))), run(1, cart(16)));

  private static TestEvidence[] cart(int n) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t.add(test("shop.cart.CartTests", "test_" + i, Outcome.PASSED, "shop/cart/CartTests.cs"));
    }
    t.add(test("shop.pay.PayTests", "test_pay", Outcome.PASSED, "shop/pay/PayTests.cs"));
    return t.toArray(TestEvidence[]::new);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CartTests gained 2 tests for coupons and refunds (16 → 18).        | SUPPORTED
          Also added 2 tests for coupons in `CartTests`, both green.         | SUPPORTED
          CartTests gained 3 tests for coupons and refunds.                  | CONTRADICTED
          """)
  void aCountOfTestsAddedToAPartIsTheNewTestsThere(String sentence, Verdict verdict) {
    CheckedClaim c = only("## Tests\n\n" + sentence, GROWN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).contains("of run 2 under 'CartTests' not in run 1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Added 2 new cart tests for coupons.           | SUPPORTED    | of run 2 under
          Added 3 new cart tests for coupons.           | CONTRADICTED | of run 2 under
          Added 2 regression tests.                     | SUPPORTED    | 2 tests of run 2 not in run 1
          Added 3 regression tests.                     | UNVERIFIABLE | names no part
          """)
  void aWordBeforeTestsNamesThePartWhenOneIsSoNamedAndIsAKindOfTestWhenNone(
      String sentence, Verdict verdict, String reason) {
    CheckedClaim c = only("## Tests\n\n" + sentence, GROWN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).contains(reason);
  }

  @org.junit.jupiter.api.Test
  void testsAddedBesideTheTotalsTheyTookTheRunBetweenAreNoCountOfTheRun() {
    CheckedClaim c = only("## Tests\n\nWe added 2 tests in total (17 → 19).", GROWN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.stated()).doesNotContainValue(2.0);
  }
}
