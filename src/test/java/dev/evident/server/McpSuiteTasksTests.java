package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.model.Scope;
import dev.evident.service.Await;
import dev.evident.service.TaskFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run_tests with a suite over the streamable HTTP transport of a real {@code evident serve}, called
 * by the MCP SDK's own client: a server task queued, its handle answered at once, get_run following
 * it to the stored run.
 */
class McpSuiteTasksTests {

  @TempDir Path dir;
  private ServerFixture fx;
  private McpHttpPeer peer;

  @AfterEach
  void stop() {
    if (peer != null) {
      peer.close();
    }
    fx.close();
  }

  private void start() {
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(
                TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 2),
                TaskGroupRoutesTests.evals(
                    "evals", dir, Map.of("type", "object", "properties", Map.of()))));
    fx = new ServerFixture(dir);
    fx.start(
        ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true),
        config,
        TaskFixtures.quick(3));
  }

  private McpHttpPeer connect(String token) {
    peer = new McpHttpPeer(fx.server.url(), token);
    peer.initialize();
    return peer;
  }

  @Test
  void runTestsWithASuiteQueuesAServerTaskAndGetRunOnItsHandleReachesTheFinishedRun() {
    start();
    connect(fx.token("shop", Scope.READ, Scope.RUN));

    Map<String, Object> started =
        peer.call(
            "run_tests", Map.of("suite", "unit", "parameters", Map.of("sleep", 1, "fail", true)));

    String handle = (String) started.get("handle");
    assertThat(handle).startsWith("server-task:");
    assertThat(started).containsEntry("status", "QUEUED").containsEntry("project", "shop");
    long id = Long.parseLong(handle.substring("server-task:".length()));
    JsonNode task = fx.get("/api/v1/tasks/" + id, fx.token("shop", Scope.READ)).json();
    assertThat(task.get("origin").asText()).isEqualTo("mcp");
    assertThat(task.get("terminal").asBoolean())
        .as("run_tests answered before the task (which sleeps a second) ended")
        .isFalse();

    Map<String, Object> done = peer.call("get_run", Map.of("run", handle, "wait_seconds", 60));

    assertThat(done).containsEntry("handle", handle).containsEntry("done", true);
    assertThat(done).containsEntry("status", "FAILED");
    Map<String, Object> counts = map(map(done.get("run")).get("counts"));
    assertThat(counts).containsEntry("executed", 2).containsEntry("failed", 1);
    Map<String, Object> diagnosed = peer.call("diagnose_run", Map.of("run", handle));
    assertThat(diagnosed.toString()).contains("boom");
  }

  @Test
  void runTestsWithModelsQueuesOneTaskPerModelInAGroupThatComparesThem() {
    start();
    String token = fx.token("bench", Scope.READ, Scope.RUN);
    connect(token);

    Map<String, Object> started =
        peer.call("run_tests", Map.of("suite", "evals", "models", List.of("m1", "m2")));

    @SuppressWarnings("unchecked")
    List<String> handles = (List<String>) started.get("handles");
    assertThat(handles).hasSize(2);
    for (String handle : handles) {
      Map<String, Object> done = peer.call("get_run", Map.of("run", handle, "wait_seconds", 60));
      assertThat(done).containsEntry("done", true);
    }
    long group = ((Number) started.get("group")).longValue();
    JsonNode g =
        Await.until(
            "group to end",
            Duration.ofSeconds(60),
            () -> {
              JsonNode j = fx.get("/api/v1/task-groups/" + group, token).json();
              return j.path("terminal").asBoolean() ? j : null;
            });
    assertThat(g.get("comparison").get("byModel").get("m1").get("passed").asLong()).isEqualTo(2);
    assertThat(g.get("comparison").get("byModel").get("m2").get("passed").asLong()).isEqualTo(1);
  }

  @Test
  void aSuiteIsRefusedWithoutTheRunScopeForAnotherProjectAndWithABadModelsList() {
    start();
    connect(fx.token("shop", Scope.READ));
    assertThat(peer.error("run_tests", Map.of("suite", "unit")))
        .contains("this token lacks the run scope");
    peer.close();
    connect(fx.token("other", Scope.READ, Scope.RUN));
    assertThat(peer.error("run_tests", Map.of("suite", "unit")))
        .contains("suite unit runs in project shop; this token is for project other");
    peer.close();
    connect(fx.token("bench", Scope.READ, Scope.RUN));
    assertThat(peer.error("run_tests", Map.of("suite", "evals", "models", List.of("m1", "m1"))))
        .contains("model m1 is listed twice");
    assertThat(peer.error("run_tests", Map.of("suite", "evals", "models", List.of())))
        .contains("models is empty");
    assertThat(peer.error("run_tests", Map.of("suite", "evals", "parameters", Map.of("x", 1))))
        .contains("unknown parameter 'x'");
    assertThat(peer.error("get_run", Map.of("run", "server-task:999"))).contains("no task 999");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
