package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A "Result" or "Status" cell with counts ("9 passed, 1 failed") states those counts, which say
 * more than its status words: the row is checked by them (and by the leaf reading where tests
 * nest), not as a claim that its subject passes. A cell with only a mark or a word stays a status.
 */
class StatusColumnCountsTests {

  private static final Evidence CART = new Evidence(List.of(run(2, suite("cart", 9, 1))), null);

  private static CheckedClaim row(String cells, Evidence evidence) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "| Suite | Tests | Result |\n|---|---|---|\n" + cells + "\n",
            evidence,
            SubjectResolver.NO_CATEGORIES);
    assertThat(claims).hasSize(1);
    return claims.get(0);
  }

  @Test
  void countsInAResultCellAreStatedAndCheckedOneByOne() {
    CheckedClaim c = row("| cart | 10 | 9 passed, 1 failed |", CART);

    assertThat(c.claim().quantity(Measure.PASSING).value()).isEqualTo(9);
    assertThat(c.claim().quantity(Measure.FAILING).value()).isEqualTo(1);
    assertThat(c.claim().expectation()).isNull();
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aWrongCountInAResultCellIsContradicted() {
    CheckedClaim c = row("| cart | 10 | 10 passed |", CART);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(c.reason()).contains("stated 10 passing, actual 9");
  }

  @Test
  void aResultCellWithOnlyAWordIsStillAStatus() {
    CheckedClaim c = row("| cart | 10 | ✅ passing |", CART);

    assertThat(c.claim().expectation()).isEqualTo(Expectation.PASS);
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aFailingLeafInANestedTapFileIsCountedByTheLeafReading() {
    // toc.tap: group "links" closes "not ok" over its 2 points, one of them failed
    Evidence toc =
        new Evidence(
            List.of(
                run(
                    7,
                    test("toc.tap", "links", Outcome.FAILED, ""),
                    test("toc.tap > links", "relative", Outcome.PASSED, ""),
                    test("toc.tap > links", "absolute", Outcome.FAILED, ""),
                    test("toc.tap", "anchors", Outcome.PASSED, ""))),
            null);

    CheckedClaim c = row("| toc.tap | 3 | 2 passed, 1 failed |", toc);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("leaf tests only");
  }
}
