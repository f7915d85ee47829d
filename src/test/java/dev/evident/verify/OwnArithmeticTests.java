package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sentence's own arithmetic decides, with no runs: sums written out, a signed difference beside a
 * change, points between two rates and a relative change.
 */
class OwnArithmeticTests {

  private static Verdict verdict(String line) {
    return verify("## Results\n\n" + line).claims().get(0).verdict();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Tally: 120 passed + 4 failed + 2 skipped = 125 tests. | INCONSISTENT",
        "Tally: 120 passed + 4 failed + 2 skipped = 126 tests. | UNVERIFIABLE",
        "Put together: 80 green + 5 red + 1 flaky = 85 tests. | INCONSISTENT",
        "Overall 210 passing + 6 failing + 4 skipped = 220 tests. | UNVERIFIABLE",
      })
  void aSumWrittenOutMustAddUp(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Passing tests went 120 → 131 (+12) this sprint. | INCONSISTENT",
        "Passing tests went 120 → 131 (+11) this sprint. | UNVERIFIABLE",
        "Failures: 9 -> 4 (−5). | UNVERIFIABLE",
        "Failures: 9 -> 4 (-4). | INCONSISTENT",
        "The suite grew from 300 to 312 tests (+10). | INCONSISTENT",
        "Net +6 passing since Monday (88 → 92). | INCONSISTENT",
      })
  void aSignedDifferenceBesideAChangeMustBeItsDifference(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The pass rate rose from 71% to 80%, up 12 points. | INCONSISTENT",
        "The pass rate rose from 71% to 80%, up 9 points. | UNVERIFIABLE",
        "The pass rate rose from 71% to 80%, an 11-point gain. | INCONSISTENT",
        "The pass rate rose from 71% to 80%, a 9-point gain. | UNVERIFIABLE",
        "Pass rate 93.4% this week against 85.1% last week: more than 10 points better. "
            + "| INCONSISTENT",
        "Pass rate 97.4% this week against 85.1% last week: more than 10 points better. "
            + "| UNVERIFIABLE",
        "The pass rate went from 72.0% to 68.4%, about 4 points worse. | UNVERIFIABLE",
        "Pass rate: from 81.5% to 88.9% (+7.4 percentage points). | UNVERIFIABLE",
        "Pass rate: from 81.5% to 88.9% (+9.1 percentage points). | INCONSISTENT",
      })
  void pointsBetweenTwoRatesAreTheirDifference(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The pass rate went from 80.0% to 92.0%, a 15% relative improvement. | UNVERIFIABLE",
        "The pass rate went from 80.0% to 92.0%, a 12% relative improvement. | INCONSISTENT",
        "Passing tests went from 30 to 45, a 50% relative gain. | UNVERIFIABLE",
        "Passing tests went from 30 to 45, a 30% relative gain. | INCONSISTENT",
      })
  void aRelativeChangeIsTheDifferenceOverTheStart(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Fixed 3 of 5 failures, 2 remain. | failing=2 | failing=>=5",
        "Resolved 4 of the 6 failing tests. |  | failing=>=6",
      })
  void fixingSomeOfTheFailuresSaysHowManyFailedBeforeAndHowManyAreLeft(
      String line, String now, String before) {
    Claim c = NumberFixtures.claims("## Tests\n\n" + line).get(0);
    assertThat(c.stated().stream().map(q -> q.key() + "=" + q.display()).toList())
        .containsExactlyElementsOf(now == null ? java.util.List.of() : java.util.List.of(now));
    assertThat(c.before()).extracting(q -> q.key() + "=" + q.display()).containsExactly(before);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Suite: 58/60 passing, 1 red, 1 skipped. | UNVERIFIABLE",
        "Suite: 58/60 passing, 3 red, 1 skipped. | INCONSISTENT",
      })
  void redTestsAreAmongTheParts(String line, Verdict verdict) {
    assertThat(verdict(line)).as(line).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"+5.5 | UNVERIFIABLE", "+7 | INCONSISTENT"})
  void pointsInTheSentenceAfterAChangeOfRatesAreThatChangesDifference(
      String points, Verdict verdict) {
    Verification v =
        verify(
            "## Results\n\n- The pass rate went from 88.0% to 93.5%.\n- That is "
                + points
                + " percentage points.");
    assertThat(v.claims()).hasSize(2);
    assertThat(v.claims().get(1).verdict()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Net +5 passing since Monday.", "±2 failing, as usual.", "−3 skipped this week."})
  void aSignedNumberIsADifferenceNotACount(String line) {
    assertThat(NumberFixtures.claims("## Tests\n\n" + line))
        .flatExtracting(Claim::stated)
        .extracting(Quantity::value)
        .doesNotContain(5.0, 2.0, 3.0);
  }
}
