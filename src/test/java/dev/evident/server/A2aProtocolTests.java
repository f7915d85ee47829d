package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A2A endpoint spoken to by our own JSON-RPC client: card, 1.0 methods, errors, tokens. */
class A2aProtocolTests {

  @TempDir Path dir;
  ServerFixture fx;

  @BeforeEach
  void start() {
    fx = new ServerFixture(dir).start();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private A2aPeer peer(String version) {
    return new A2aPeer(fx.server.url() + "/a2a", version, null);
  }

  private void upload(int passed, int failed) {
    var answer =
        fx.post(
            "/api/v1/projects/shop/runs?name=TEST-s.xml",
            null,
            "application/xml",
            junit("S", passed, failed).getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  @Test
  void theCardDescribesBothSkillsStreamingAndNoPushNotificationsAtBothWellKnownPaths() {
    for (String path : A2aRoutes.CARD_PATHS) {
      JsonNode card = fx.get(path).json();

      assertThat(card.get("url").asText()).isEqualTo(fx.server.url() + "/a2a");
      assertThat(card.get("protocolVersion").asText()).isEqualTo("0.3.0");
      assertThat(card.at("/capabilities/streaming").asBoolean()).isTrue();
      assertThat(card.at("/capabilities/pushNotifications").asBoolean()).isFalse();
      assertThat(card.get("skills").findValuesAsText("id"))
          .containsExactly(A2aCard.RUN_SKILL, A2aCard.VERIFY_SKILL);
      assertThat(card.has("securitySchemes")).isFalse();
    }
  }

  @Test
  void aVersionOneCardListsItsInterfacesWithoutTheZeroThreeFields() {
    var answer =
        fx.send(
            fx.request("/.well-known/agent-card.json", null)
                .header("A2A-Version", "1.0")
                .GET()
                .build());
    JsonNode card = answer.json();

    assertThat(card.has("url")).isFalse();
    assertThat(card.get("supportedInterfaces").findValuesAsText("protocolVersion"))
        .containsExactly("1.0", "0.3");
    assertThat(card.at("/capabilities/extendedAgentCard").asBoolean()).isFalse();
  }

  @Test
  void verifiesAReportAtOnceAsACompletedTaskWithVerdictsAsItsArtifact() {
    upload(18, 2);

    JsonNode answer =
        peer("1.0").call("SendMessage", A2aPeer.textMessage("- 20 of 20 tests pass\n"));

    JsonNode task = answer.at("/result/task");
    assertThat(task.at("/status/state").asText()).isEqualTo("TASK_STATE_COMPLETED");
    JsonNode parts = task.at("/artifacts/0/parts");
    assertThat(parts.get(0).get("mediaType").asText()).isEqualTo("application/json");
    assertThat(parts.get(0).get("data").toString()).contains("CONTRADICTED");
    assertThat(parts.get(1).get("text").asText()).contains("CONTRADICTED");
    JsonNode again = peer("1.0").call("GetTask", Map.of("id", task.get("id").asText()));
    assertThat(again.at("/result/id").asText()).isEqualTo(task.get("id").asText());
  }

  @Test
  void streamsAVerificationAsTaskThenArtifactThenTheFinalStatus() {
    upload(3, 0);

    List<JsonNode> events =
        peer("1.0").stream("SendStreamingMessage", A2aPeer.textMessage("- 3 of 3 tests pass"));

    assertThat(events).hasSize(3);
    assertThat(events.get(0).at("/result/task/status/state").asText())
        .isEqualTo("TASK_STATE_WORKING");
    assertThat(events.get(1).at("/result/artifactUpdate/artifact/parts/0/data").toString())
        .contains("SUPPORTED");
    assertThat(events.get(2).at("/result/statusUpdate/status/state").asText())
        .isEqualTo("TASK_STATE_COMPLETED");
    assertThat(events.get(2).at("/result/statusUpdate").has("final")).isFalse();
  }

  @Test
  void answersTheSpecErrorCodes() {
    A2aPeer v1 = peer("1.0");
    assertThat(v1.call("GetTask", Map.of("id", "999")).at("/error/code").asInt()).isEqualTo(-32001);
    assertThat(v1.call("GetTask", Map.of("id", "verify-x")).at("/error/code").asInt())
        .isEqualTo(-32001);
    assertThat(v1.call("CancelTask", Map.of("id", "999")).at("/error/code").asInt())
        .isEqualTo(-32001);
    assertThat(v1.call("GetTask", Map.of()).at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(v1.call("tasks/get", Map.of("id", "1")).at("/error/message").asText())
        .contains("A2A-Version: 0.3");
    assertThat(v1.call("NoSuchMethod", Map.of()).at("/error/code").asInt()).isEqualTo(-32601);
    assertThat(
            v1.call("CreateTaskPushNotificationConfig", Map.of("taskId", "1"))
                .at("/error/code")
                .asInt())
        .isEqualTo(-32003);
    assertThat(
            peer(null).call("tasks/pushNotificationConfig/set", Map.of()).at("/error/code").asInt())
        .isEqualTo(-32003);
    assertThat(v1.call("GetExtendedAgentCard", Map.of()).at("/error/code").asInt())
        .isEqualTo(-32004);
    assertThat(peer("2.1").call("GetTask", Map.of("id", "1")).at("/error/code").asInt())
        .isEqualTo(-32009);
    assertThat(peer("2.1").call("GetTask", Map.of("id", "1")).at("/error/data/supportedVersions"))
        .hasSize(2);
    assertThat(v1.raw("{not json").json().at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(v1.raw("{\"id\": 1, \"method\": \"GetTask\"}").json().at("/error/code").asInt())
        .isEqualTo(-32600);
  }

  @Test
  void aVerifiedTaskIsNotCancelable() {
    upload(1, 0);
    String id =
        peer(null)
            .call(
                "message/send",
                Map.of(
                    "message",
                    Map.of(
                        "kind", "message",
                        "messageId", "m1",
                        "role", "user",
                        "parts", List.of(Map.of("kind", "text", "text", "- 1 of 1 tests pass")))))
            .at("/result/id")
            .asText();

    JsonNode answer = peer(null).call("tasks/cancel", Map.of("id", id));

    assertThat(answer.at("/error/code").asInt()).isEqualTo(-32002);
  }

  @Test
  void withTokensRequiredTheCardDeclaresBearerAndEachMethodNeedsItsScope() {
    fx.close();
    fx = new ServerFixture(dir);
    fx.start(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    String read = fx.token("shop", Scope.READ);
    String endpoint = fx.server.url() + "/a2a";

    JsonNode card = fx.get("/.well-known/agent-card.json").json();
    assertThat(card.at("/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(card.get("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    assertThat(new A2aPeer(endpoint, "1.0", null).raw("{}").status()).isEqualTo(401);
    A2aPeer reader = new A2aPeer(endpoint, "1.0", read);
    assertThat(reader.call("GetTask", Map.of("id", "1")).at("/error/code").asInt())
        .isEqualTo(-32001);
    assertThat(
            reader
                .raw(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":"
                        + "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m\",\"parts\":"
                        + "[{\"data\":{\"suite\":\"smoke\"}}]}}}")
                .status())
        .isEqualTo(403);
  }
}
