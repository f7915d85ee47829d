package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rates stated with a threshold sign ("pass rate ≥ 97%") or as the share of a fraction ("27/29 =
 * 93.1%"), "no skipped tests" and "no new failures" as universal claims.
 */
class RateThresholdTests {

  private static List<Quantity> rates(String line) {
    return ClaimExtractor.extract("## Gates\n\n- " + line, false).claims().stream()
        .flatMap(c -> c.stated().stream())
        .filter(q -> q.measure().isRate())
        .toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Overall pass rate ≥ 97%             | 97   | AT_LEAST
          Pass rate >= 95%                    | 95   | AT_LEAST
          Pass rate > 90%                     | 90   | MORE_THAN
          27/29 passing = 93.1%               | 93.1 | EXACT
          """)
  void readsARateWithAThresholdOrAsTheShareOfAFraction(String line, double value, Bound bound) {
    assertThat(rates(line))
        .as(line)
        .anySatisfy(
            q -> {
              assertThat(q.value()).isEqualTo(value);
              assertThat(q.bound()).isEqualTo(bound);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Latency 41 ms = 12%", "CPU ≥ 80% during the drill"})
  void aPercentWithNoPassWordIsNoRate(String line) {
    assertThat(rates(line)).as(line).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"No skipped tests in release scope", "no tests were skipped"})
  void sayingNoTestWasSkippedIsAUniversalClaim(String line) {
    assertThat(ClaimExtractor.extract("## Gates\n\n- " + line, false).claims())
        .extracting(Claim::expectation)
        .containsExactly(Expectation.NO_SKIPS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no new failures since Monday", "No new test failures."})
  void noNewFailuresIsNoRegressionsAndNeedsABaseline(String line) {
    assertThat(ClaimExtractor.extract("## Numbers\n\n- " + line, false).claims())
        .extracting(Claim::expectation)
        .containsExactly(Expectation.NO_REGRESSIONS);
  }
}
