package dev.evident.mcp;

import static dev.evident.mcp.McpStdioTests.list;
import static dev.evident.mcp.McpStdioTests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify_report and get_report of a real {@code evident mcp} process, called by the MCP SDK's
 * client, over the two ingested sample runs of {@link McpStdioTests}: run 1 (samples/java, main: 4
 * of 8 executed tests passed) and run 2 (every sample, feature/x: 14 of 20 passed).
 */
class McpReportToolsTests {

  private static final String REPORT =
      """
      # Status

      - 14 passing tests.
      - All tests pass.
      """;

  @TempDir static Path dir;

  private static StdioPeer peer;

  @BeforeAll
  static void start() {
    Path db = dir.resolve("evident.db");
    McpStdioTests.ingest(db, "samples/java", "main");
    McpStdioTests.ingest(db, "samples", "feature/x");
    peer = StdioPeer.start(db);
  }

  @AfterAll
  static void stop() {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void verifyReportGivesEachClaimItsVerdictAgainstTheLatestRun() {
    Map<String, Object> out = peer.call("verify_report", Map.of("markdown", REPORT));

    assertThat(out).containsEntry("report", "markdown");
    assertThat(out.get("runs")).as("the run in scope, then the baseline").isEqualTo(List.of(2, 1));
    List<Map<String, Object>> claims = list(out.get("claims"));
    assertThat(claims).extracting(c -> c.get("line")).containsExactly(3, 4);
    assertThat(claims.get(0))
        .containsEntry("text", "14 passing tests.")
        .containsEntry("kind", "count")
        .containsEntry("verdict", "SUPPORTED")
        .containsEntry("runs", List.of(2));
    assertThat(map(claims.get(0).get("actual"))).containsEntry("passing", 14);
    assertThat(claims.get(1))
        .containsEntry("kind", "universal")
        .containsEntry("verdict", "CONTRADICTED");
    assertThat((String) claims.get(1).get("reason"))
        .startsWith("6 of 20 executed tests failed or errored (run 2:");
    assertThat(map(out.get("summary")))
        .containsEntry("SUPPORTED", 1)
        .containsEntry("CONTRADICTED", 1)
        .containsEntry("INCONSISTENT", 0)
        .containsEntry("UNVERIFIABLE", 0);
  }

  @Test
  void verifyReportChecksAgainstTheRunsGiven() {
    Map<String, Object> out =
        peer.call("verify_report", Map.of("markdown", REPORT, "runs", List.of("latest~1")));

    assertThat(out.get("runs")).isEqualTo(List.of(1));
    Map<String, Object> count = list(out.get("claims")).get(0);
    assertThat(count).containsEntry("verdict", "CONTRADICTED");
    assertThat(map(count.get("actual"))).containsEntry("passing", 4);
    assertThat((String) count.get("reason")).startsWith("stated 14 passing, actual 4");
  }

  @Test
  void verifyReportOfAReportWithoutClaimsCountsNone() {
    Map<String, Object> out =
        peer.call(
            "verify_report",
            Map.of(
                "markdown", "# Plan\n\nNext week we will add 20 tests.\n\nTarget: 200 tests.\n"));

    assertThat(list(out.get("claims"))).isEmpty();
    assertThat(map(out.get("summary")))
        .containsEntry("SUPPORTED", 0)
        .containsEntry("CONTRADICTED", 0)
        .containsEntry("INCONSISTENT", 0)
        .containsEntry("UNVERIFIABLE", 0);
  }

  @Test
  void verifyReportAnswersBadArgumentsWithWhatIsValid() {
    assertThat(peer.error("verify_report", Map.of()))
        .startsWith("verify_report needs the argument 'markdown'");
    assertThat(peer.error("verify_report", Map.of("markdown", "   \n")))
        .startsWith("verify_report needs the argument 'markdown'");
    assertThat(peer.error("verify_report", Map.of("markdown", List.of("a"))))
        .isEqualTo("verify_report: 'markdown' must be a string, not [a]");
    assertThat(peer.error("verify_report", Map.of("markdown", REPORT, "runs", List.of(1))))
        .contains("'runs' must be an array of strings");
    assertThat(peer.error("verify_report", Map.of("markdown", REPORT, "runs", List.of("9"))))
        .contains("no run 9");
    assertThat(peer.error("verify_report", Map.of("markdown", REPORT, "baseline", "yesterday")))
        .contains("not a run: yesterday");
    assertThat(peer.error("verify_report", Map.of("markdown", REPORT, "runs", "task:2")))
        .contains("no run task:2 in this server");
    assertThat(peer.error("verify_report", Map.of("markdown", REPORT, "config", "no/such.yaml")))
        .contains("cannot read config no/such.yaml: no such file");
    assertThat(peer.error("verify_report", Map.of("report", REPORT)))
        .contains("unknown argument 'report'")
        .contains("valid arguments: baseline, config, include_quoted, markdown, project, runs");
  }

  @Test
  void getReportGivesTheMarkdownStatusReportOfARun() {
    Map<String, Object> out = peer.call("get_report", Map.of("run", "2"));

    assertThat(out).containsEntry("run", 2).containsEntry("format", "md");
    String md = (String) out.get("report");
    assertThat(md)
        .startsWith("## Evident report: run 2 of shop")
        .contains(
            "**FAILED: 6 of 20 executed tests failed (3 failed, 3 errored); 1 error outside tests;"
                + " 3 of 23 collected tests skipped**")
        .contains("### Change since run 1");

    String small = (String) peer.call("get_report", Map.of("max_bytes", 1000)).get("report");
    assertThat(small.getBytes(StandardCharsets.UTF_8).length).isBetween(1, 1000);
    assertThat(small).startsWith("## Evident report: run 2 of shop");
  }

  @Test
  void getReportAsJsonGivesTheCompleteReportAsAnObject() {
    Map<String, Object> out =
        peer.call(
            "get_report", Map.of("run", "latest", "format", "JSON", "baseline", "branch:main"));

    assertThat(out).containsEntry("run", 2).containsEntry("format", "json");
    Map<String, Object> report = map(out.get("report"));
    assertThat(report).containsEntry("schema", "evident-report/1");
    assertThat(map(report.get("run"))).containsEntry("id", 2).containsEntry("status", "FAILED");
    assertThat(map(map(report.get("headline")).get("counts")))
        .containsEntry("executed", 20)
        .containsEntry("passed", 13);
    assertThat(map(map(report.get("change")).get("base"))).containsEntry("id", 1);
    assertThat(map(map(report.get("change")).get("summary"))).containsEntry("newFailures", 2);
    assertThat(report).containsKeys("rootCauses", "notExecuted", "nextSteps");
  }

  @Test
  void getReportAnswersABadRunOrArgumentWithWhatIsValid() throws Exception {
    assertThat(peer.error("get_report", Map.of("run", "99"))).contains("no run 99");
    assertThat(peer.error("get_report", Map.of("run", "yesterday")))
        .contains("not a run: yesterday")
        .contains("latest~N");
    assertThat(peer.error("get_report", Map.of("format", "html")))
        .isEqualTo("get_report: 'format' must be one of md, json, not \"html\"");
    assertThat(peer.error("get_report", Map.of("max_bytes", 10)))
        .contains("'max_bytes' must be a whole number from 1000 to 10000000");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "categories: [\n");
    assertThat(peer.error("get_report", Map.of("config", broken.toString())))
        .contains("broken.yaml");
  }
}
