package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.store.StoredRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = dir.resolve("evident.db").toString();
    return cl.execute(withDb);
  }

  /** Runs 1 and 2 of shop on main, 3 of shop on feature/x, 4 of api. */
  @BeforeEach
  void history() {
    try (StoredRuns runs = StoredRuns.open(dir.resolve("evident.db"))) {
      Map<String, String> main = Map.of("git.branch", "main");
      runs.add("shop", main, Map.of(), "Cart > adds PASSED", "Cart > totals PASSED");
      runs.add("shop", main, Map.of(), "Cart > adds PASSED", "Cart > totals FAILED");
      runs.add(
          "shop",
          Map.of("git.branch", "feature/x"),
          Map.of(),
          "Cart > adds FAILED",
          "Cart > totals FAILED",
          "Cart > new PASSED");
      runs.add("api", "Cart > adds PASSED");
    }
  }

  @Test
  void withoutRunsComparesTheLatestRunWithTheOneBeforeItInItsProjectAndExitsZero() {
    assertThat(run("compare", "--project", "shop")).isEqualTo(0);

    assertThat(out.toString())
        .startsWith("Compared run 3 (head) with run 2 (base) · project shop\n")
        .contains("  base  run 2 · 2026-03-01 10:00 UTC · branch main · FAILED\n")
        .contains("  passed     1 of 2 → 1 of 3\n")
        .contains("New failures (1): ")
        .contains("  Cart > adds  PASSED → FAILED\n")
        .contains("Still failing (1): ")
        .contains("New tests (1): ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void oneRunIsTheBaseAndTheLatestTheHead() {
    assertThat(run("compare", "1", "--project", "shop")).isEqualTo(0);

    assertThat(out.toString()).startsWith("Compared run 3 (head) with run 1 (base)");
  }

  @Test
  void oneRunIsComparedWithTheLatestOfItsOwnProject() {
    // Run 4, of api, is the newest of all.
    assertThat(run("compare", "2")).isEqualTo(0);

    assertThat(out.toString()).startsWith("Compared run 3 (head) with run 2 (base) · project shop");
  }

  @Test
  void theBaselineCanBeTheNewestRunOfABranch() {
    assertThat(run("compare", "3", "--baseline", "branch:main")).isEqualTo(0);

    assertThat(out.toString()).startsWith("Compared run 3 (head) with run 2 (base)");
  }

  @Test
  void twoBasesAreAUsageError() {
    assertThat(run("compare", "1", "3", "--baseline", "branch:main")).isEqualTo(2);

    assertThat(err.toString())
        .contains("give the base either as --baseline or as the first run, not both");
  }

  @Test
  void aReferenceBeyondTheHistoryIsOneClearLineAndExitTwo() {
    assertThat(run("compare", "latest~7", "--project", "shop")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "evident: latest~7: project shop has 3 runs, so latest~2 (run 1) is the oldest\n");
  }

  @Test
  void runsOfDifferentProjectsAreComparedOnlyWhenAskedTo() {
    assertThat(run("compare", "1", "4")).isEqualTo(2);
    assertThat(err.toString()).contains("give --across-projects");

    assertThat(run("compare", "1", "4", "--across-projects")).isEqualTo(0);
    assertThat(out.toString())
        .contains("project api with project shop (tests matched by suite, name and parameters)")
        .contains("Removed (1): ");
  }

  @Test
  void maxLimitsTheTestsListedPerBucket() {
    assertThat(run("compare", "1", "3", "--max", "1")).isEqualTo(0);

    assertThat(out.toString())
        .contains("New failures (2): ")
        .contains("  Cart > adds  PASSED → FAILED\n  and 1 more\n");
  }

  @Test
  void jsonHasBothRunsCountsTheRuleAndEveryTestOfEveryBucket() throws IOException {
    assertThat(run("compare", "1", "3", "--json", "--max", "0")).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("base").get("run").asLong()).isEqualTo(1);
    assertThat(json.get("head").get("run").asLong()).isEqualTo(3);
    assertThat(json.get("counts").get("head").get("executed").asLong()).isEqualTo(3);
    assertThat(json.get("durationRule").get("floorMicros").asLong()).isEqualTo(100_000);
    assertThat(json.get("summary").get("newFailures").asInt()).isEqualTo(2);
    JsonNode first = json.get("buckets").get("newFailures").get(0);
    assertThat(first.get("test").asText()).isEqualTo("Cart > adds");
    assertThat(first.get("base").asText()).isEqualTo("PASSED");
    assertThat(first.get("head").asText()).isEqualTo("FAILED");
    assertThat(json.get("buckets").get("newTests").get(0).get("base").isNull()).isTrue();
  }
}
