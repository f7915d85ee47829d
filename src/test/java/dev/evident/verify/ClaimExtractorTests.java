package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimExtractorTests {

  private static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  /** The stated values of the only claim, as "key=value" joined by commas. */
  private static String stated(String markdown) {
    List<Claim> claims = claims(markdown);
    assertThat(claims).as(markdown).hasSize(1);
    return claims.get(0).stated().stream()
        .map(q -> q.key() + "=" + q.display())
        .collect(Collectors.joining(", "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          166 passing tests.                                   | count     | passing=166
          1/18 tests passing (5.6% success rate).              | rate      | passing=1, tests=18, pass rate=5.6%
          56 tests collected, 100% collection success.         | rate      | collected=56, collection success=100%
          Test run: 11 passed, 1 failed, 3 skipped.            | count     | passing=11, failing=1, skipped=3
          All but 3 tests pass.                                | count     | not passing=3
          All but 2 of our 41 tests pass.                      | count     | not passing=2
          Over 100 tests ran.                                  | count     | executed=>100
          ~95% pass rate.                                      | rate      | pass rate=~95%
          240+ passing tests.                                  | count     | passing=>=240
          Fewer than 10 test failures.                         | count     | failing=<10
          Agent Execution Core: 15/15 completed (11 passing).  | named     | collected=15, target=15, passing=11
          Checked 12 test files.                               | count     | test files=12
          5/6 issues resolved.                                 | count     | issues resolved=5, issues=6
          Fixed 7 failing tests in tests/test_refunds.py.      | change    |
          Coverage went from 71% to 84%.                       | change    | coverage=84%
          Pass rate: 80% → 95.5%.                              | change    | pass rate=95.5%
          That is a 3.7x reduction in failures.                | change    |
          Zero skipped tests tonight.                          | count     | skipped=0
          Test count: 118 in total.                            | count     | tests=118
          None of the cart tests failed.                       | universal |
          No regressions.                                      | universal |
          """)
  void readsTheKindAndTheStatedValuesOfAClaim(String sentence, String kind, String stated) {
    String md = "## Tests\n\n" + sentence;
    assertThat(claims(md)).extracting(c -> c.kind().id()).containsExactly(kind);
    assertThat(stated(md)).isEqualTo(stated == null ? "" : stated);
  }

  @Test
  void fixedFailingTestsSayHowManyFailedBeforeNotHowManyFailNow() {
    Claim c = claims("## Tests\n\nFixed 7 failing tests in `tests/test_refunds.py`.").get(0);

    assertThat(c.subject()).isEqualTo("tests/test_refunds.py");
    assertThat(c.stated()).isEmpty();
    assertThat(c.before())
        .extracting(q -> q.key() + "=" + q.display())
        .containsExactly("failing=>=7");
  }

  @Test
  void anIdentifierInParenthesesIsNotTheSubjectOfTheCounts() {
    Claim c = claims("## Tests\n\n212 tests collected, 4 skipped (all in LegacyIT).").get(0);

    assertThat(c.kind()).isEqualTo(ClaimKind.COUNT);
    assertThat(c.subject()).isEmpty();
  }

  @Test
  void aLabelNamesItsTagOrTheSubjectBeforeItsVerb() {
    assertThat(claims("Slow tests (tag slow): 4 skipped.").get(0).subject()).isEqualTo("slow");
    assertThat(claims("Search is fully operational: 30 of 30 tests pass.").get(1).subject())
        .isEqualTo("Search");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ARR is $500K and Redis listens on port 6381.",
        "We run Python 3.12 and Java 21; see issue #482 and PR 77.",
        "Deployed on 2026-02-14 as version 2.3.0-rc1, 3 hours late.",
        "The build took 12 minutes on 4 cores.",
        "24/7 support, 99.9% uptime."
      })
  void numbersThatAreNotTestCountsAreNotClaims(String sentence) {
    assertThat(claims("## Test results\n\n" + sentence)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Target: 15 tests.",
        "We will add 20 tests next sprint.",
        "Create at least 100 integration tests.",
        "50 more tests to write.",
        "Agent Execution Core (Target: 15 tests)",
        "The goal is a 95% pass rate.",
        "If all tests pass, we release on Friday.",
        "We should reach 200 passing tests."
      })
  void plansAndTargetsAreNotClaims(String sentence) {
    assertThat(claims(sentence)).isEmpty();
  }

  @Test
  void countsUnderAPlanHeadingArePlansButAStatementOfFactThereIsStillAClaim() {
    List<Claim> claims =
        claims("## Next steps\n\n- 30 tests for refunds\n\nAll tests are currently failing.\n");

    assertThat(claims)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(ClaimKind.UNIVERSAL);
              assertThat(c.expectation()).isEqualTo(Expectation.FAIL);
              assertThat(c.line()).isEqualTo(5);
            });
  }

  @Test
  void aCheckedBoxUnderATestPlanSaysWhatWasDoneAndAnOpenOneStaysAPlan() {
    List<Claim> claims =
        claims("### Test plan\n\n- [x] `LedgerTest`: 12/12 passing\n- [ ] 30 tests for refunds\n");

    assertThat(claims).isNotEmpty();
    assertThat(claims).extracting(Claim::line).containsOnly(3);
  }

  @Test
  void codeBlocksAndQuotedOutputAreReadOnlyWhenAsked() {
    String md =
        "# Run\n\n```\n===== 3 failed, 53 passed in 1.2s =====\n```\n\n> 3 failed, 53 passed\n";

    assertThat(ClaimExtractor.extract(md, false).claims()).isEmpty();
    assertThat(ClaimExtractor.extract(md, true).claims())
        .extracting(Claim::line)
        .containsExactly(4, 7);
  }

  @Test
  void aClaimOnTheSecondLineOfAWrappedParagraphHasThatLine() {
    List<Claim> claims =
        claims("# Status\n\nThe nightly run went well and the\nsuite has 166 passing tests.\n");

    assertThat(claims).singleElement().extracting(Claim::line).isEqualTo(4);
  }

  @Test
  void aListLabelOrAHeadingNamesTheSubject() {
    List<Claim> claims =
        claims(
            "## Checkout tests\n\nStatus: 11 PASSING, 1 FAILING\n\n- Payments: 38 passing\n"
                + "- `tests/test_db.py`: 5 passing\n\n## Summary\n\n12 unit tests passing\n");

    assertThat(claims)
        .extracting(Claim::subject)
        .containsExactly("Checkout", "Payments", "tests/test_db.py", "unit");
  }

  @Test
  void universalReadinessAndNamedTestStatementsAreClaims() {
    List<Claim> claims =
        claims(
            "All unit tests pass. The system is production ready. `test_login` fails.\n\n"
                + "Multi-user isolation working correctly. No failures.\n");

    assertThat(claims)
        .extracting(c -> c.kind().id() + ":" + c.subject() + ":" + c.expectation())
        .containsExactly(
            "universal:unit:PASS",
            "universal::READY",
            "named:test_login:FAIL",
            "universal:Multi-user isolation:READY",
            "universal::NO_FAILURES");
  }

  @Test
  void aChangeHasTheNumbersBeforeAndAfterAndItsFactor() {
    Claim c = claims("Pass rate went from 0/18 to 1/18 tests passing, a 20x improvement.").get(0);

    assertThat(c.kind()).isEqualTo(ClaimKind.CHANGE);
    assertThat(c.before()).extracting(Quantity::display).containsExactly("0", "18");
    assertThat(c.stated()).extracting(Quantity::display).containsExactly("1", "18");
    assertThat(c.factor()).isEqualTo(20.0);
  }

  @Test
  void tableRowsAreClaimsAndTargetColumnsAndPlanSectionsAreLeftOut() {
    String md =
        """
        ## Results

        | Suite | Passed | Failed | Target |
        |---|---|---|---|
        | CartTest | 12 | 0 | 20 |
        | Total | 12 | 0 | 20 |

        ## Targets

        | Suite | Passed |
        |---|---|
        | CartTest | 20 |
        """;

    List<Claim> claims = claims(md);

    assertThat(claims).extracting(Claim::line).containsExactly(5, 6);
    assertThat(claims.get(0).subject()).isEqualTo("CartTest");
    assertThat(claims.get(1).subject()).isEmpty();
    assertThat(claims.get(0).stated())
        .extracting(Quantity::key)
        .containsExactly("passing", "failing");
  }
}
