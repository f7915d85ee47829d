package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number the evidence contradicts while another line states the evidence's number for the same
 * quantity of the same subject: the report disagrees with itself, and the wrong line is
 * INCONSISTENT, naming the other. Never a new CONTRADICTED: a lone wrong number stays so, and so
 * does a change.
 */
class OtherLineHoldsTests {

  /** Run 2: cart 9 passed + 1 failed, pay 5 passed (15 tests, 14 passed); run 1: cart 3 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("cart", 9, 1), suite("pay", 5, 0)))),
          run(1, all(suite("cart", 7, 3), suite("pay", 5, 0))));

  private static final String TABLE =
      """
      ## Areas

      | Area | Tests | Passed | Failed |
      |---|---|---|---|
      | cart | 10 | 10 | 0 |
      | pay | 5 | 5 | 0 |
      | **Total** | **15** | **15** | **0** |
      """;

  private static CheckedClaim at(List<CheckedClaim> claims, int line) {
    return claims.stream()
        .filter(c -> c.claim().line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no claim on line " + line + ": " + claims));
  }

  @Test
  void aTotalRowBesideProseTheEvidenceBearsOutIsInconsistentNamingTheLine() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            TABLE + "\n14 of the 15 tests pass.\n", RUNS, SubjectResolver.NO_CATEGORIES);

    CheckedClaim total = at(claims, 7);
    assertThat(total.verdict()).as(total.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(total.reason()).contains("line 9 states 14 passing");
    // no other line speaks of the cart row: the evidence alone contradicts it
    assertThat(at(claims, 5).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTotalRowNoOtherLineDisagreesWithStaysContradicted() {
    List<CheckedClaim> claims = VerifyFixtures.check(TABLE, RUNS, SubjectResolver.NO_CATEGORIES);

    assertThat(at(claims, 7).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aRowOfATableWithAColumnPerRunStaysContradicted() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            """
            ## Nightly numbers

            | | Mon | Tue |
            |---|---|---|
            | passed | 12 | 15 |

            Tuesday's nightly run: 14 passed, 1 failed.
            """,
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    CheckedClaim row = at(claims, 5);
    assertThat(row.verdict()).as(row.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aFileRowAndALabelThatResolveToTheSameTestsAreOneSubject() {
    Evidence lexer = new Evidence(List.of(run(4, suite("lexer.tap", 3, 1))), null);
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            """
            | File | Tests | Passed |
            |---|---|---|
            | lexer.tap | 4 | 4 |

            - Lexer: 3/4, with 1 failure.
            """,
            lexer,
            SubjectResolver.NO_CATEGORIES);

    CheckedClaim row = at(claims, 3);
    assertThat(row.verdict()).as(row.reason()).isEqualTo(Verdict.INCONSISTENT);
    assertThat(row.reason()).contains("line 5 states 3 passing");
  }

  @Test
  void aChangeTheEvidenceContradictsStaysContradictedBesideACountThatHolds() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Result\n\n- 14 passing, 1 failing.\n- Failures are down from 3 to 2.\n",
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    CheckedClaim change = at(claims, 4);
    assertThat(change.claim().kind()).isEqualTo(ClaimKind.CHANGE);
    assertThat(change.verdict()).as(change.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theOtherLineIsNeverOneSideOfAChangeNorALineWithWrongArithmetic() {
    Claim total =
        new Claim(
            7,
            "| Total | 15 |",
            ClaimKind.TABLE,
            "",
            List.of(Quantity.exact(Measure.PASSING, 15)),
            List.of(),
            null,
            null,
            false);
    Claim change =
        new Claim(
            9,
            "Passing went from 12 to 14.",
            ClaimKind.CHANGE,
            "",
            List.of(Quantity.exact(Measure.PASSING, 14)),
            List.of(Quantity.exact(Measure.PASSING, 12)),
            null,
            null,
            false);
    Claim sum =
        new Claim(
            11,
            "14 passed + 1 failed = 16 tests.",
            ClaimKind.COUNT,
            "",
            List.of(Quantity.exact(Measure.PASSING, 14)),
            List.of(),
            null,
            null,
            false);
    List<java.util.Map<String, Object>> actual = List.of(java.util.Map.of("passing", 14));

    assertThat(OtherLineHolds.why(total, actual, List.of(total, change), c -> false, c -> null))
        .isNull();
    assertThat(OtherLineHolds.why(total, actual, List.of(total, sum), c -> c == sum, c -> null))
        .isNull();
    assertThat(OtherLineHolds.why(total, actual, List.of(total, sum), c -> false, c -> null))
        .contains("line 11 states 14 passing");
  }
}
