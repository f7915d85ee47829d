package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evident quarantine} through the real command line, and how run, ingest, show and diagnose
 * treat quarantined tests: marked, counted in the status line, forgiven in the exit code, while the
 * stored status stays true.
 */
class QuarantineCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  /** A run of CartTest: totals and adds[1-2] fail, retries passes on a rerun, pays passes. */
  private Path results() throws IOException {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("totals", "F");
    tests.put("adds[1-2]", "F");
    tests.put("retries", "K");
    tests.put("pays", "P");
    return Surefire.write(dir, "CartTest", tests, 0);
  }

  @Test
  void addsListsAndRemovesTestsAsShowPrintsThem() throws IOException {
    evident("ingest", results().toString(), "--project", "shop");

    int added =
        evident(
            "quarantine", "add", "CartTest > totals", "CartTest > adds[1-2]", "--reason", "#12");
    String addedOut = out.toString();
    int listed = evident("quarantine", "list");
    String listedOut = out.toString();
    int json = evident("quarantine", "list", "--json");
    JsonNode list = new ObjectMapper().readTree(out.toString());
    int removed = evident("quarantine", "remove", "CartTest > totals", "--project", "shop");

    assertThat(added).isZero();
    assertThat(addedOut)
        .isEqualTo(
            """
            Quarantined 2 tests in project shop (reason: #12):
              CartTest > totals
              CartTest > adds[1-2]
            Their failures are marked by run, ingest and show and forgiven in exit codes; runs keep their status.
            """);
    assertThat(listed).isZero();
    assertThat(listedOut)
        .matches(
            "2 tests in quarantine \\(their failures are marked, and forgiven in exit codes\\):\\R"
                + "project shop:\\R"
                + "  CartTest > adds\\[1-2\\]  \\(since \\d{4}-\\d\\d-\\d\\d: #12\\)\\R"
                + "  CartTest > totals  \\(since \\d{4}-\\d\\d-\\d\\d: #12\\)\\R");
    assertThat(json).isZero();
    assertThat(list).hasSize(2);
    assertThat(list.get(1).get("test").asText()).isEqualTo("CartTest > totals");
    assertThat(list.get(1).get("reason").asText()).isEqualTo("#12");
    assertThat(removed).isZero();
    assertThat(out.toString())
        .isEqualTo("Took 1 test out of quarantine in project shop:\n  CartTest > totals\n");
  }

  @Test
  void anUnknownTestIsAnErrorWithCloseNamesUnlessForced() throws IOException {
    evident("ingest", results().toString(), "--project", "shop");

    int unknown = evident("quarantine", "add", "CartTest > total");
    String unknownErr = err.toString();
    int forced = evident("quarantine", "add", "CartTest > total", "--force");

    assertThat(unknown).isEqualTo(2);
    assertThat(unknownErr)
        .startsWith(
            "evident: unknown test 'CartTest > total' in project shop; did you mean 'CartTest >"
                + " totals'?");
    assertThat(forced).isZero();
  }

  @Test
  void showMarksQuarantinedFailuresAndExitsZeroWhenEveryFailureIsQuarantined() throws IOException {
    evident("ingest", results().toString(), "--project", "shop");
    evident("quarantine", "add", "CartTest > totals", "--reason", "timing, #12");

    int some = evident("show");
    String someOut = out.toString();
    evident("quarantine", "add", "CartTest > adds[1-2]");
    int all = evident("show");

    assertThat(some).isEqualTo(1);
    assertThat(someOut)
        .contains(
            "FAILED: 2 of 4 executed tests failed (2 failed, 0 errored); 1 of them quarantined\n")
        .contains("  FAILED  CartTest > totals (quarantined: timing, #12)\n");
    assertThat(all).isZero();
    assertThat(out.toString())
        .contains(
            "FAILED: 2 of 4 executed tests failed (2 failed, 0 errored); all 2 of them quarantined\n")
        .contains("  FAILED  CartTest > adds[1-2] (quarantined)\n");
    assertThat(err.toString())
        .isEqualTo(
            "evident: exit 0: all 2 failures are of quarantined tests; run 1 is stored as FAILED"
                + " (evident quarantine list)\n");
  }

  @Test
  void ingestExitsZeroForQuarantinedFailuresAndTheStoredRunStaysFailed() throws IOException {
    evident("ingest", results().toString(), "--project", "shop");
    evident("quarantine", "add", "CartTest > totals", "CartTest > adds[1-2]");

    int code = evident("ingest", results().toString(), "--project", "shop", "--json");

    assertThat(code).isZero();
    JsonNode run = new ObjectMapper().readTree(out.toString());
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("quarantined").get("failures").asInt()).isEqualTo(2);
    assertThat(run.get("summary").asText()).endsWith("all 2 of them quarantined");
    assertThat(run.get("failures").get(0).has("quarantined")).isTrue();
  }

  @Test
  void diagnoseNamesTheQuarantinedFailures() throws IOException {
    evident("ingest", results().toString(), "--project", "shop");
    evident("quarantine", "add", "CartTest > totals", "--reason", "#12");

    int code = evident("diagnose");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "Quarantined (known failures, evident quarantine list): 1 of 3 failed tests\n"
                + "  CartTest > totals: #12\n")
        .contains("CartTest > totals (quarantined)");
  }

  @Test
  void runExitsZeroWhenEveryFailureIsQuarantinedButNotForAFlakyTestOutsideTheQuarantine()
      throws IOException {
    Path report = results();
    evident("ingest", report.toString(), "--project", "shop");
    evident("quarantine", "add", "CartTest > totals", "CartTest > adds[1-2]", "--project", "shop");
    String[] run = {
      "run",
      "--project",
      "shop",
      "-C",
      dir.toString(),
      "--results",
      "out/*.xml",
      "--quiet",
      "--",
      "sh",
      "-c",
      "mkdir -p out; cp '" + report + "' out/; exit 1"
    };

    int flakyOutside = evident(run);
    String flakyErr = err.toString();
    evident("quarantine", "add", "CartTest > retries", "--project", "shop");
    int allKnown = evident(run);

    assertThat(flakyOutside).isEqualTo(1);
    assertThat(flakyErr)
        .contains("1 test passed only on a retry (flaky); --allow-flaky accepts that");
    assertThat(allKnown).isZero();
    assertThat(out.toString()).contains("all 2 of them quarantined");
    assertThat(err.toString()).contains("evident: exit 0: all 2 failures are of quarantined tests");
  }
}
