package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTests {

  @TempDir Path dir;

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
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

  /** Run 1: 3 of 4 pass; run 2: 4 of 4 pass. */
  @BeforeEach
  void twoRuns() throws IOException {
    String first =
        write(
            "r1.xml",
            """
            <testsuite name="CartTest">
              <testcase classname="CartTest" name="adds"/><testcase classname="CartTest" name="totals"/>
              <testcase classname="CartTest" name="removes"/>
              <testcase classname="CartTest" name="rounds"><failure message="expected 1">x</failure></testcase>
            </testsuite>
            """);
    String second =
        write("r2.xml", Files.readString(Path.of(first)).replaceAll("<failure[^/]*/failure>", ""));
    assertThat(run("ingest", first, "--project", "shop")).isEqualTo(1);
    assertThat(run("ingest", second, "--project", "shop")).isEqualTo(0);
  }

  @Test
  void listsEachClaimWithItsLineVerdictAndActualValueAndExitsOneOnAContradiction()
      throws IOException {
    String report =
        write(
            "status.md",
            "# Status\n\n- 4 passing tests.\n- 6 failing tests.\n- Docker is healthy.\n");

    int code = run("verify", report);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains(report + ": 3 claims checked against run 2 (baseline run 1 for changes)")
        .contains("    3: 4 passing tests. → SUPPORTED, actual passing 4")
        .contains("    4: 6 failing tests. → CONTRADICTED, actual failing 0")
        .contains(
            "stated 6 failing, actual 0 (run 2: 4 collected, 4 executed: 4 passed, 0 failed, 0 skipped)")
        .contains("    5: Docker is healthy. → UNVERIFIABLE")
        .contains("1 SUPPORTED, 1 CONTRADICTED, 0 INCONSISTENT, 1 UNVERIFIABLE");
  }

  @Test
  void exitsZeroWhenNoClaimIsContradictedOrInconsistent() throws IOException {
    String report =
        write("ok.md", "All tests pass. Passing tests went from 3 to 4.\n\nTarget: 100 tests.\n");

    assertThat(run("verify", report)).isEqualTo(0);
    assertThat(out.toString())
        .contains("2 SUPPORTED, 0 CONTRADICTED, 0 INCONSISTENT, 0 UNVERIFIABLE");
  }

  @Test
  void checksAgainstTheRunsGivenWithRun() throws IOException {
    String report = write("r.md", "## Tests\n\n3 passing, 1 failing.\n");

    assertThat(run("verify", report, "--run", "1")).isEqualTo(0);
    assertThat(run("verify", report, "--run", "latest")).isEqualTo(1);
  }

  @Test
  void jsonHasTheShapeOfTheIssue() throws IOException {
    String report =
        write(
            "r.md",
            "## Tests\n\n6 passing tests.\n\n5/6 issues resolved, later 6/6 issues resolved.\n");

    assertThat(run("verify", report, "--json")).isEqualTo(1);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("report").asText()).isEqualTo(report);
    assertThat(json.get("runs").toString()).isEqualTo("[2,1]");
    JsonNode claim = json.get("claims").get(0);
    assertThat(claim.get("line").asInt()).isEqualTo(3);
    assertThat(claim.get("text").asText()).isEqualTo("6 passing tests.");
    assertThat(claim.get("kind").asText()).isEqualTo("count");
    assertThat(claim.get("subject").asText()).isEmpty();
    assertThat(claim.get("stated").toString()).isEqualTo("{\"passing\":6}");
    assertThat(claim.get("actual").toString()).isEqualTo("{\"passing\":4}");
    assertThat(claim.get("verdict").asText()).isEqualTo("CONTRADICTED");
    assertThat(claim.get("reason").asText()).startsWith("stated 6 passing, actual 4");
    assertThat(json.get("summary").toString())
        .isEqualTo("{\"SUPPORTED\":0,\"CONTRADICTED\":1,\"INCONSISTENT\":0,\"UNVERIFIABLE\":1}");
  }

  @Test
  void annotateWritesTheReportBackWithAMarkerAfterEachClaim() throws IOException {
    String report =
        write(
            "r.md",
            "# Status\n\n6 passing tests.\n\n| Suite | Passed |\n|---|---|\n| CartTest | 4 |\n");
    Path annotated = dir.resolve("annotated.md");

    run("verify", report, "--annotate", annotated.toString());

    assertThat(Files.readString(annotated))
        .isEqualTo(
            "# Status\n\n6 passing tests. **[evident: CONTRADICTED — stated 6 passing, actual 4 (run 2:"
                + " 4 collected, 4 executed: 4 passed, 0 failed, 0 skipped)]**\n\n| Suite | Passed |\n"
                + "|---|---|\n| CartTest | 4 **[evident: SUPPORTED, run 2]** |\n");
  }

  @Test
  void aMissingReportIsOneLineNamingTheFileAndExitTwo() {
    String missing = dir.resolve("nope.md").toString();

    assertThat(run("verify", missing)).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("evident: cannot read report " + missing + ": no such file\n");
  }

  @Test
  void anUnknownRunIsExitTwo() throws IOException {
    assertThat(run("verify", write("r.md", "4 passing tests."), "--run", "9")).isEqualTo(2);
    assertThat(err.toString()).contains("no run 9 in the store");
  }

  @Test
  void aCategoryOfTheConfigFileIsASubjectAndOneWithoutTestsHasZero() throws IOException {
    String config =
        write(
            "evident.yaml",
            """
            categories:
              Cart Flows:
                match: {suite: Cart*}
                target: {tests: 15}
              Search:
                match: {suite: Search*}
                target: {tests: 10}
            """);
    String report =
        write(
            "r.md",
            "- Cart Flows: 4/15 completed (4 passing)\n- Search: 0/10 completed\n- Cart Flows: 5 passing tests\n");

    assertThat(run("verify", report, "--config", config)).isEqualTo(1);

    assertThat(out.toString())
        .contains("    1: Cart Flows: 4/15 completed (4 passing) → SUPPORTED")
        .contains("category Cart Flows of evident.yaml (4 tests) in run 2")
        .contains("    2: Search: 0/10 completed → SUPPORTED")
        .contains("category Search of evident.yaml (0 tests) in run 2")
        // a restatement of line 1 that the evidence does not bear out
        .contains("    3: Cart Flows: 5 passing tests → INCONSISTENT, actual passing 4");
  }

  @Test
  void withoutTheConfigFileTheCategoryIsUnverifiable() throws IOException {
    String report = write("r.md", "- Search: 0/10 tests completed\n");

    assertThat(run("verify", report)).isEqualTo(0);
    assertThat(out.toString())
        .contains("    1: Search: 0/10 tests completed → UNVERIFIABLE")
        .contains("there is no category 'Search' in evident.yaml");
  }
}
