package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class A2aAskTests {

  private static JsonNode json(String text) {
    try {
      return A2aPeer.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static A2aAsk ask(String parts) {
    return A2aAsk.of(json("{\"role\": \"user\", \"parts\": " + parts + "}"));
  }

  @Test
  void readsASuiteAndItsParametersFromADataPart() {
    A2aAsk ask =
        ask("[{\"kind\": \"data\", \"data\": {\"suite\": \"smoke\", \"parameters\": {\"n\": 3}}}]");

    assertThat(ask).isEqualTo(new A2aAsk.RunSuite("smoke", Map.of("n", 3)));
  }

  @Test
  void readsTheSameRequestFromJsonText() {
    A2aAsk ask = ask("[{\"text\": \" {\\\"suite\\\": \\\"smoke\\\"} \"}]");

    assertThat(ask).isEqualTo(new A2aAsk.RunSuite("smoke", Map.of()));
  }

  @Test
  void mapsTheEvaluatorStyleConfigToParametersAndParticipantsToParametersNamedByRole() {
    A2aAsk ask =
        ask(
            "[{\"data\": {\"participants\": {\"agent\": \"http://127.0.0.1:9009\"},"
                + " \"config\": {\"suite\": \"tau\", \"max_tasks\": 5, \"domain\": \"airline\"}}}]");

    assertThat(ask)
        .isEqualTo(
            new A2aAsk.RunSuite(
                "tau",
                Map.of("agent", "http://127.0.0.1:9009", "max_tasks", 5, "domain", "airline")));
  }

  @Test
  void refusesAParticipantAndAConfigEntryThatSetTheSameParameter() {
    assertThatThrownBy(
            () ->
                ask(
                    "[{\"data\": {\"participants\": {\"agent\": \"a\"}, \"config\": {\"suite\":"
                        + " \"s\", \"agent\": \"b\"}}}]"))
        .isInstanceOfSatisfying(
            A2aError.class, e -> assertThat(e.code()).isEqualTo(A2aError.INVALID_PARAMS))
        .hasMessageContaining("parameter agent");
  }

  @Test
  void anEvaluatorRequestWithoutConfigSuiteNamesWhatIsMissing() {
    assertThatThrownBy(() -> ask("[{\"data\": {\"participants\": {}, \"config\": {}}}]"))
        .hasMessageContaining("config.suite");
  }

  @Test
  void plainTextIsAReportToVerify() {
    A2aAsk ask = ask("[{\"kind\": \"text\", \"text\": \"- 18 of 20 tests pass\"}]");

    assertThat(ask)
        .isEqualTo(new A2aAsk.Verify("- 18 of 20 tests pass", null, java.util.List.of(), null));
  }

  @Test
  void aReportDataPartNamesItsProjectAndRuns() {
    A2aAsk ask =
        ask("[{\"data\": {\"report\": \"all pass\", \"project\": \"shop\", \"runs\": [\"12\"]}}]");

    assertThat(ask).isEqualTo(new A2aAsk.Verify("all pass", "shop", java.util.List.of("12"), null));
  }

  @Test
  void aFilePartIsAContentTypeThisAgentDoesNotRead() {
    assertThatThrownBy(() -> ask("[{\"kind\": \"file\", \"file\": {\"uri\": \"http://x\"}}]"))
        .isInstanceOfSatisfying(
            A2aError.class,
            e -> assertThat(e.code()).isEqualTo(A2aError.CONTENT_TYPE_NOT_SUPPORTED));
  }

  @Test
  void aMessageWithoutPartsIsInvalidParams() {
    assertThatThrownBy(() -> ask("[]"))
        .isInstanceOfSatisfying(
            A2aError.class, e -> assertThat(e.code()).isEqualTo(A2aError.INVALID_PARAMS));
  }

  @Test
  void aNullParameterIsRefusedNotSentAsNull() {
    assertThatThrownBy(() -> ask("[{\"data\": {\"suite\": \"s\", \"parameters\": {\"n\": null}}}]"))
        .hasMessageContaining("parameter n is null");
  }

  @Test
  void versionsSpellStatesAndMethodsTheirOwnWay() {
    assertThat(A2aVersion.of(null)).isEqualTo(A2aVersion.V0_3);
    assertThat(A2aVersion.of("1.0.2")).isEqualTo(A2aVersion.V1_0);
    assertThat(A2aVersion.V0_3.state(A2aState.COMPLETED)).isEqualTo("completed");
    assertThat(A2aVersion.V1_0.state(A2aState.CANCELED)).isEqualTo("TASK_STATE_CANCELED");
    assertThat(A2aVersion.V0_3.op("tasks/resubscribe")).isEqualTo(A2aVersion.Op.SUBSCRIBE);
    assertThat(A2aVersion.V1_0.op("SubscribeToTask")).isEqualTo(A2aVersion.Op.SUBSCRIBE);
    assertThatThrownBy(() -> A2aVersion.of("2.0"))
        .isInstanceOfSatisfying(
            A2aError.class, e -> assertThat(e.code()).isEqualTo(A2aError.VERSION_NOT_SUPPORTED));
  }

  @Test
  void serverTaskStatesMapToA2aStatesWithFailedOnlyForRunsThatDidNotEnd() {
    assertThat(A2aState.of(dev.evident.service.TaskState.COMPLETED)).isEqualTo(A2aState.COMPLETED);
    assertThat(A2aState.of(dev.evident.service.TaskState.QUEUED)).isEqualTo(A2aState.SUBMITTED);
    assertThat(A2aState.of(dev.evident.service.TaskState.CANCELLED)).isEqualTo(A2aState.CANCELED);
    assertThat(A2aState.of(dev.evident.service.TaskState.TIMED_OUT)).isEqualTo(A2aState.FAILED);
    assertThat(A2aState.parse("TASK_STATE_WORKING")).isEqualTo(A2aState.WORKING);
    assertThat(A2aState.parse("canceled")).isEqualTo(A2aState.CANCELED);
  }
}
