package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistencyTests {

  private static Map<Claim, String> inconsistent(String markdown) {
    List<Claim> claims = ClaimExtractor.extract(markdown, false).claims();
    return Consistency.check(claims);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          18 tests: 1 passed, 4 failed, 20 errors.                 | do not add up to 18 tests (they make 25)
          15/15 completed (11 passing, 1 failing, 2 skipped).      | do not add up to 15 collected (they make 14)
          1/18 tests passing (9% success rate).                    | 1 of 18 is 5.6%, not 9%
          Pass rate went from 0/18 to 1/18, a 20x improvement.     | 20x from 0: a change from zero is a count
          An ∞% improvement in passing tests.                      | ∞ is a change from 0
          12/10 tests passing.                                     | 12 passing is more than the 10 tests
          From 10 to 15 passing tests, a 3x improvement.           | 10 → 15 is 1.5x, not 3x
          """)
  void aClaimWhoseOwnArithmeticIsWrongIsInconsistent(String sentence, String reason) {
    assertThat(inconsistent("## Tests\n\n" + sentence).values())
        .singleElement()
        .asString()
        .contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "15/15 completed (11 passing, 1 failing, 3 skipped).",
        "1/18 tests passing (5.6% success rate).",
        "1/18 tests passing (6% success rate).",
        "156 tests executed, 4 skipped.",
        "160 tests: 150 passed, 4 failed.",
        "From 10 to 15 passing tests, a 50% improvement.",
        "From 12 to 18 passing tests, a 1.5x improvement."
      })
  void claimsThatAddUpWithinRoundingAreConsistent(String sentence) {
    assertThat(inconsistent("## Tests\n\n" + sentence)).isEmpty();
  }

  @Test
  void twoStatementsOfTheSameQuantityThatDisagreeAreBothInconsistentNamingTheOtherLine() {
    Map<Claim, String> found =
        inconsistent("5/6 issues resolved.\n\nLater:\n\n6/6 issues resolved.\n");

    assertThat(found).hasSize(2);
    assertThat(found.values())
        .containsExactlyInAnyOrder(
            "line 5 says 6 issues resolved; this says 5",
            "line 1 says 5 issues resolved; this says 6");
  }

  @Test
  void statementsAboutAnotherTimeOrAnotherSubjectAreNotCompared() {
    assertThat(
            inconsistent(
                "## Before\n\n12 passing tests.\n\n## Now\n\n18 passing tests.\n\n"
                    + "- Cart: 5 passing\n- Payments: 7 passing\n\nPreviously 9 failing tests; now 2 failing tests.\n"))
        .isEmpty();
  }

  @Test
  void allTestsPassIsInconsistentWithAFailingCountForTheSameSubject() {
    Map<Claim, String> found = inconsistent("All tests pass.\n\nResults: 40 passing, 2 failing.\n");

    assertThat(found.values()).containsExactly("line 3 says 2 failing");
  }
}
