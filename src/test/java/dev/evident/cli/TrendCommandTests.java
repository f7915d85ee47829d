package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.store.StoredRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrendCommandTests {

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

  @BeforeEach
  void history() {
    try (StoredRuns runs = StoredRuns.open(dir.resolve("evident.db"))) {
      runs.add("shop", "Cart > adds PASSED 10", "Cart > totals[eur] PASSED 40");
      runs.add("shop", "Cart > adds PASSED 12", "Cart > totals[eur] FAILED 90");
      runs.add("shop", "Cart > adds PASSED 11", "Cart > totals[eur] SKIPPED");
    }
  }

  @Test
  void printsEachRunWithItsCountsAndTestTimeThenTheSlowestTests() {
    assertThat(run("trend", "--runs", "2")).isEqualTo(0);

    assertThat(out.toString())
        .startsWith("Project shop · the last 2 runs (runs 2 to 3,")
        .contains(
            "FAILED       2 of 2                 1 of 2 (50.0%)                   1       0  102 ms")
        .contains("PASSED       1 of 2                 1 of 1 (100.0%)")
        .contains("Cart > totals[eur]")
        .doesNotContain("\n1  ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void jsonHasEveryRunOfTheWindowAndTheTotals() throws IOException {
    assertThat(run("trend", "--json")).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("project").asText()).isEqualTo("shop");
    assertThat(json.get("wholeHistory").asBoolean()).isTrue();
    assertThat(json.get("runs")).hasSize(3);
    assertThat(json.get("runs").get(0).get("run").asLong()).isEqualTo(1);
    assertThat(json.get("runs").get(1).get("counts").get("failed").asLong()).isEqualTo(1);
    assertThat(json.get("total").get("executed").asLong()).isEqualTo(5);
    assertThat(json.get("total").get("passedOrFlaky").asLong()).isEqualTo(4);
    assertThat(json.get("slowest").get(0).get("test").asText()).isEqualTo("Cart > totals[eur]");
    assertThat(json.get("slowest").get(0).get("totalMicros").asLong()).isEqualTo(130_000);
  }

  @Test
  void aTestsTrendListsItsOutcomeAndDurationPerRun() throws IOException {
    assertThat(run("trend", "Cart > totals[eur]", "--json")).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("test").asText()).isEqualTo("Cart > totals[eur]");
    assertThat(json.get("parameters").asText()).isEqualTo("eur");
    assertThat(json.get("passed").asInt()).isEqualTo(1);
    assertThat(json.get("executed").asInt()).isEqualTo(2);
    assertThat(json.get("runs").get(1).get("outcome").asText()).isEqualTo("FAILED");
    assertThat(json.get("runs").get(1).get("micros").asLong()).isEqualTo(90_000);
    assertThat(json.get("runs").get(2).get("micros").isNull()).isTrue();
  }

  @Test
  void anUnknownTestIsOneClearLineAndExitTwo() {
    assertThat(run("trend", "Cart > ads")).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("evident: no test Cart > ads in project shop: suite Cart has 2 tests")
        .contains("the closest: adds");
  }
}
