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

/** {@code evident gate}, and {@code --gate} on ingest and run, through the real command line. */
class GateCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  private static final Map<String, String> TESTS = new LinkedHashMap<>();

  static {
    // Runs 0 and 1 of CartTest: one new failure, one still failing, one flaky, one skipped.
    TESTS.put("adds", "PF");
    TESTS.put("totals", "FF");
    TESTS.put("removes", "PK");
    TESTS.put("empties", "PP");
    TESTS.put("later", "SS");
  }

  /** Ingests runs 1 and 2 of project shop on branch main. */
  private void twoRuns() throws IOException {
    for (int run = 0; run < 2; run++) {
      Path file = Surefire.write(dir, "CartTest", TESTS, run);
      evident("ingest", file.toString(), "--project", "shop", "--label", "branch=main");
    }
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("evident.yaml"), yaml);
  }

  @Test
  void exitsZeroWhenEveryRuleHoldsAndPrintsEachRuleWithItsNumbers() throws IOException {
    twoRuns();

    int code = evident("gate", "--min-pass-rate", "50%", "--min-executed", "4", "--max-flaky", "1");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            """
            Gate for run 2 · project shop · status FAILED
              min-pass-rate 50%: 2 of 4 executed passed = 50.0% (1 flaky counted as passed): PASSED
              min-executed 4: 4 of 5 collected tests executed: PASSED
              max-flaky 1: 1 of 4 executed tests passed only on a retry (flaky): PASSED
              quarantined: no test of this run is in quarantine; none left out
            Gate PASSED: all 3 rules hold
            """);
    assertThat(err.toString())
        .isEqualTo("evident: exit 0: Gate PASSED: all 3 rules hold; run 2 is stored as FAILED\n");
  }

  @Test
  void exitsOneWhenARuleFailsAndNamesTheNewFailures() throws IOException {
    twoRuns();

    int code = evident("gate", "latest", "--max-new-failures", "0", "--no-broken");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("  new failures counted against run 1, the previous run on branch main\n")
        .contains("  max-new-failures 0: 1 of 4 executed tests is a new failure: FAILED\n")
        .contains("      CartTest > adds\n")
        .contains("  no-broken: status FAILED, 0 errors outside tests: PASSED\n");
    assertThat(err.toString())
        .isEqualTo("evident: exit 1: Gate FAILED: 1 of 2 rules failed: max-new-failures (run 2)\n");
  }

  @Test
  void theFileSetsTheRulesAndOptionsReplaceThemOneByOne() throws IOException {
    twoRuns();
    Path config = config("gates:\n  min_pass_rate: 95%\n  max_flaky: 0\n");

    assertThat(evident("gate", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("2 of 2 rules failed: min-pass-rate, max-flaky");

    assertThat(evident("gate", "--config", config.toString(), "--min-pass-rate", "50"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("min-pass-rate 50%: 2 of 4 executed passed");
    assertThat(err.toString()).contains("1 of 2 rules failed: max-flaky");

    assertThat(
            evident(
                "gate", "--config", config.toString(), "--min-pass-rate", "50", "--max-flaky", "1"))
        .isZero();
  }

  @Test
  void quarantinedTestsAreLeftOutAndCounted() throws IOException {
    twoRuns();
    evident("quarantine", "add", "CartTest > adds", "--project", "shop");

    int code = evident("gate", "--max-new-failures", "0", "--json");

    assertThat(code).isZero();
    JsonNode gate = new ObjectMapper().readTree(out.toString());
    assertThat(gate.get("passed").asBoolean()).isTrue();
    assertThat(gate.get("baseline").get("run").asLong()).isEqualTo(1);
    assertThat(gate.get("quarantined").get("collected").asLong()).isEqualTo(1);
    assertThat(gate.get("quarantined").get("newFailures").asLong()).isEqualTo(1);
    JsonNode rule = gate.get("rules").get(0);
    assertThat(rule.get("rule").asText()).isEqualTo("max-new-failures");
    assertThat(rule.get("value").asLong()).isZero();
    assertThat(rule.get("denominator").asLong()).isEqualTo(3);
    assertThat(rule.get("reason").asText())
        .isEqualTo("max-new-failures 0: 0 of 3 executed tests are new failures: PASSED");
  }

  @Test
  void anErrorInTheGatesSectionNamesFileAndLineAndExitsTwo() throws IOException {
    twoRuns();
    Path config = config("gates:\n  min_pass_rate: 95%\n  max_flakey: 0\n");

    assertThat(evident("gate", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "evident: "
                + config
                + ":3: unknown key 'max_flakey' under gates; did you mean 'max_flaky'?\n");
  }

  @Test
  void badOptionsAndNoRuleAtAllAreUsageErrors() throws IOException {
    twoRuns();

    assertThat(evident("gate", "--min-pass-rate", "0.9")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "--min-pass-rate: '0.9' is ambiguous: write 90% for a share of 0.9, or 0.9% if you mean"
                + " that");
    assertThat(evident("gate", "--max-flaky", "-1")).isEqualTo(2);
    assertThat(err.toString()).startsWith("--max-flaky must be 0 or more; found -1");
    assertThat(evident("gate", "--config", config("flaky:\n  window: 10\n").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("evident.yaml has no gates: section");
  }

  @Test
  void ingestWithGateTakesTheGatesExitCode() throws IOException {
    Path config = config("gates:\n  max_new_failures: 0\n");
    Path first = Surefire.write(dir, "CartTest", TESTS, 0);
    Path second = Surefire.write(dir, "CartTest", TESTS, 1);

    // Run 1 fails (totals), but nothing failed before it... every failure of a first run is new.
    assertThat(evident("ingest", first.toString(), "--gate", "--config", config.toString()))
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED: 1 of 4 executed tests failed")
        .contains("max-new-failures 0: 1 of 4 executed tests is a new failure: FAILED");

    // Run 2 fails too; allowing one new failure, the gate passes and so does the exit code.
    assertThat(
            evident(
                "ingest",
                second.toString(),
                "--config",
                config.toString(),
                "--max-new-failures",
                "1",
                "--json"))
        .isZero();
    JsonNode run = new ObjectMapper().readTree(out.toString());
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("gate").get("passed").asBoolean()).isTrue();
    assertThat(err.toString()).contains("exit 0: Gate PASSED: the 1 rule holds; run 2 is stored");
  }

  @Test
  void ingestWithGateButABrokenFileStoresNothing() throws IOException {
    Path config = config("gates:\n  min_pass_rate: 200%\n");
    Path first = Surefire.write(dir, "CartTest", TESTS, 0);

    assertThat(evident("ingest", first.toString(), "--gate", "--config", config.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("evident.yaml:2: gates.min_pass_rate: '200%'");
    assertThat(evident("runs")).isZero();
    assertThat(out.toString()).doesNotContain("CartTest");
  }

  @Test
  void runWithGateAppliesTheGatesOfTheProjectDirectory() throws IOException {
    Files.writeString(dir.resolve("evident.yaml"), "gates:\n  min_pass_rate: 50%\n");
    String script =
        "mkdir -p out; printf 'TAP version 13\\n1..3\\nok 1 - a\\nok 2 - b\\nnot ok 3 - c\\n'"
            + " > out/results.tap";

    int code =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--results",
            "out/*.tap",
            "--gate",
            "--",
            "sh",
            "-c",
            script);

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("min-pass-rate 50%: 2 of 3 executed passed = 66.6%: PASSED");
    assertThat(err.toString()).contains("exit 0: Gate PASSED");

    int strict =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--results",
            "out/*.tap",
            "--min-pass-rate",
            "90",
            "--",
            "sh",
            "-c",
            script);

    assertThat(strict).isEqualTo(1);
    assertThat(err.toString()).contains("exit 1: Gate FAILED: 1 of 1 rule failed: min-pass-rate");
  }

  @Test
  void runWithGateAndABrokenGatesSectionDoesNotRunTheCommand() throws IOException {
    Files.writeString(dir.resolve("evident.yaml"), "gates:\n  max_flaky: lots\n");

    int code = evident("run", "-C", dir.toString(), "--gate", "--", "sh", "-c", "touch ran");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("evident.yaml:2: gates.max_flaky must be a whole number");
    assertThat(dir.resolve("ran")).doesNotExist();
  }
}
