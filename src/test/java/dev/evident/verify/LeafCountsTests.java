package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports often count only the leaves of nested tests: a Go test with subtests, or a TAP subtest
 * group, is then not a test of its own. A count the full evidence contradicts but the leaves bear
 * out is SUPPORTED, and says so; a count the full evidence bears out is left as it is.
 */
class LeafCountsTests {

  private static final String PKG = "example.com/shop/router";

  /** Go: TestRoute with 3 subtests, beside 2 plain tests: 6 tests, 5 of them leaves. */
  private static final Evidence GO =
      new Evidence(
          List.of(
              run(
                  4,
                  test(PKG, "TestRoute", Outcome.PASSED, ""),
                  test(PKG, "TestRoute/get", Outcome.PASSED, ""),
                  test(PKG, "TestRoute/post", Outcome.PASSED, ""),
                  test(PKG, "TestRoute/delete", Outcome.PASSED, ""),
                  test(PKG, "TestCors", Outcome.PASSED, ""),
                  test(PKG, "TestTimeouts", Outcome.FAILED, ""))),
          null);

  /** TAP: group "escaping" closes with a point of its own in lex.tap; its 2 points are below. */
  private static final Evidence TAP =
      new Evidence(
          List.of(
              run(
                  9,
                  test("lex.tap", "escaping", Outcome.PASSED, ""),
                  test("lex.tap > escaping", "quotes", Outcome.PASSED, ""),
                  test("lex.tap > escaping", "backslashes", Outcome.PASSED, ""),
                  test("lex.tap", "tokens", Outcome.FAILED, ""))),
          null);

  @Test
  void aCountOfGoSubtestsWithoutTheirParentIsSupportedAsALeafCount() {
    CheckedClaim c = only("## Results\n\n4 tests passed.", GO);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("leaf tests only");
  }

  @Test
  void aCountTheFullEvidenceBearsOutIsNotReadAsALeafCount() {
    CheckedClaim c = only("## Results\n\n5 tests passed.", GO);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).doesNotContain("leaf tests only");
  }

  @Test
  void aCountNeitherReadingBearsOutStaysContradicted() {
    CheckedClaim c = only("## Results\n\n3 tests passed.", GO);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTapSubtestGroupsClosingPointIsLeftOutOfTheLeafCount() {
    CheckedClaim c = only("## Results\n\n2 of 3 tests passed.", TAP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("leaf tests only");
  }

  @Test
  void aTableRowOfATapFileHoldsItsSubtestGroupsAndCountsTheirLeaves() {
    // doc.tap holds its group "doc.tap > html": 3 tests in all, 2 of them leaves.
    Evidence doc =
        new Evidence(
            List.of(
                run(
                    9,
                    test("doc.tap", "html", Outcome.PASSED, ""),
                    test("doc.tap > html", "headings", Outcome.PASSED, ""),
                    test("doc.tap > html", "links", Outcome.PASSED, ""))),
            null);
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "| File | Tests | Result |\n|---|---|---|\n| doc.tap | 2 | 2 passed |\n",
            doc,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).hasSize(1);
    CheckedClaim row = claims.get(0);
    assertThat(row.verdict()).as(row.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(row.reason()).contains("leaf tests only").contains("3 tests");
  }

  @Test
  void onlyTestsWithChildrenInTheSameSuiteAreParents() {
    assertThat(
            LeafTests.parents(
                List.of(
                    new TestId("a", "TestX"),
                    new TestId("a", "TestX/one"),
                    new TestId("a", "TestX/one/deep"),
                    new TestId("b", "TestY/orphan"),
                    new TestId("c", "group"),
                    new TestId("c > group", "point"))))
        .hasSize(3);
  }

  @Test
  void evidenceWithoutNestedTestsHasNoLeafReading() {
    Evidence flat = new Evidence(List.of(run(1, test(PKG, "TestCors", Outcome.PASSED, ""))), null);

    assertThat(LeafTests.of(flat)).isNull();
  }
}
