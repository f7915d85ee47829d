package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.claims;
import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers a report states as results that the stored runs cannot speak to: counts over a history of
 * runs, metrics held against a budget, a build's warnings, audits, fuzzing. Each is one
 * UNVERIFIABLE claim, never a count of tests; a target alone stays no claim.
 */
class OutsideTheRunsTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The deploy job has been red 4 nights in a row.
          `CheckoutFlowTest` failed 6 times this month on the main branch.
          `SessionCacheTest` was flaky on 3 of the last 15 builds.
          The payments suite has been green for 45 consecutive days.
          We looped the suite 80 times overnight and saw no flake.
          Search has not failed in the 12 CI runs since the fix.
          """)
  void aCountOverTheHistoryOfRunsIsUnverifiable(String line) {
    Verification v = verify(line);

    assertThat(v.claims()).hasSize(1);
    assertThat(v.claims().get(0).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          p95 report rendering takes 310 ms against a budget of 400 ms.
          Checkout p99 latency in the soak profile: 95 ms (budget 150 ms).
          Build: 0 warnings, 0 analyzer hits.
          Accessibility audit of the signup form: 0 blocking issues.
          An outside penetration test found 0 high and 4 low findings.
          The fuzzer ran 12 hours with 0 crashers.
          Crash-free sessions in the pilot: 99.2%.
          """)
  void aResultNoTestMeasuresIsUnverifiable(String line) {
    Verification v = verify(line);

    assertThat(v.claims()).hasSize(1);
    assertThat(v.claims().get(0).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The latency budget stays at 250 ms for p95.
          We plan to run the suite 20 times in a row next sprint.
          The on-call rotation is 2 weeks long.
          """)
  void aTargetAPlanOrASpanOfTimeAloneIsNoClaim(String line) {
    assertThat(claims(line)).isEmpty();
  }
}
