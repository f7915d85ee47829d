package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTests {

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

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  private String failingResults() throws IOException {
    return write(
        "TEST-cart.xml",
        """
        <testsuite name="CartTest" tests="3" failures="1">
          <testcase classname="CartTest" name="adds" time="0.01"/>
          <testcase classname="CartTest" name="totals" time="0.02">
            <failure message="expected: &lt;3&gt; but was: &lt;4&gt;" type="org.opentest4j.AssertionFailedError">stack</failure>
          </testcase>
          <testcase classname="CartTest" name="later"><skipped/></testcase>
        </testsuite>
        """);
  }

  @Test
  void ingestPrintsCountsWithDenominatorsAndExitsOneWhenTestsFailed() throws IOException {
    int code = run("ingest", failingResults(), "--project", "shop");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            "FAILED: 1 of 2 executed tests failed (1 failed, 0 errored); 1 of 3 collected tests skipped")
        .contains("FAILED  CartTest > totals")
        .contains("AssertionFailedError: expected: <3> but was: <4>");
    assertThat(err.toString()).contains("exit 1: the results contain failures or errors (run 1)");
  }

  @Test
  void ingestExitsZeroWhenEveryExecutedTestPassed() throws IOException {
    String file =
        write("ok.xml", "<testsuite name=\"S\"><testcase classname=\"S\" name=\"t\"/></testsuite>");

    assertThat(run("ingest", file)).isEqualTo(0);
    assertThat(out.toString()).contains("PASSED: 1 of 1 executed tests passed");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void ingestExitsOneAndSaysSoWhenNothingExecuted() throws IOException {
    String file =
        write(
            "skipped.xml",
            "<testsuite name=\"S\"><testcase classname=\"S\" name=\"t\"><skipped/></testcase></testsuite>");

    assertThat(run("ingest", file)).isEqualTo(1);
    assertThat(out.toString()).contains("EMPTY: 0 of 1 collected tests executed (all skipped)");
    assertThat(err.toString()).contains("exit 1: nothing executed");
  }

  @Test
  void ingestJsonHasTheRunItsStatusCountsAndProblems() throws IOException {
    String truncated =
        write(
            "cut.xml",
            "<testsuite name=\"S\"><testcase classname=\"S\" name=\"a\"/><testcase classname=\"S\" name=\"b\">");

    int code = run("ingest", truncated, "--json", "--label", "ci=yes");

    assertThat(code).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("run").asLong()).isEqualTo(1);
    assertThat(json.get("status").asText()).isEqualTo("PASSED");
    assertThat(json.get("counts").get("collected").asLong()).isEqualTo(1);
    assertThat(json.get("counts").get("executed").asLong()).isEqualTo(1);
    for (String key : new String[] {"passed", "failed", "errored", "skipped", "flaky"}) {
      assertThat(json.get("counts").has(key)).as(key).isTrue();
    }
    JsonNode problem = json.get("problems").get(0);
    assertThat(problem.get("file").asText()).endsWith("cut.xml");
    assertThat(problem.get("line").asLong()).isEqualTo(1);
    assertThat(problem.get("message").asText())
        .contains("truncated")
        .contains("1 test cases recovered");
    assertThat(json.get("labels").get("ci").asText()).isEqualTo("yes");
  }

  @Test
  void aMissingInputIsOneClearLineAndExitTwo() {
    int code = run("ingest", dir.resolve("missing.xml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo("evident: no such file or directory: " + dir.resolve("missing.xml"));
  }

  @Test
  void verboseAddsTheStackTrace() {
    run("ingest", dir.resolve("missing.xml").toString(), "--verbose");

    assertThat(err.toString()).contains("InputException").contains("\tat dev.evident");
  }

  @Test
  void anUnreadableFileNextToAGoodOneIsStoredAndExitsTwo() throws IOException {
    String good =
        write("ok.xml", "<testsuite name=\"S\"><testcase classname=\"S\" name=\"t\"/></testsuite>");
    String bad = write("bad.json", "{\"neither\": \"ctrf nor mocha\"}");

    assertThat(run("ingest", good, bad)).isEqualTo(2);
    assertThat(out.toString()).contains("1 unreadable").contains("error: cannot read");
    assertThat(err.toString())
        .contains("exit 2: 1 input could not be read")
        .contains("stored as run 1");
  }

  @Test
  void showAndRunsListWhatWasStored() throws IOException {
    run("ingest", failingResults(), "--project", "shop");
    out.getBuffer().setLength(0);

    assertThat(run("runs")).isEqualTo(0);
    assertThat(out.toString()).contains("shop").contains("FAILED").contains("2 / 3");
    out.getBuffer().setLength(0);

    assertThat(run("show", "latest", "--project", "shop")).isEqualTo(1);
    assertThat(out.toString())
        .contains("Run 1 · project shop")
        .contains("CartTest  3 tests: 1 passed, 1 failed, 1 skipped");
    out.getBuffer().setLength(0);

    assertThat(run("show", "42")).isEqualTo(2);
    assertThat(err.toString()).contains("evident: no run 42 in the store");
  }

  @Test
  void showWithNothingStoredSaysWhatToDo() {
    assertThat(run("show")).isEqualTo(2);
    assertThat(err.toString()).contains("no runs stored yet; ingest results first");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() {
    assertThat(run("ingest", "results.xml", "--frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void diagnosePutsTheSharedCauseFirstWithWhatToDoAndTheSameInJson() throws IOException {
    StringBuilder xml = new StringBuilder("<testsuite name=\"PaymentIT\">");
    for (int i = 0; i < 3; i++) {
      xml.append("<testcase classname=\"PaymentIT\" name=\"charge")
          .append(i)
          .append("\"><error type=\"java.net.ConnectException\" message=\"Connection refused:")
          .append(" localhost/127.0.0.1:6381\">java.net.ConnectException: Connection refused")
          .append("\n\tat redis.Client.connect(Client.java:")
          .append(40 + i)
          .append(")</error></testcase>");
    }
    xml.append("</testsuite>");
    run("ingest", write("TEST-pay.xml", xml.toString()), failingResults());
    out.getBuffer().setLength(0);

    assertThat(run("diagnose")).isEqualTo(0);
    assertThat(out.toString())
        .contains("Causes (2 groups for 4 failed tests, by tests affected):")
        .contains("1. service_unavailable · 3 tests")
        .contains("entities: address=localhost:6381")
        .contains("2. assertion_failure · 1 test")
        .contains("Next steps (by tests they would unblock):")
        .containsPattern("1\\. nothing listens on localhost:6381.*\\(3 tests\\)");
    out.getBuffer().setLength(0);

    assertThat(run("diagnose", "1", "--json")).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/groups/0/category").asText()).isEqualTo("service_unavailable");
    assertThat(json.at("/groups/0/count").asInt()).isEqualTo(3);
    assertThat(json.at("/groups/0/tests")).hasSize(3);
    assertThat(json.at("/nextSteps/0/tests").asInt()).isEqualTo(3);

    assertThat(run("diagnose", "7")).isEqualTo(2);
    assertThat(err.toString()).contains("evident: no run 7 in the store");
  }
}
