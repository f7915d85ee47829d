package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.model.Scope;
import dev.evident.model.TaskSuite;
import dev.evident.service.TaskFixtures;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskNotCancelableError;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A2A tasks end to end: a real server whose configuration declares a suite (a shell script that
 * writes JUnit XML), its real task queue and workers, the official 0.3 client and our 1.0 client.
 */
class A2aTaskTests {

  @TempDir Path dir;
  ServerFixture fx;
  AgentCard card;

  @BeforeEach
  void start() throws Exception {
    fx = new ServerFixture(dir);
    startServer(ServerSettings.loopback(dir.resolve("uploads")));
    card = A2A.getAgentCard(fx.server.url());
  }

  private void startServer(ServerSettings settings) {
    var suite = TaskFixtures.junit("smoke", dir, Duration.ofMinutes(1), 4);
    // Prints TAP lines a while apart, so that the worker's heartbeats see tests done and failed.
    String tap =
        "for i in 1 2 3; do echo \"ok $i - t$i\"; sleep 0.4; done; echo 'not ok 4 - t4'; sleep 0.6;"
            + " mkdir -p tap/$EVIDENT_TASK_ID; printf '<testsuite name=\"t\"><testcase"
            + " classname=\"t\" name=\"t1\"/></testsuite>' > tap/$EVIDENT_TASK_ID/TEST-t.xml";
    var progress =
        new TaskSuite(
            "tap",
            "shop",
            List.of("sh", "-c", tap),
            dir,
            List.of("tap/{{task.id}}/*.xml"),
            Map.of(),
            Duration.ofMinutes(1),
            1);
    var config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(suite, progress, broken()));
    fx.server =
        EvidentServer.start(
            settings, fx.workspace, config, "evident.yaml", fx.log, TaskFixtures.quick(4));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private Client client(boolean streaming, List<ClientEvent> events, CompletableFuture<Void> done)
      throws A2AClientException {
    return Client.builder(card)
        .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
        .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
        .addConsumer(
            (event, c) -> {
              events.add(event);
              if (event instanceof TaskUpdateEvent u
                  && u.getUpdateEvent() instanceof TaskStatusUpdateEvent s
                  && s.isFinal()) {
                done.complete(null);
              }
            })
        .streamingErrorHandler(
            error -> {
              if (error == null) {
                done.complete(null);
              } else {
                done.completeExceptionally(error);
              }
            })
        .build();
  }

  private static Message run(Map<String, Object> parameters) {
    return new Message.Builder()
        .role(Message.Role.USER)
        .parts(new DataPart(Map.of("suite", "smoke", "parameters", parameters)))
        .build();
  }

  @Test
  void theCardListsTheDeclaredSuiteWithItsParameters() {
    var skill = card.skills().get(0);
    assertThat(skill.description()).contains("smoke (project shop; parameters: fail, name, sleep)");
    assertThat(skill.tags()).contains("suite:smoke");
  }

  @Test
  void streamsARunInOrderAndAFailingRunIsCompletedWithTheFailureInTheReport() throws Exception {
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();

    client(true, events, done).sendMessage(run(Map.of("fail", true)));
    done.get(60, TimeUnit.SECONDS);

    List<TaskState> states = new ArrayList<>();
    assertThat(events.get(0)).isInstanceOf(TaskEvent.class);
    states.add(((TaskEvent) events.get(0)).getTask().getStatus().state());
    for (ClientEvent e : events.subList(1, events.size())) {
      if (((TaskUpdateEvent) e).getUpdateEvent() instanceof TaskStatusUpdateEvent s) {
        states.add(s.getStatus().state());
      }
    }
    assertThat(states).isSortedAccordingTo(java.util.Comparator.comparingInt(Enum::ordinal));
    assertThat(states.getLast()).isEqualTo(TaskState.COMPLETED);
    var artifact = events.get(events.size() - 2);
    assertThat(((TaskUpdateEvent) artifact).getUpdateEvent())
        .isInstanceOf(TaskArtifactUpdateEvent.class);
    Task task = ((TaskUpdateEvent) events.getLast()).getTask();
    var report = (DataPart) task.getArtifacts().get(0).parts().get(0);
    assertThat(report.getData().toString()).contains("failed=1").contains("executed=2");
  }

