package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.evident.analyze.Insights;
import dev.evident.model.Run;
import dev.evident.store.StoredRuns;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CTRF export: valid against the CTRF JSON Schema, with insights computed from the history. */
class CtrfExportTests {

  @TempDir Path dir;

  private static final Path FIXTURES = Path.of("src/test/resources/dev/evident/service/export");
  private static final Path SCHEMA =
      Path.of("src/test/resources/dev/evident/report/ctrf.schema.json");

  private Path db() {
    return dir.resolve("evident.db");
  }

  private JsonNode export(Run run) throws IOException {
    StringWriter out = new StringWriter();
    try (Workspace w = Workspace.open(db().toString())) {
      w.exports().export(run, ExportService.Format.CTRF, out);
    }
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<Error> violations(JsonNode report) throws IOException {
    try (InputStream schema = Files.newInputStream(SCHEMA)) {
      Schema ctrf =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
      return ctrf.validate(report);
    }
  }

  private static JsonNode test(JsonNode report, String name) {
    for (JsonNode t : report.get("results").get("tests")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no test " + name);
  }

  @Test
  void anIngestedRunExportsAsValidCtrfWithItsCountsAndEveryTest() throws IOException {
    Run run;
    try (Workspace w = Workspace.open(db().toString())) {
      run =
          w.ingest()
              .ingest(
                  new IngestService.Request(
                      List.of(
                          FIXTURES
                              .resolve("TEST-com.acme.CartTest.xml")
                              .toAbsolutePath()
                              .toString(),
                          FIXTURES
                              .resolve("TEST-com.acme.PayTest.xml")
                              .toAbsolutePath()
                              .toString()),
                      dir,
                      "shop",
                      Map.of("branch", "main"),
                      "auto"),
                  IngestService.Progress.NONE)
              .run();
    }

    JsonNode report = export(run);

    assertThat(violations(report)).isEmpty();
    // The schema does check: a status CTRF does not know is a violation.
    JsonNode wrong = report.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.get("results").get("tests").get(0))
        .put("status", "flaky");
    assertThat(violations(wrong)).isNotEmpty();
    assertThat(report.get("reportFormat").asText()).isEqualTo("CTRF");
    JsonNode summary = report.get("results").get("summary");
    assertThat(summary.get("tests").asInt()).isEqualTo(9);
    assertThat(summary.get("passed").asInt()).isEqualTo(5);
    assertThat(summary.get("failed").asInt()).isEqualTo(3);
    assertThat(summary.get("skipped").asInt()).isEqualTo(1);
    assertThat(summary.get("flaky").asInt()).isEqualTo(1);
    assertThat(report.get("results").get("tests")).hasSize(9);
    JsonNode locks = test(report, "locks");
    assertThat(locks.get("status").asText()).isEqualTo("passed");
    assertThat(locks.get("flaky").asBoolean()).isTrue();
    assertThat(locks.get("retries").asInt()).isEqualTo(2);
    assertThat(locks.get("retryAttempts").findValuesAsText("status"))
        .containsExactly("failed", "failed", "passed");
    JsonNode connects = test(report, "connects");
    assertThat(connects.get("status").asText()).isEqualTo("failed");
    assertThat(connects.get("rawStatus").asText()).isEqualTo("errored");
    assertThat(connects.get("message").asText())
        .isEqualTo("java.net.ConnectException: Connection refused");
    JsonNode totals = test(report, "totals");
    assertThat(totals.get("filePath").asText()).isEqualTo("src/test/java/com/acme/CartTest.java");
    assertThat(totals.get("line").asInt()).isEqualTo(42);
    assertThat(totals.get("suite").get(0).asText()).isEqualTo("com.acme.CartTest");
    assertThat(totals.get("trace").asText()).contains("at com.acme.CartTest.totals");
    assertThat(test(report, "later").get("status").asText()).isEqualTo("skipped");
    assertThat(test(report, "adds[1, 2]").get("extra").get("parameters").asText())
        .isEqualTo("1, 2");
    assertThat(report.get("results").get("environment").get("branchName").asText())
        .isEqualTo("main");
    // One run: insights over itself, and nothing to compare with.
    assertThat(report.get("insights").get("runsAnalyzed").asInt()).isEqualTo(1);
    assertThat(report.get("insights").get("failRate").get("current").asDouble())
        .isCloseTo(3.0 / 8, within(1e-6));
    assertThat(report.get("insights").get("failRate").has("baseline")).isFalse();
  }

  /** Runs 1 to 3: a passes, fails, then is flaky; b passes, passes, then is skipped. */
  private Run history() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a PASSED 10", "Cart > b PASSED 20");
      runs.add("shop", "Cart > a FAILED 30", "Cart > b PASSED 20");
      return runs.add("shop", "Cart > a FLAKY 20", "Cart > b SKIPPED");
    }
  }

  @Test
  void reportInsightsCoverTheWindowAndCompareItWithTheWindowOneRunEarlier() throws IOException {
    JsonNode report = export(history());

    assertThat(violations(report)).isEmpty();
    JsonNode insights = report.get("insights");
    assertThat(insights.get("runsAnalyzed").asInt()).isEqualTo(3);
    // 5 executed results in runs 1-3 (b skipped in 3): 1 failed, 1 flaky; runs 1-2: 4, 1 failed.
    assertThat(insights.get("passRate").get("current").asDouble()).isEqualTo(0.8);
    assertThat(insights.get("passRate").get("baseline").asDouble()).isEqualTo(0.75);
    assertThat(insights.get("passRate").get("change").asDouble()).isEqualTo(0.05);
    assertThat(insights.get("failRate").get("current").asDouble()).isEqualTo(0.2);
    assertThat(insights.get("flakyRate").get("current").asDouble()).isEqualTo(0.2);
    assertThat(insights.get("flakyRate").get("baseline").asDouble()).isEqualTo(0.0);
    assertThat(insights.get("averageTestDuration").get("current").asDouble()).isEqualTo(20.0);
    assertThat(insights.get("averageRunDuration").get("current").asDouble()).isEqualTo(30_000.0);
  }

  @Test
  void eachTestHasItsOwnInsights() throws IOException {
    JsonNode report = export(history());

    JsonNode a = test(report, "a").get("insights");
    assertThat(a.get("executedInRuns").asInt()).isEqualTo(3);
    assertThat(a.get("passRate").get("current").asDouble()).isEqualTo(0.666667);
    assertThat(a.get("passRate").get("baseline").asDouble()).isEqualTo(0.5);
    assertThat(a.get("flakyRate").get("current").asDouble()).isEqualTo(0.333333);
    assertThat(a.get("averageTestDuration").get("current").asDouble()).isEqualTo(20.0);
    JsonNode b = test(report, "b").get("insights");
    assertThat(b.get("executedInRuns").asInt()).isEqualTo(2);
    assertThat(b.get("passRate").get("current").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aSmallerWindowLeavesTheOldestRunToTheBaselineOnly() {
    Run run = history();
    Insights insights;
    try (Workspace w = Workspace.open(db().toString())) {
      insights = w.exports().insights(run, 2);
    }

    assertThat(insights.runsAnalyzed()).isEqualTo(2);
    // Runs 2-3: 3 executed, 1 failed; runs 1-2: 4 executed, 1 failed.
    assertThat(insights.failRate().current()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(insights.failRate().baseline()).isEqualTo(0.25);
  }
}
