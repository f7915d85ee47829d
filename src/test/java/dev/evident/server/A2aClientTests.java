package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.a2a.spec.PushNotificationConfig;
import io.a2a.spec.PushNotificationNotSupportedError;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskNotCancelableError;
import io.a2a.spec.TaskNotFoundError;
import io.a2a.spec.TaskPushNotificationConfig;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official a2a-java client (0.3.3.Final) as a real peer of the A2A agent in evident serve. */
class A2aClientTests {

  @TempDir Path dir;
  ServerFixture fx;
  AgentCard card;

  @BeforeEach
  void start() throws Exception {
    fx = new ServerFixture(dir).start();
    var answer =
        fx.post(
            "/api/v1/projects/shop/runs?name=TEST-s.xml",
            null,
            "application/xml",
            junit("S", 18, 2).getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    card = A2A.getAgentCard(fx.server.url());
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
        // The client cancels its request once it has the final event ("Request cancelled"): an
        // error only when it comes before.
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

  @Test
  void readsTheCardWithBothSkillsStreamingAndTheJsonRpcEndpoint() {
    assertThat(card.url()).isEqualTo(fx.server.url() + "/a2a");
    assertThat(card.capabilities().streaming()).isTrue();
    assertThat(card.capabilities().pushNotifications()).isFalse();
    assertThat(card.skills()).extracting(s -> s.id()).containsExactly("run-suite", "verify-report");
  }

  @Test
  void verifiesAReportWithMessageSendAndGetsTheVerdictsAsAnArtifact() throws Exception {
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    Client client = client(false, events, new CompletableFuture<>());

    client.sendMessage(A2A.toUserMessage("- 20 of 20 tests pass"));

    assertThat(events).hasSize(1);
    Task task = ((TaskEvent) events.get(0)).getTask();
    assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    var parts = task.getArtifacts().get(0).parts();
    assertThat(((DataPart) parts.get(0)).getData().toString()).contains("CONTRADICTED");
    assertThat(((TextPart) parts.get(1)).getText()).contains("CONTRADICTED");
    assertThat(client.getTask(new TaskQueryParams(task.getId()), null).getId())
        .isEqualTo(task.getId());
  }

  @Test
  void streamsAVerificationAsTaskArtifactAndFinalStatusInOrder() throws Exception {
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Client client = client(true, events, done);

    client.sendMessage(A2A.toUserMessage("- 18 of 20 tests pass"));
    done.get(30, TimeUnit.SECONDS);

    assertThat(events).hasSize(3);
    assertThat(((TaskEvent) events.get(0)).getTask().getStatus().state())
        .isEqualTo(TaskState.WORKING);
    assertThat(((TaskUpdateEvent) events.get(1)).getUpdateEvent())
        .isInstanceOf(TaskArtifactUpdateEvent.class);
    var last = (TaskStatusUpdateEvent) ((TaskUpdateEvent) events.get(2)).getUpdateEvent();
    assertThat(last.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(last.isFinal()).isTrue();
    assertThat(((TaskUpdateEvent) events.get(2)).getTask().getArtifacts()).hasSize(1);
  }

  @Test
  void answersTaskNotFoundNotCancelableAndPushNotificationsNotSupported() throws Exception {
    List<ClientEvent> events = new CopyOnWriteArrayList<>();
    Client client = client(false, events, new CompletableFuture<>());
    client.sendMessage(A2A.toUserMessage("- 18 of 20 tests pass"));
    String verified = ((TaskEvent) events.get(0)).getTask().getId();

    assertThatThrownBy(() -> client.getTask(new TaskQueryParams("12345"), null))
        .hasCauseInstanceOf(TaskNotFoundError.class);
    assertThatThrownBy(() -> client.cancelTask(new TaskIdParams(verified), null))
        .hasCauseInstanceOf(TaskNotCancelableError.class);
    assertThatThrownBy(
            () ->
                client.setTaskPushNotificationConfiguration(
                    new TaskPushNotificationConfig(
                        verified,
                        new PushNotificationConfig.Builder().url("http://127.0.0.1:1/").build()),
                    null))
        .hasCauseInstanceOf(PushNotificationNotSupportedError.class);
  }
}
