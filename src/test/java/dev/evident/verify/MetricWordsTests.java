package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Results a report states that no test run measures (sizes, web vitals, recovery times, soak runs,
 * model accuracy): claims, always UNVERIFIABLE against test results.
 */
class MetricWordsTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "- Bundle size 530 KB after the icon cleanup.",
        "- Binary size under 40 MB (37.8 MB).",
        "- LCP 2.1 s on the search page.",
        "- RTO measured at 7 minutes in the failover drill.",
        "- Soaked in staging for 72 hours with no dropped message.",
        "- Top-1 accuracy 74.5% on the held-out images.",
        "- Macro F1 of 0.82 on the intent set.",
        "- Toxicity rate 1.2% on the red-team prompts.",
        "- The audit reports 3 serious violations on the settings pages.",
        "- For comparison, the hosted model scores 64% on this set.",
        "- A larger open model is reported at 58% on the same questions."
      })
  void aResultNoTestRunMeasuresIsAnUnverifiableClaim(String line) {
    Verification v = verify(line);
    assertThat(v.claims()).hasSize(1);
    assertThat(v.claims().get(0).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void scoringAsAMethodIsNoScore() {
    assertThat(verify("Every answer was scored by exact match against the reference.").claims())
        .isEmpty();
  }

  @Test
  void theSizeOfTheBuildItselfIsNoResult() {
    assertThat(verify("- Binary size 20 MB; full build 9 minutes on the CI runner.").claims())
        .isEmpty();
  }
}
