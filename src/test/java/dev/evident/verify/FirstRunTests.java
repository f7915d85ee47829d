package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "The first run had 3 failing": the earliest run, checked against the baseline. */
class FirstRunTests {

  private static TestEvidence[] tests(int passed, int failed) {
    List<TestEvidence> t = new ArrayList<>();
    for (int i = 0; i < passed + failed; i++) {
      Outcome o = i < passed ? Outcome.PASSED : Outcome.FAILED;
      t.add(test("tests.test_io", "test_" + i, o, "tests/test_io.py"));
    }
    return t.toArray(TestEvidence[]::new);
  }

  /** Baseline: 6 passed, 3 failed. Latest: 9 passed. */
  private static final Evidence RUNS =
      new Evidence(List.of(run(2, tests(9, 0))), run(1, tests(6, 3)));

  @Test
  void theFirstRunIsTheBaseline() {
    CheckedClaim held = only("## Start\n\nThe first run had 6 passing and 3 failing.", RUNS);
    CheckedClaim wrong = only("## Start\n\nOur initial build had 5 failing tests.", RUNS);

    assertThat(held.verdict()).as(held.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(held.reason()).startsWith("about an earlier run");
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void theFirstRunsFiguresDoNotDisagreeWithTheLatestRunsFigures() {
    List<CheckedClaim> claims =
        check(
            "The first run had 6 passing and 3 failing.\n\nThe final run: 9 passing, 0 failing.",
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    assertThat(claims).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED));
  }
}
