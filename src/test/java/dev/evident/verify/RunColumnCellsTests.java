package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.changes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tables with a column per run whose headers or cells a reader takes as runs and counts. */
class RunColumnCellsTests {

  @Test
  void aCountWithItsShareOfTheTotalBesideItIsACountOfPassing() {
    assertThat(
            changes(
                """
                | suite | prompts | baseline model | tuned model |
                |---|---|---|---|
                | arithmetic | 80 | 52 (65.0%) | 60 (75.0%) |
                | summaries | 20 | 0 (0.0%) | 7 (35%) |
                """))
        .isEqualTo(
            "arithmetic [passing=52, tests=80] -> [passing=60, tests=80]; "
                + "summaries [passing=0, tests=20] -> [passing=7, tests=20]");
  }

  @Test
  void quartersAndHalvesAsColumnHeadersAreRuns() {
    assertThat(
            changes(
                """
                | Team | Q1 green/total | Q2 green/total |
                |---|---|---|
                | search | 20/22 | 25/25 |
                """))
        .isEqualTo("search [passing=20, tests=22] -> [passing=25, tests=25]");
    assertThat(
            changes(
                """
                | Team | H1 | H2 |
                |---|---|---|
                | search | 20/22 | 25/25 |
                """))
        .isEqualTo("search [passing=20, tests=22] -> [passing=25, tests=25]");
  }

  @Test
  void aShareBesideANumberOverTheTotalIsStillNoCount() {
    assertThat(
            changes(
                """
                | suite | prompts | before | after |
                |---|---|---|---|
                | arithmetic | 40 | 52 (130%) | 60 (150%) |
                """))
        .isEmpty();
  }
}
