package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sum written out holds every part it names (flaky and skipped tests too), a table's row numbers
 * count nothing, and a row naming several classes counts them together.
 */
class WrittenSumsAndRowsTests {

  private static Map<Claim, String> inconsistent(String markdown) {
    return Consistency.check(ClaimExtractor.extract(markdown, false).claims());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Tally: 40 passed + 2 failed + 1 flaky + 1 skipped = 43 tests.   | they make 44
          Tally: 40 passing + 2 failing + 1 skipped = 42 tests.           | they make 43
          """)
  void aSumWrittenOutMustHoldEveryPartItNames(String sentence, String reason) {
    assertThat(inconsistent("## Numbers\n\n" + sentence).values())
        .singleElement()
        .asString()
        .contains(reason);
  }

  @Test
  void aSumWrittenOutThatHoldsItsFlakyTestIsConsistent() {
    assertThat(inconsistent("## Numbers\n\nTally: 40 passed + 2 failed + 1 flaky = 43 tests."))
        .isEmpty();
  }

  /** app.CartTest: 3 passed; app.CouponTest: 2 passed, 1 skipped. */
  private static final Evidence SHOP =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.CartTest", "adds", Outcome.PASSED, ""),
                  test("app.CartTest", "removes", Outcome.PASSED, ""),
                  test("app.CartTest", "totals", Outcome.PASSED, ""),
                  test("app.CouponTest", "applies", Outcome.PASSED, ""),
                  test("app.CouponTest", "stacks", Outcome.PASSED, ""),
                  test("app.CouponTest", "expires", Outcome.SKIPPED, ""))),
          null);

  private static List<CheckedClaim> table(String rows) {
    return check(
        "## Deliverables\n\n| # | Deliverable | Status | Tests |\n|---|---|---|---|\n" + rows,
        SHOP,
        SubjectResolver.NO_CATEGORIES);
  }

  @Test
  void aRowNumberCountsNothing() {
    List<CheckedClaim> claims = table("| 7 | Cart (`CartTest`) | done | 3/3 passing |\n");

    assertThat(claims)
        .singleElement()
        .extracting(CheckedClaim::verdict)
        .isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aRowNamingSeveralClassesCountsThemTogether() {
    List<CheckedClaim> right =
        table("| 1 | Cart and coupons (`CartTest`, `CouponTest`) | done | 6 tests |\n");
    List<CheckedClaim> wrong =
        table("| 1 | Cart and coupons (`CartTest`, `CouponTest`) | done | 7 tests |\n");

    assertThat(right)
        .singleElement()
        .extracting(CheckedClaim::verdict)
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(wrong)
        .singleElement()
        .extracting(CheckedClaim::verdict)
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aRowThatAllPassStatingItsSkippedTestLeavesItOut() {
    List<CheckedClaim> stated = table("| 2 | Coupons (`CouponTest`) | ✅ | 2/3, 1 skipped |\n");
    List<CheckedClaim> silent = table("| 2 | Coupons (`CouponTest`) | ✅ | 3/3 |\n");

    assertThat(stated)
        .singleElement()
        .extracting(CheckedClaim::verdict)
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(silent)
        .singleElement()
        .extracting(CheckedClaim::verdict)
        .isEqualTo(Verdict.CONTRADICTED);
  }
}
