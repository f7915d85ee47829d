package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A difference written beside the two numbers it lies between ("7 more tests pass (41 → 47)") is
 * checked against them, without evidence: a wrong one makes the claim INCONSISTENT.
 */
class StatedDifferenceTests {

  private static Claim claim(String text) {
    return new Claim(1, text, ClaimKind.CHANGE, "", List.of(), List.of(), null, null, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Since the incident, 7 more tests pass (41 → 47).   | 41 → 47 is 6 more, not 7
          3 fewer failures (5 -> 1) this week.                | 5 → 1 is 4 fewer, not 3
          We added 8 tests in total (25 → 32).                | 25 → 32 is 7 more, not 8
          The suite grew by 5 tests (60 → 64) this quarter.   | 60 → 64 is 4 more, not 5
          """)
  void aDifferenceThatIsNotTheNumbersOwnIsNamed(String text, String why) {
    assertThat(StatedDifference.own(claim(text))).isEqualTo(why);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Since the incident, 6 more tests pass (41 → 47).
          4 fewer failures (5 -> 1) this week.
          7 more tests pass than last week.
          We added 7 tests in total (25 → 32).
          We grew the suite by 4 tests (60 → 64) this quarter.
          """)
  void aRightOrLoneDifferenceIsLeftAlone(String text) {
    assertThat(StatedDifference.own(claim(text))).isNull();
  }
}
