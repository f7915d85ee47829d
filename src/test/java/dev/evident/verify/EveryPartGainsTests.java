package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "The new model wins on every package": the latest run passes more in every shared suite. */
class EveryPartGainsTests {

  private static TestEvidence[] suites(int mathPassed, int codePassed) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      t.add(test("math", "m" + i, i < mathPassed ? Outcome.PASSED : Outcome.FAILED, "math.jsonl"));
      t.add(test("code", "c" + i, i < codePassed ? Outcome.PASSED : Outcome.FAILED, "code.jsonl"));
    }
    return t.toArray(TestEvidence[]::new);
  }

  private static Verdict verdict(String line, TestEvidence[] before, TestEvidence[] now) {
    List<CheckedClaim> claims =
        check(
            line,
            new Evidence(List.of(run(2, now)), run(1, before)),
            SubjectResolver.NO_CATEGORIES);
    assertThat(claims).hasSize(1);
    return claims.get(0).verdict();
  }

  @Test
  void aGainInEverySuiteSupportsIt() {
    assertThat(verdict("- The distilled model wins on every package.", suites(4, 5), suites(6, 7)))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("Ship v2: it beats v1 on each benchmark.", suites(4, 5), suites(6, 7)))
        .isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aSuiteThatPassesNoMoreContradictsIt() {
    assertThat(verdict("- The distilled model wins on every package.", suites(4, 5), suites(6, 5)))
        .isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void withoutABaselineItIsUnverifiable() {
    List<CheckedClaim> claims =
        check(
            "- The distilled model wins on every package.",
            new Evidence(List.of(run(2, suites(6, 7))), null),
            SubjectResolver.NO_CATEGORIES);
    assertThat(claims).extracting(CheckedClaim::verdict).containsExactly(Verdict.UNVERIFIABLE);
  }

  @Test
  void theBaselineWinningIsNotReadAsTheLatestRunWinning() {
    assertThat(
            check(
                "- The base model wins on every package.",
                new Evidence(List.of(run(2, suites(6, 7))), run(1, suites(4, 5))),
                SubjectResolver.NO_CATEGORIES))
        .noneMatch(c -> c.verdict() == Verdict.SUPPORTED);
  }
}
