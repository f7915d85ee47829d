package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.service.TaskFixtures;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-model runs over A2A on a real server: a message with models is one A2A task group-N for one
 * server task per model, completed with the models side by side as its artifact.
 */
class A2aGroupTests {

  @TempDir Path dir;
  private ServerFixture fx;
  private A2aPeer peer;

  @BeforeEach
  void start() {
    var config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(
                TaskGroupRoutesTests.evals(
                    "evals", dir, Map.of("type", "object", "properties", Map.of()))));
    fx = new ServerFixture(dir);
    fx.start(ServerSettings.loopback(dir.resolve("uploads")), config, TaskFixtures.quick(3));
    peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void aDataPartWithModelsIsOneTaskCompletedWithTheComparisonOfEveryModel() throws Exception {
    Client client =
        Client.builder(A2A.getAgentCard(fx.server.url()))
            .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
            .clientConfig(new ClientConfig.Builder().setStreaming(false).build())
            .build();
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    Message message =
        new Message.Builder()
            .role(Message.Role.USER)
            .parts(new DataPart(Map.of("suite", "evals", "models", List.of("m1", "m2", "m3"))))
            .build();

    client.sendMessage(message, List.of((event, card) -> events.add(event)), null, null);

    Task task = ((TaskEvent) events.get(0)).getTask();
    assertThat(task.getId()).startsWith("group-");
    // The official client's message/send blocks (blocking: true): the answer is the ended group.
    assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    Task done = client.getTask(new io.a2a.spec.TaskQueryParams(task.getId()), null);
    assertThat(done.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    var comparison = (DataPart) done.getArtifacts().get(0).parts().get(0);
    @SuppressWarnings("unchecked")
    var byModel = (Map<String, Map<String, Object>>) comparison.getData().get("byModel");
    assertThat(byModel.keySet()).containsExactly("m1", "m2", "m3");
    assertThat(byModel.get("m1")).containsEntry("passed", 2).containsEntry("executed", 2);
    assertThat(byModel.get("m2")).containsEntry("passed", 1).containsEntry("executed", 2);
    assertThat(byModel.get("m3")).containsEntry("passed", 0).containsEntry("executed", 2);
    @SuppressWarnings("unchecked")
    var meta = (Map<String, Object>) done.getMetadata().get("evident");
    assertThat(meta.get("models")).isEqualTo(List.of("m1", "m2", "m3"));
  }

  @Test
  void anEvaluatorRequestWithConfigModelsStreamsTheGroupToItsComparison() {
    List<JsonNode> events =
        peer.stream(
            "SendStreamingMessage",
            A2aPeer.dataMessage(
                Map.of(
                    "participants",
                    Map.of(),
                    "config",
                    Map.of("suite", "evals", "models", List.of("m1", "m2")))));

    String id = events.getFirst().at("/result/task/id").asText();
    assertThat(id).startsWith("group-");
    JsonNode artifact = events.get(events.size() - 2).at("/result/artifactUpdate/artifact");
    assertThat(artifact.get("artifactId").asText()).isEqualTo("comparison");
    assertThat(artifact.at("/parts/0/data/byModel/m2/passed").asInt()).isEqualTo(1);
    assertThat(artifact.at("/parts/1/text").asText()).contains("m1", "m2", "of 2");
    assertThat(events.getLast().at("/result/statusUpdate/status/state").asText())
        .isEqualTo("TASK_STATE_COMPLETED");
    JsonNode got = peer.call("GetTask", Map.of("id", id)).get("result");
    assertThat(got.at("/metadata/evident/tasks").findValuesAsText("state"))
        .containsExactly("COMPLETED", "COMPLETED");
    assertThat(peer.call("CancelTask", Map.of("id", id)).at("/error/code").asInt())
        .isEqualTo(-32002);
  }

  @Test
  void aBadModelsListIsInvalidParamsNamingTheProblemAndQueuesNothing() {
    JsonNode twice =
        peer.call(
            "SendMessage",
            A2aPeer.dataMessage(Map.of("suite", "evals", "models", List.of("m1", "m1"))));
    JsonNode notAList =
        peer.call("SendMessage", A2aPeer.dataMessage(Map.of("suite", "evals", "models", "m1")));

    assertThat(twice.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(twice.at("/error/message").asText()).contains("model m1 is listed twice");
    assertThat(notAList.at("/error/message").asText()).contains("must be a list of model names");
    assertThat(fx.get("/api/v1/tasks").json().get("tasks")).isEmpty();
  }

  @Test
  void aGroupCanBeCancelledWhileItsTasksAreQueuedOrRunning() {
    // Models named slow* sleep 30 s before writing results, so the cancel always meets them alive.
    Map<String, Object> send =
        new HashMap<>(
            A2aPeer.dataMessage(Map.of("suite", "evals", "models", List.of("slow1", "slow2"))));
    send.put("configuration", Map.of("returnImmediately", true));
    String id = peer.call("SendMessage", send).at("/result/task/id").asText();

    JsonNode cancelled = peer.call("CancelTask", Map.of("id", id)).get("result");

    assertThat(cancelled.get("id").asText()).isEqualTo(id);
    JsonNode done =
        dev.evident.service.Await.until(
            "the group to end",
            Duration.ofSeconds(60),
            () -> {
              JsonNode t = peer.call("GetTask", Map.of("id", id)).get("result");
              String s = t.at("/status/state").asText();
              return s.equals("TASK_STATE_WORKING") || s.equals("TASK_STATE_SUBMITTED") ? null : t;
            });
    assertThat(done.at("/status/state").asText()).isEqualTo("TASK_STATE_CANCELED");
    assertThat(done.at("/metadata/evident/tasks").findValuesAsText("state"))
        .containsExactly("CANCELLED", "CANCELLED");
  }
}