  @Test
  void messageSendWaitsForTheRunAndGetTaskAnswersTheSameTask() throws Exception {
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    Client client = client(false, events, new CompletableFuture<>());

    client.sendMessage(run(Map.of()));

    Task task = ((TaskEvent) events.get(0)).getTask();
    assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(task.getStatus().message().getParts().get(0).toString()).isNotNull();
    Task again = client.getTask(new TaskQueryParams(task.getId()), null);
    assertThat(again.getArtifacts().get(0).parts()).hasSize(2);
    assertThat(((Map<?, ?>) again.getMetadata().get("evident")).get("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void cancelsARunningTaskAndRefusesToCancelItTwice() throws Exception {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);
    Map<String, Object> send =
        new java.util.HashMap<>(
            A2aPeer.dataMessage(Map.of("suite", "smoke", "parameters", Map.of("sleep", 30))));
    send.put("configuration", Map.of("returnImmediately", true));
    String id = peer.call("SendMessage", send).at("/result/task/id").asText();
    Client client = client(false, new ArrayList<>(), new CompletableFuture<>());

    Task canceled = client.cancelTask(new TaskIdParams(id), null);

    assertThat(canceled.getStatus().state()).isEqualTo(TaskState.CANCELED);
    assertThatThrownBy(() -> client.cancelTask(new TaskIdParams(id), null))
        .hasCauseInstanceOf(TaskNotCancelableError.class);
  }

  @Test
  void runsAnEvaluatorStyleRequestListsItAndSubscribesToIt() {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);
    Map<String, Object> send =
        new java.util.HashMap<>(
            A2aPeer.dataMessage(
                Map.of(
                    "participants",
                    Map.of("name", "agent"),
                    "config",
                    Map.of("suite", "smoke", "sleep", 1))));
    send.put("configuration", Map.of("returnImmediately", true));
    JsonNode task = peer.call("SendMessage", send).at("/result/task");
    String id = task.get("id").asText();
    assertThat(task.at("/metadata/evident/parameters/name").asText()).isEqualTo("agent");

    List<JsonNode> events = peer.stream("SubscribeToTask", Map.of("id", id));

    assertThat(events.getFirst().at("/result/task/id").asText()).isEqualTo(id);
    assertThat(events.getLast().at("/result/statusUpdate/status/state").asText())
        .isEqualTo("TASK_STATE_COMPLETED");
    JsonNode list = peer.call("ListTasks", Map.of("pageSize", 10)).get("result");
    assertThat(list.get("tasks").findValuesAsText("id")).contains(id);
    assertThat(list.get("nextPageToken").asText()).isEmpty();
    assertThat(peer.call("SubscribeToTask", Map.of("id", id)).at("/error/code").asInt())
        .isEqualTo(-32004);
  }

  @Test
  void anInvalidParameterOrUnknownSuiteIsInvalidParamsNamingTheProblem() {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);

    JsonNode bad =
        peer.call(
            "SendMessage",
            A2aPeer.dataMessage(Map.of("suite", "smoke", "parameters", Map.of("sleep", 99))));
    JsonNode unknown = peer.call("SendMessage", A2aPeer.dataMessage(Map.of("suite", "nope")));

    assertThat(bad.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(bad.at("/error/message").asText()).contains("sleep");
    assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(unknown.at("/error/message").asText()).contains("nope");
  }

  @Test
  void aTokenRunsAndSeesOnlyItsProjectsTasks() {
    fx.server.close();
    String shop = fx.token("shop", Scope.RUN, Scope.READ);
    String other = fx.token("other", Scope.RUN, Scope.READ);
    startServer(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    String endpoint = fx.server.url() + "/a2a";
    A2aPeer shopPeer = new A2aPeer(endpoint, "1.0", shop);
    A2aPeer otherPeer = new A2aPeer(endpoint, "1.0", other);
    Map<String, Object> send =
        new java.util.HashMap<>(A2aPeer.dataMessage(Map.of("suite", "smoke")));
    send.put("configuration", Map.of("returnImmediately", true));

    String id = shopPeer.call("SendMessage", send).at("/result/task/id").asText();

    assertThat(id).isNotEmpty();
    assertThat(otherPeer.call("GetTask", Map.of("id", id)).at("/error/code").asInt())
        .isEqualTo(-32001);
    assertThat(otherPeer.call("ListTasks", Map.of()).at("/result/tasks")).isEmpty();
    assertThat(shopPeer.call("ListTasks", Map.of()).at("/result/tasks").findValuesAsText("id"))
        .contains(id);
    String body;
    try {
      body =
          A2aPeer.JSON.writeValueAsString(
              Map.of("jsonrpc", "2.0", "id", 1, "method", "SendMessage", "params", send));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(otherPeer.raw(body).status()).isEqualTo(403);
  }

  @Test
  void streamsProgressAsStatusUpdatesWithTestsDoneAndFailedSoFar() {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);

    List<JsonNode> events =
        peer.stream("SendStreamingMessage", A2aPeer.dataMessage(Map.of("suite", "tap")));

    List<String> progress = new ArrayList<>();
    long lastDone = -1;
    for (JsonNode e : events) {
      JsonNode update = e.at("/result/statusUpdate");
      if (update.isMissingNode()
          || !update.at("/status/state").asText().equals("TASK_STATE_WORKING")) {
        continue;
      }
      long done = update.at("/metadata/evident/testsDone").asLong();
      assertThat(done).isGreaterThanOrEqualTo(lastDone);
      lastDone = done;
      progress.add(update.at("/status/message/parts/0/text").asText());
    }
    assertThat(progress)
        .anyMatch(t -> t.matches("running suite tap: [1-4] tests done, [01] failed so far"));
    assertThat(events.getLast().at("/result/statusUpdate/status/state").asText())
        .isEqualTo("TASK_STATE_COMPLETED");
  }

  @Test
  void resubscribesWithTheOfficialClientToATaskStartedWithoutBlocking() throws Exception {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", null, null);
    JsonNode started =
        peer.call(
            "message/send",
            Map.of(
                "message",
                Map.of(
                    "kind", "message",
                    "messageId", "m1",
                    "role", "user",
                    "parts",
                        List.of(
                            Map.of(
                                "kind",
                                "data",
                                "data",
                                Map.of("suite", "smoke", "parameters", Map.of("sleep", 1))))),
                "configuration",
                Map.of("blocking", false)));
    String id = started.at("/result/id").asText();
    assertThat(started.at("/result/status/state").asText()).isIn("submitted", "working");
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();

    client(true, events, done).resubscribe(new TaskIdParams(id), null);
    done.get(60, TimeUnit.SECONDS);

    assertThat(((TaskEvent) events.getFirst()).getTask().getId()).isEqualTo(id);
    var last = (TaskStatusUpdateEvent) ((TaskUpdateEvent) events.getLast()).getUpdateEvent();
    assertThat(last.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(last.isFinal()).isTrue();
  }

  private TaskSuite broken() {
    return new TaskSuite(
        "broken",
        "shop",
        List.of(dir.resolve("no-such-command").toString()),
        dir,
        List.of(),
        Map.of(),
        Duration.ofMinutes(1),
        1);
  }

  @Test
  void aCommandThatCannotStartIsAFailedTaskSayingWhy() {
    A2aPeer peer = new A2aPeer(fx.server.url() + "/a2a", "1.0", null);

    JsonNode task =
        peer.call("SendMessage", A2aPeer.dataMessage(Map.of("suite", "broken"))).at("/result/task");

    assertThat(task.at("/status/state").asText()).isEqualTo("TASK_STATE_FAILED");
    assertThat(task.at("/status/message/parts/0/text").asText()).startsWith("harness error: ");
    assertThat(task.at("/metadata/evident/state").asText()).isEqualTo("FAILED");
  }
}
