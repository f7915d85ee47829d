package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evident flaky} through the real command line, over ingested Surefire reports. */
class FlakyCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  /**
   * Twelve runs of CartTest, three per commit (labels commit=c1..c4): totals passes on a rerun
   * twice and fails once on c3, pays breaks in run 6, run 9 is an outage.
   */
  private void ingestHistory() throws IOException {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("totals", "PKPPKPPFOPPP");
    tests.put("adds", "PPPPPPPPOPPP");
    tests.put("pays", "PPPPPFFFOFFF");
    tests.put("later", "SSSSSSSSSSSS");
    for (int run = 0; run < 12; run++) {
      Path file = Surefire.write(dir, "CartTest", tests, run);
      int code =
          evident(
              "ingest",
              file.toString(),
              "--project",
              "shop",
              "--label",
              "commit=c" + (run / 3 + 1));
      assertThat(code).as(err.toString()).isIn(0, 1);
    }
  }

  @Test
  void listsTheFlakyTestsWithScoreReasonsAndLastSeenAndCountsTheRest() throws IOException {
    ingestHistory();

    int code = evident("flaky");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
            Flaky tests of project shop: 1 of 3 tests with a verdict
            Window: all 12 runs (1 to 12), 1 outage left out; a verdict needs 5 runs; flaky from score 0.05; recovered after 10 consistent runs
            Outages (most tests failed for one cause): run 9 (3 of 3 executed tests failed, 3 with Connection refused: localhost/127.0.0.1:5432)

            Flaky (1):
              0.24  CartTest > totals
                    passed on a rerun in 2 of 11 runs; 1 outcome flip on commit c3; 2 flips in 11 runs; 1 outage run left out (it failed in it)
                    last seen in run 10 (%s)

            Not flaky: 1 with one outcome throughout, 1 that changed once (broke or were fixed); no verdict for 1 with fewer than 5 runs (skipped, new or gone).
            """
                .formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
  }

  @Test
  void printsTheReportAsJson() throws IOException {
    ingestHistory();

    int code = evident("flaky", "--project", "shop", "--json", "--all");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("project").asText()).isEqualTo("shop");
    assertThat(json.get("window").get("runs").asInt()).isEqualTo(12);
    assertThat(json.get("outages").get(0).get("run").asLong()).isEqualTo(9);
    assertThat(json.get("counts").get("flaky").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("changed").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("tooFewRuns").asInt()).isEqualTo(1);
    JsonNode totals = json.get("flaky").get(0);
    assertThat(totals.get("test").asText()).isEqualTo("CartTest > totals");
    assertThat(totals.get("verdict").asText()).isEqualTo("FLAKY");
    assertThat(totals.get("score").asDouble()).isEqualTo(0.24);
    assertThat(totals.get("reruns").asInt()).isEqualTo(2);
    assertThat(totals.get("commitFlips").asInt()).isEqualTo(1);
    assertThat(totals.get("topCommit").asText()).isEqualTo("c3");
    assertThat(totals.get("lastSeenRun").asLong()).isEqualTo(10);
    assertThat(totals.get("quarantined").isNull()).isTrue();
    assertThat(json.get("recovered").isArray()).isTrue();
    assertThat(json.get("watch").isArray()).isTrue();
  }

  @Test
  void aShortWindowLeavesTooFewRunsForAVerdict() throws IOException {
    ingestHistory();

    int code = evident("flaky", "--window", "4");

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("No flaky tests in project shop: 0 of 0 tests with a verdict\n")
        .contains("Window: the last 4 runs (9 to 12), 1 outage left out;")
        .contains("no verdict for 4 with fewer than 5 runs");
  }

  @Test
  void theWindowAndThresholdsComeFromTheConfigurationFileWhoseMistakesNameFileAndLine()
      throws IOException {
    ingestHistory();
    Path config = Files.writeString(dir.resolve("evident.yaml"), "flaky:\n  threshold: 0.5\n");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "flaky:\n  treshold: 0.5\n");

    int lenient = evident("flaky", "--config", config.toString());
    String lenientOut = out.toString();
    evident("flaky", "--config", config.toString(), "--all");
    String allOut = out.toString();
    int mistaken = evident("flaky", "--config", broken.toString());

    assertThat(lenient).isZero();
    assertThat(lenientOut)
        .startsWith("No flaky tests in project shop")
        .contains("flaky from score 0.50")
        .contains("Watch: 1 test with some evidence of flakiness, scoring below 0.50");
    assertThat(allOut)
        .contains("\nWatch (some evidence, below the threshold) (1):\n  0.24  CartTest > totals\n")
        .doesNotContain("Watch: 1 test");
    assertThat(mistaken).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "evident: "
                + broken
                + ":2: unknown key 'treshold' under flaky; did you mean 'threshold'?\n");
  }

  @Test
  void aWindowOfOneRunIsAUsageErrorAndAnEmptyStoreSaysWhatToDo() {
    assertThat(evident("flaky", "--window", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--window must be 2 runs or more, not 1");

    assertThat(evident("flaky")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("evident: no runs stored yet; ingest results first (evident ingest PATH)\n");
  }
}
