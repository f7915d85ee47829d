package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Evaluation reports: a sentence that opens with a task set speaks of that set's samples, and a
 * table of task sets with a column per model is a change per set.
 */
class EvalReportTests {

  private static void add(List<TestEvidence> t, String set, int passed, int failed) {
    for (int i = 0; i < passed + failed; i++) {
      t.add(test(set, set + "-" + i, i < passed ? Outcome.PASSED : Outcome.FAILED, null));
    }
  }

  /** Old model: sql-gen 20/30, parsing 51/60. New model: sql-gen 26/30, parsing 50/60. */
  private static final Evidence RUNS;

  static {
    List<TestEvidence> before = new ArrayList<>();
    add(before, "sql-gen", 20, 10);
    add(before, "parsing", 51, 9);
    List<TestEvidence> after = new ArrayList<>();
    add(after, "sql-gen", 26, 4);
    add(after, "parsing", 50, 10);
    RUNS =
        new Evidence(
            List.of(run(2, after.toArray(TestEvidence[]::new))),
            run(1, before.toArray(TestEvidence[]::new)));
  }

  private static String verdicts(String markdown) {
    return check(markdown, RUNS, SubjectResolver.NO_CATEGORIES).stream()
        .map(c -> c.claim().line() + ":" + c.claim().subject() + ":" + c.verdict())
        .collect(Collectors.joining(" "));
  }

  @Test
  void aSentenceThatOpensWithATaskSetSpeaksOfThatSetsSamples() {
    String report =
        """
        # Evaluating the new checkpoint on our harness

        ## Results

        For sql-gen, the new checkpoint solves 26 of 30 samples, up from 20 (67% → 87%).
        On `sql-gen` the count went from 20 to 27 passing, out of 30.
        Parsing hardly changed: 51 → 50 correct.
        """;

    assertThat(verdicts(report))
        .isEqualTo("5:sql-gen:SUPPORTED 6:sql-gen:CONTRADICTED 7:Parsing:SUPPORTED");
  }

  @Test
  void aTableOfTaskSetsWithABaselineColumnAndAnotherIsAChangePerSet() {
    String report =
        """
        # Evaluating the new checkpoint on our harness

        | Task set | Samples | Baseline | Candidate |
        |---|---|---|---|
        | sql-gen | 30 | 20 | 26 |
        | parsing | 60 | 51 | 52 |
        | **all** | 90 | 71 | 76 |
        """;

    assertThat(verdicts(report))
        .isEqualTo("5:sql-gen:SUPPORTED 6:parsing:CONTRADICTED 7::SUPPORTED");
  }

  @Test
  void aTaskSetsPercentagesAfterItsNameAreItsPassRates() {
    String title = "# Evaluating the new checkpoint on our harness\n\n";

    assertThat(verdicts(title + "- sql-gen: 66.7% → 86.7%, a 30% relative gain."))
        .isEqualTo("3:sql-gen:SUPPORTED");
    assertThat(verdicts(title + "- sql-gen: 66.7% → 90.0%.")).isEqualTo("3:sql-gen:CONTRADICTED");
    assertThat(verdicts(title + "- sql-gen: 66.7% → 86.7%, a 20% relative gain."))
        .isEqualTo("3:sql-gen:INCONSISTENT");
  }
}
