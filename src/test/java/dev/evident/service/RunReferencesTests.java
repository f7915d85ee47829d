package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Run;
import dev.evident.store.StoredRuns;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run references users type: ids, latest, latest~N, branch:NAME. */
class RunReferencesTests {

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("evident.db");
  }

  /** Runs 1-6: shop on main, api, shop on main, shop on feature/x (label), api, shop on main. */
  private void history() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
      runs.add("api", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
      runs.add("shop", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
      runs.add("shop", Map.of(), Map.of("branch", "feature/x"), "A > a PASSED");
      runs.add("api", "A > a PASSED");
      runs.add("shop", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
    }
  }

  private Run resolve(String reference, String project) {
    try (Workspace w = Workspace.open(db().toString())) {
      return w.runs().resolve(reference, project);
    }
  }

  private Run baseline(String reference, String project, long head) {
    try (Workspace w = Workspace.open(db().toString())) {
      RunQueries q = w.runs();
      return q.baseline(reference, project, q.resolve(Long.toString(head), null));
    }
  }

  @ParameterizedTest(name = "{0} in {1}: run {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "*",
      textBlock =
          """
          latest     | *    | 6
          latest~0   | *    | 6
          latest~1   | *    | 4
          latest~3   | *    | 1
          LATEST~1   | shop | 4
          latest     | api  | 5
          latest~1   | api  | 2
          3          | *    | 3
          branch:main | *   | 6
          branch:main | api | 2
          branch:feature/x | * | 4
          """)
  void resolvesAReferenceToARun(String reference, String project, long run) {
    history();

    assertThat(resolve(reference.trim(), project == null ? null : project.trim()).id())
        .isEqualTo(run);
  }

  @Test
  void latestTildeCountsBackInTheProjectOfTheLatestRunWhenNoneIsGiven() {
    history();

    // Run 6 is shop's; api's runs 5 and 2 do not count.
    assertThat(resolve("latest~2", null).id()).isEqualTo(3);
  }

  @Test
  void latestTildeBeyondTheHistorySaysHowManyRunsThereAreAndWhichIsTheOldest() {
    history();

    assertThatThrownBy(() -> resolve("latest~4", "shop"))
        .isInstanceOf(InputException.class)
        .hasMessage("latest~4: project shop has 4 runs, so latest~3 (run 1) is the oldest");
    assertThatThrownBy(() -> resolve("latest~9", "api"))
        .hasMessage("latest~9: project api has 2 runs, so latest~1 (run 2) is the oldest");
  }

  @Test
  void latestTildeOnAProjectWithOneRunSaysSo() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "A > a PASSED");
    }

    assertThatThrownBy(() -> resolve("latest~1", null))
        .hasMessage("latest~1: project shop has only one run (run 1)");
  }

  @ParameterizedTest
  @CsvSource({"latest~", "latest~-1", "latest~one", "latest~1.5"})
  void aMalformedLatestTildeIsNamedWithTheFormItTakes(String reference) {
    history();

    assertThatThrownBy(() -> resolve(reference, null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "not a run: " + reference + " (latest~N takes a number of runs back");
  }

  @Test
  void anUnknownReferenceListsTheFormsThatExist() {
    history();

    assertThatThrownBy(() -> resolve("newest", null))
        .hasMessage(
            "not a run: newest (give a run id, latest, latest~N for the Nth run before the latest,"
                + " or branch:NAME)");
  }

  @Test
  void theBaselineOnABranchIsItsNewestRunOtherThanTheHead() {
    history();

    assertThat(baseline("branch:main", null, 6).id()).isEqualTo(3);
    assertThat(baseline("branch:main", null, 4).id()).isEqualTo(6);
    assertThat(baseline("branch:feature/x", null, 6).id()).isEqualTo(4);
    // In the head's project unless another is named.
    assertThat(baseline("branch:main", null, 5).id()).isEqualTo(2);
    assertThat(baseline("latest~1", null, 2).id()).isEqualTo(2);
  }

  @Test
  void aBranchWhoseOnlyRunIsTheHeadSaysThereIsNothingBeforeIt() {
    history();

    assertThatThrownBy(() -> baseline("branch:feature/x", null, 4))
        .hasMessage(
            "branch:feature/x: the only run of project shop on branch feature/x is run 4, the run"
                + " being compared; there is nothing before it to compare with");
  }

  @Test
  void anUnknownBranchListsTheBranchesThatHaveRunsWithTheirCounts() {
    history();

    assertThatThrownBy(() -> baseline("branch:mian", null, 6))
        .hasMessage(
            "branch:mian: no run of project shop on branch mian; runs are on main (3 runs),"
                + " feature/x (1 run)");
  }

  @Test
  void aProjectWithoutBranchesSaysHowRunsGetOne() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "A > a PASSED");
      runs.add("shop", "A > a PASSED");
    }

    assertThatThrownBy(() -> baseline("branch:main", null, 2))
        .hasMessageContaining("branch:main: no run of project shop records a branch")
        .hasMessageContaining("--label branch=NAME");
  }
}
