package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figures a report places in time by its sections: an incident's timeline speaks of what happened
 * then (the baseline bears it out), and a table of targets under a plan heading still says, in its
 * columns of sprints or weeks, what ran.
 */
class ElsewhereInTimeTests {

  /** Latest: billing 7 passed, signup 4 passed + 1 failed. Baseline: billing 5 + 1 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("billing", 7, 0), suite("signup", 4, 1)))),
          run(1, all(suite("billing", 5, 1), suite("signup", 4, 0))));

  private static Map<Integer, Verdict> verdicts(String markdown) {
    return VerifyFixtures.byLine(markdown, RUNS);
  }

  @Test
  void aTimelineEntryIsBorneOutByTheBaseline() {
    String report =
        """
        # Postmortem

        ## Timeline (UTC)

        - **03:05** — the nightly CI had 1 failure out of 10 executed tests
        """;

    assertThat(verdicts(report)).containsEntry(5, Verdict.SUPPORTED);
  }

  @Test
  void aTimelineEntryNeitherRunBearsOutIsStillContradicted() {
    String report =
        """
        # Postmortem

        ## Timeline (UTC)

        - **03:05** — the nightly CI had 4 failures out of 10 executed tests
        """;

    assertThat(verdicts(report)).containsEntry(5, Verdict.CONTRADICTED);
  }

  @Test
  void sprintColumnsOfATargetsTableAreRead() {
    String report =
        """
        # Sprint review

        ## Test targets by epic

        | Epic | Target | Sprint 41 | Sprint 42 |
        |---|---|---|---|
        | billing | 7 passing | 5/6 | 7/7 |
        | signup | 5 passing | 4/4 | 5/5 |
        """;

    Map<Integer, Verdict> v = verdicts(report);

    assertThat(v).containsEntry(7, Verdict.SUPPORTED);
    assertThat(v).containsEntry(8, Verdict.CONTRADICTED); // 4 of signup's 5 pass
  }

  @Test
  void aTargetsTableWithoutPointsInTimeStaysAPlan() {
    String report =
        """
        # Sprint review

        ## Test targets by epic

        | Epic | Target |
        |---|---|
        | signup | 9 passing |
        """;

    assertThat(verdicts(report)).isEmpty();
  }
}
