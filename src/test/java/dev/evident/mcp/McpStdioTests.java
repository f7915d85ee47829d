package dev.evident.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.cli.EvidentCommand;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code evident mcp} as a real process, called by the MCP SDK's client over stdio: the read tools
 * over a store holding two ingested runs of the sample results.
 */
class McpStdioTests {

  @TempDir static Path dir;

  private static StdioPeer peer;

  /** Run 1: samples/java on main; run 2: every sample on feature/x. Both of project shop. */
  @BeforeAll
  static void start() {
    Path db = dir.resolve("evident.db");
    ingest(db, "samples/java", "main");
    ingest(db, "samples", "feature/x");
    peer = StdioPeer.start(db);
  }

  private static void ingest(Path db, String path, String branch) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    int code =
        cl.execute(
            "ingest",
            path,
            "--db",
            db.toString(),
            "--project",
            "shop",
            "--label",
            "branch=" + branch);
    assertThat(code).as("ingest %s", path).isEqualTo(1);
  }

  @AfterAll
  static void stop() {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void initializeNamesTheServerAndListsEveryToolWithInputAndOutputSchemas() {
    assertThat(peer.initialized.serverInfo().name()).isEqualTo("evident");
    assertThat(peer.initialized.capabilities().tools()).isNotNull();

    List<McpSchema.Tool> tools = peer.client.listTools().tools();

    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactly(
            "run_tests",
            "get_run",
            "list_runs",
            "diagnose_run",
            "compare_runs",
            "flaky_tests",
            "get_logs");
    for (McpSchema.Tool tool : tools) {
      assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
      assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
      assertThat(tool.outputSchema().get("properties")).as(tool.name()).isInstanceOf(Map.class);
      assertThat(tool.description()).as(tool.name()).isNotBlank();
      assertThat(tool.annotations().readOnlyHint())
          .as(tool.name())
          .isEqualTo(!tool.name().equals("run_tests"));
    }
    assertThat(map(tools.get(1).inputSchema().get("properties")))
        .containsKeys("run", "project", "wait_seconds");
  }

  @Test
  void listRunsGivesTheStoredRunsNewestFirstWithCountsAndTheirDenominators() {
    Map<String, Object> out = peer.call("list_runs", Map.of());

    List<Map<String, Object>> runs = list(out.get("runs"));
    assertThat(runs).extracting(r -> r.get("run")).containsExactly(2, 1);
    assertThat(runs.get(0))
        .containsEntry("status", "FAILED")
        .containsEntry("project", "shop")
        .containsEntry(
            "summary",
            "FAILED: 6 of 20 executed tests failed (3 failed, 3 errored); 1 error outside tests;"
                + " 3 of 23 collected tests skipped");
    assertThat(map(runs.get(0).get("counts")))
        .containsEntry("collected", 23)
        .containsEntry("executed", 20)
        .containsEntry("passed", 13);
    assertThat(list(out.get("running"))).isEmpty();
  }

  @Test
  void listRunsKeepsToABranchAndALimit() {
    assertThat(list(peer.call("list_runs", Map.of("branch", "main")).get("runs")))
        .extracting(r -> r.get("run"))
        .containsExactly(1);
    assertThat(list(peer.call("list_runs", Map.of("project", "shop", "limit", 1)).get("runs")))
        .extracting(r -> r.get("run"))
        .containsExactly(2);
  }

  @Test
  void getRunGivesStatusCountsAndTheTopCausesWithWhatToDo() {
    Map<String, Object> out = peer.call("get_run", Map.of("run", "latest"));

    assertThat(out).containsEntry("status", "FAILED").containsEntry("done", true);
    assertThat(out.get("handle")).isNull();
    assertThat(map(out.get("run"))).containsEntry("run", 2);
    assertThat(out).containsEntry("failures", 7);
    List<Map<String, Object>> causes = list(out.get("topCauses"));
    assertThat(causes).hasSize(3);
    assertThat(causes.get(0))
        .containsEntry("category", "service_unavailable")
        .containsEntry("count", 3)
        .containsEntry("evidence", "Connection refused: localhost/127.0.0.1:6381");
    assertThat((String) causes.get(0).get("remediation")).contains("localhost:6381");
    Map<String, Object> first = list(out.get("nextSteps")).get(0);
    assertThat((String) first.get("action")).startsWith("pip install pandas");
    assertThat(first.get("tests")).as("an error that kept tests from running").isNull();
  }

  @Test
  void getRunOfAPassingReferenceByIdListsNoCausesBeyondItsOwn() {
    Map<String, Object> out = peer.call("get_run", Map.of("run", "latest~1", "max_causes", 1));

    assertThat(map(out.get("run"))).containsEntry("run", 1);
    assertThat(list(out.get("topCauses"))).hasSize(1);
    assertThat((String) out.get("message")).startsWith("FAILED: 4 of 8 executed tests failed");
  }

  @Test
  void diagnoseRunGroupsFailuresByCauseWithEvidenceAndRemediation() {
    Map<String, Object> out = peer.call("diagnose_run", Map.of("run", "2", "max_tests", 2));

    assertThat(out).containsEntry("run", 2).containsEntry("failures", 7);
    assertThat(out).containsEntry("groupCount", 4);
    List<Map<String, Object>> groups = list(out.get("groups"));
    assertThat(groups)
        .extracting(g -> g.get("category"))
        .containsExactly(
            "service_unavailable",
            "assertion_failure",
            "assertion_failure",
            "flaky_nondeterminism");
    assertThat(groups.get(0)).containsEntry("count", 3);
    assertThat(list(groups.get(0).get("tests"))).hasSize(2);
    assertThat(list(out.get("runErrors")).get(0)).containsEntry("category", "missing_dependency");

    assertThat(list(peer.call("diagnose_run", Map.of("max_groups", 1)).get("groups"))).hasSize(1);
  }

  @Test
  void compareRunsSortsTestsIntoBucketsAndCountsThemAll() {
    Map<String, Object> out = peer.call("compare_runs", Map.of("max_tests", 1));

    assertThat(map(out.get("base"))).containsEntry("run", 1);
    assertThat(map(out.get("head"))).containsEntry("run", 2);
    assertThat(map(out.get("summary")))
        .containsEntry("newFailures", 2)
        .containsEntry("stillFailing", 4)
        .containsEntry("newTests", 14)
        .containsEntry("fixed", 0);
    Map<String, Object> buckets = map(out.get("buckets"));
    assertThat(list(buckets.get("stillFailing"))).hasSize(1);
    assertThat(list(buckets.get("newFailures")).get(0))
        .containsEntry("name", "TestRound")
        .containsEntry("head", "FAILED")
        .containsEntry("base", null);

    Map<String, Object> explicit = peer.call("compare_runs", Map.of("base", "1", "head", "2"));
    assertThat(map(explicit.get("summary"))).containsEntry("newFailures", 2);
    Map<String, Object> onMain = peer.call("compare_runs", Map.of("base", "branch:main"));
    assertThat(map(onMain.get("base"))).containsEntry("run", 1);
  }

  @Test
  void flakyTestsScoresEveryTestOfTheProjectOverItsRuns() {
    Map<String, Object> out = peer.call("flaky_tests", Map.of("project", "shop"));

    assertThat(out).containsEntry("project", "shop");
    assertThat(map(out.get("window"))).containsEntry("runs", 2).containsEntry("last", 2);
    assertThat(map(out.get("counts"))).containsEntry("tests", 23).containsEntry("tooFewRuns", 23);
    assertThat(list(out.get("flaky"))).isEmpty();
  }

  @Test
  void getLogsOfAnIngestedRunSaysThatOnlyCommandRunsKeepLogs() {
    Map<String, Object> out = peer.call("get_logs", Map.of("run", "latest"));

    assertThat(out).containsEntry("totalLines", 0).containsEntry("nextOffset", null);
    assertThat((String) out.get("message")).contains("has no logs");
  }

  @Test
  void runReadingToolsAnswerABadRunWithAnErrorNamingTheValidReferences() {
    assertThat(peer.error("get_run", Map.of("run", "yesterday")))
        .contains("not a run: yesterday")
        .contains("latest~N");
    assertThat(peer.error("diagnose_run", Map.of("run", "99"))).contains("no run 99");
    assertThat(peer.error("get_logs", Map.of("run", "task:7")))
        .contains("no run task:7 in this server");
    assertThat(peer.error("compare_runs", Map.of("head", "2")))
        .contains("give base too when head is given");
  }

  @Test
  void badArgumentsGetAnErrorResultThatSaysWhatIsValid() {
    assertThat(peer.error("list_runs", Map.of("limit", "x")))
        .isEqualTo("list_runs: 'limit' must be a whole number from 1 to 500, not \"x\"");
    assertThat(peer.error("get_run", Map.of("wait_seconds", 600)))
        .contains("'wait_seconds' must be a whole number from 0 to 60");
    assertThat(peer.error("flaky_tests", Map.of("projects", "shop")))
        .contains("unknown argument 'projects'")
        .contains("valid arguments: all, max_tests, project, window");
    assertThat(peer.error("get_logs", Map.of("stream", "both")))
        .contains("'stream' must be one of stdout, stderr");
    assertThat(peer.error("get_logs", Map.of("search", "(", "regex", true)))
        .contains("not a valid regular expression");
    assertThat(peer.error("run_tests", Map.of("command", List.of())))
        .contains("run_tests needs a command");
    assertThat(peer.error("run_tests", Map.of("command", "true", "directory", "/no/such/dir")))
        .contains("directory /no/such/dir does not exist");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
