package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTests {

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

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

  /** Runs 1, 2 of shop; 3 of api (broken); 4 of cache (environment); 5 of bot (blocked). */
  @BeforeEach
  void history() {
    try (ReportFixtures f = ReportFixtures.open(dir.resolve("evident.db"))) {
      f.shop();
      f.broken();
      f.environment();
      f.blocked();
    }
  }

  @Test
  void markdownOfARunWithABaselineMatchesItsGoldenFile() {
    assertThat(run("report", "2")).isEqualTo(0);

    Golden.assertMatches("report-shop.md", out.toString());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void jsonOfARunWithABaselineMatchesItsGoldenFile() {
    assertThat(run("report", "2", "--format", "json")).isEqualTo(0);

    Golden.assertMatches("report-shop.json", out.toString());
  }

  @Test
  void markdownOfABrokenRunMatchesItsGoldenFile() {
    assertThat(run("report", "3")).isEqualTo(0);

    Golden.assertMatches("report-broken.md", out.toString());
  }

  @Test
  void changeSinceTheBaselineListsNewFailuresWithTheirSourceAndEveryBucketWithItsCount() {
    run("report", "2");

    assertThat(out.toString())
        .contains("### Change since run 1\n")
        .contains("Baseline: the previous run on branch main (Run 1 · PASSED")
        .contains("| executed | 5 of 6 | 6 of 7 |")
        .contains("3 new failures · 1 new test · 1 newly skipped · 1 no longer skipped · 1 flaky\n")
        .contains(
            "- `shop.CartTest > totals` PASSED → FAILED (`src/test/java/shop/CartTest.java:42`):"
                + " `expected: <3> but was: <4>`")
        .contains("- `shop.DbIT > migrates` SKIPPED → ERRORED");
  }

  @Test
  void aBrokenRunSaysWhatKeptItsTestsFromRunningBeforeAnythingElse() {
    run("report", "3");

    String md = out.toString();
    assertThat(md)
        .contains(
            "**BROKEN: no test was collected or executed; 3 collection errors (files that failed"
                + " to import or load)**")
        .contains("No test executed: there is no pass rate.")
        .doesNotContain("0.0%")
        .contains("| collection | `tests/test_a.py at tests/test_a.py:3` | missing_dependency |");
    assertThat(md.indexOf("### Not executed")).isLessThan(md.indexOf("### Root causes"));
    assertThat(md)
        .contains("kept `tests/test_a.py`, `tests/test_b.py`, `tests/test_c.py` from running");
  }

  @Test
  void anEnvironmentProblemThatDominatesComesFirstAndLeadsTheRootCauses() {
    run("report", "4");

    String md = out.toString();
    assertThat(md)
        .contains("> **Environment problem:** 8 of 9 failures share one system-level cause");
    assertThat(md.indexOf("Environment problem")).isLessThan(md.indexOf("### Change"));
    assertThat(md)
        .contains("**1. service_unavailable: 8 of 9 (88.9%)** · environment")
        .contains("No baseline: no earlier run of project cache to compare with.");
  }

  @Test
  void aBlockedRunNamesTheMissingRequirementsInItsHeadline() {
    run("report", "5");

    assertThat(out.toString())
        .contains(
            "**BLOCKED: nothing was run; 2 requirements missing: service redis, command codex**")
        .contains("Missing requirements (2): nothing was run.")
        .contains("- `service redis`: tcp://localhost:6381: connection refused")
        .contains("start redis (kept the whole run from running)");
  }

  @Test
  void jsonCarriesTheSchemaVersionAndTheRunIdsOfEverySection() throws IOException {
    run("report", "2", "--format", "json");

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("schema").asText()).isEqualTo("evident-report/1");
    assertThat(json.at("/change/runs").toString()).isEqualTo("[1,2]");
    assertThat(json.at("/rootCauses/runs").toString()).isEqualTo("[2]");
    assertThat(json.at("/change/summary/newFailures").asInt()).isEqualTo(3);
    assertThat(json.at("/change/buckets/newFailures/0/source/line").asInt()).isEqualTo(42);
    assertThat(json.at("/notExecuted/skipReasons/0/reason").asText())
        .isEqualTo("upstream sandbox is down");
    assertThat(json.at("/flakyAndSuspicious/flakyInRun/0").asText())
        .isEqualTo("shop.PayTest > charges");
  }

  @Test
  void anExplicitBaselineIsComparedWith() {
    try (ReportFixtures f = ReportFixtures.open(dir.resolve("evident.db"))) {
      f.shop(); // runs 6 and 7 of shop
    }
    run("report", "7", "--baseline", "1");

    assertThat(out.toString())
        .contains("### Change since run 1\n")
        .contains("Baseline: run 1, given as --baseline 1");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheFormatsThereAre() {
    assertThat(run("report", "2", "--format", "pdf")).isEqualTo(2);

    assertThat(err.toString()).contains("unknown --format 'pdf': give md, json, ctrf or junit");
  }

  @Test
  void githubWithoutTheSummaryVariableIsAClearError() {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(out, true));
    ((ReportCommand) cl.getSubcommands().get("report").getCommand()).stepSummary = null;

    int code = cl.execute("report", "2", "--github", "--db", dir.resolve("evident.db").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--github writes to the file $GITHUB_STEP_SUMMARY names");
  }

  @Test
  void githubAppendsTheMarkdownToTheStepSummaryFile() throws IOException {
    Path summary = dir.resolve("summary.md");
    Files.writeString(summary, "# earlier step\n");
    CommandLine cl = EvidentCommand.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(out, true));
    ((ReportCommand) cl.getSubcommands().get("report").getCommand()).stepSummary =
        summary.toString();

    int code = cl.execute("report", "2", "--github", "--db", dir.resolve("evident.db").toString());

    assertThat(code).isEqualTo(0);
    String text = Files.readString(summary, StandardCharsets.UTF_8);
    assertThat(text).startsWith("# earlier step\n## Evident report: run 2 of shop\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void annotationsNameTheFileAndLineOfEachNewFailureWhereKnown() {
    run("report", "2", "--annotations", "--output", dir.resolve("r.md").toString());

    assertThat(out.toString())
        .contains(
            "::error file=src/test/java/shop/CartTest.java,line=42,title=New failure%3A"
                + " shop.CartTest > totals::PASSED in run 1, FAILED in run 2: expected: <3> but"
                + " was: <4>\n")
        .contains("::error title=New failure%3A shop.DbIT > connects::");
    assertThat(dir.resolve("r.md")).content().startsWith("## Evident report: run 2 of shop");
  }

  @Test
  void aSmallMaxBytesKeepsNewFailuresAndRootCausesAndCountsWhatItLeftOut() {
    try (ReportFixtures f = ReportFixtures.open(dir.resolve("evident.db"))) {
      f.big(300, 120); // runs 6 and 7
    }
    assertThat(run("report", "7", "--max-bytes", "5000")).isEqualTo(0);

    String md = out.toString();
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(5000);
    assertThat(md)
        .contains("#### New failures (120)")
        .containsPattern("- and \\d+ more new failures\n")
        .contains("### Root causes (run 7)")
        .containsPattern("and \\d\\d more causes \\(\\d+ tests\\)");
  }

  @Test
  void maxBytesBelowAUsableSizeIsAUsageError() {
    assertThat(run("report", "2", "--max-bytes", "10")).isEqualTo(2);

    assertThat(err.toString()).contains("--max-bytes must be at least 1000, not 10");
  }
}
