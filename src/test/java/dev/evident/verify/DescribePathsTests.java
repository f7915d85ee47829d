package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test named by its title alone ("`rejects an expired coupon`") when its name carries describe
 * blocks ("coupons > rejects an expired coupon"), and a TAP subtest named by its group ("`cli >
 * prints the version`") when the group is part of the suite ("main.tap > cli").
 */
class DescribePathsTests {

  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  2,
                  test(
                      "src/coupons.test.ts",
                      "coupons > rejects an expired coupon",
                      Outcome.FAILED,
                      "src/coupons.test.ts"),
                  test("src/coupons.test.ts", "coupons > applies", Outcome.PASSED, "src/c.ts"),
                  test("main.tap > cli", "prints the version", Outcome.PASSED, "main.tap"),
                  test("main.tap > cli", "reads stdin", Outcome.FAILED, "main.tap"))),
          null);

  private static CheckedClaim only(String markdown) {
    return VerifyFixtures.only(markdown, RUN);
  }

  @Test
  void aTitleOfSeveralWordsNamesTheTestWhoseDescribePathEndsWithIt() {
    CheckedClaim c = only("The only failure is `rejects an expired coupon`.\n");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aSingleWordTitleIsNotReadAsTheLastPartOfATestName() {
    assertThat(DescribePaths.leafOf("applies", "coupons > applies")).isFalse();
    assertThat(
            DescribePaths.leafOf(
                "rejects an expired coupon", "coupons > rejects an expired coupon"))
        .isTrue();
  }

  @Test
  void aTapSubtestIsNamedByItsGroupAndTitle() {
    CheckedClaim c = only("`cli > prints the version` passes.\n");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }
}
