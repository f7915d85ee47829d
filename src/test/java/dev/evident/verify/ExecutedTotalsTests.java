package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A total said to be of the executed tests ("18 of 20 executed tests pass") leaves the skipped ones
 * out: they stand beside it, and do not make the sentence's parts add up to more than it.
 */
class ExecutedTotalsTests {

  private static Verdict verdict(String line) {
    return verify("## Results\n\n" + line).claims().get(0).verdict();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          18 of 20 executed tests pass (23 collected, 3 skipped).   | UNVERIFIABLE
          Of the 20 tests that ran, 18 passed and 3 were skipped.   | UNVERIFIABLE
          18 of 20 tests pass (20 collected, 3 skipped).            | INCONSISTENT
          """)
  void skippedTestsAreNotAmongTheExecutedTotal(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }
}
