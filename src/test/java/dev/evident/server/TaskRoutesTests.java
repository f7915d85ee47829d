package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.model.Scope;
import dev.evident.model.TaskSuite;
import dev.evident.service.Await;
import dev.evident.service.TaskFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tasks API on a real server with real workers running real commands. */
class TaskRoutesTests {

  @TempDir Path dir;
  private ServerFixture fx;

  @AfterEach
  void stop() {
    fx.close();
  }

  private ServerFixture start(boolean requireTokens) {
    TaskSuite unit = TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 2);
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE, FlakySettings.DEFAULT, List.of(), GateRules.NONE, List.of(unit));
    fx = new ServerFixture(dir);
    return fx.start(
        ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(requireTokens),
        config,
        TaskFixtures.quick(2));
  }

  private JsonNode ended(String path, String token) {
    return Await.until(
        path + " to end",
        Duration.ofSeconds(60),
        () -> {
          JsonNode t = fx.get(path, token).json();
          return t.path("terminal").asBoolean() ? t : null;
        });
  }

  @Test
  void aSubmittedTaskIsAcceptedWith202AndALocationAndEndsWithItsRun() {
    start(false);
    ServerFixture.Answer a =
        fx.postJson("/api/v1/tasks", null, "{\"suite\":\"unit\",\"parameters\":{\"name\":\"x\"}}");

    assertThat(a.status()).isEqualTo(202);
    long id = a.json().get("id").asLong();
    assertThat(a.response().headers().firstValue("Location")).hasValue("/api/v1/tasks/" + id);
    assertThat(a.json().get("state").asText()).isEqualTo("QUEUED");
    assertThat(a.json().get("parameters").get("fail").asBoolean()).isFalse();

    JsonNode done = ended("/api/v1/tasks/" + id, null);
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    long run = done.get("run_id").asLong();
    JsonNode stored = fx.get("/api/v1/projects/shop/runs/" + run).json();
    assertThat(stored.toString()).contains("PASSED");
    assertThat(fx.get("/api/v1/tasks?state=COMPLETED").json().get("tasks")).hasSize(1);
    assertThat(fx.get("/api/v1/tasks?state=QUEUED").json().get("tasks")).isEmpty();
  }

  @Test
  void validationAndTheSchemaShowEveryDefaultAndEveryProblem() {
    start(false);
    JsonNode ok = fx.postJson("/api/v1/tasks/validate", null, "{\"suite\":\"unit\"}").json();
    assertThat(ok.get("valid").asBoolean()).isTrue();
    assertThat(ok.get("parameters").toString())
        .isEqualTo("{\"fail\":false,\"name\":\"two\",\"sleep\":0}");

    JsonNode bad =
        fx.postJson(
                "/api/v1/tasks/validate",
                null,
                "{\"suite\":\"unit\",\"parameters\":{\"sleep\":-1}}")
            .json();
    assertThat(bad.get("valid").asBoolean()).isFalse();
    assertThat(bad.get("problems").get(0).asText()).isEqualTo("sleep must be at least 0, not -1");

    JsonNode schema = fx.get("/api/v1/tasks/schema").json().get("suites").get(0);
    assertThat(schema.get("name").asText()).isEqualTo("unit");
    assertThat(schema.get("defaults").toString())
        .isEqualTo("{\"fail\":false,\"name\":\"two\",\"sleep\":0}");
    assertThat(schema.get("parameters").get("properties").has("sleep")).isTrue();
    assertThat(schema.get("timeout_seconds").asLong()).isEqualTo(30);

    ServerFixture.Answer refused =
        fx.postJson("/api/v1/tasks", null, "{\"suite\":\"unit\",\"parameters\":{\"x\":1}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").asText()).contains("unknown parameter 'x'");
  }

  @Test
  void aCancelStopsARunningTaskAndACancelOfAnEndedOneIs409() {
    start(false);
    long id =
        fx.postJson("/api/v1/tasks", null, "{\"suite\":\"unit\",\"parameters\":{\"sleep\":30}}")
            .json()
            .get("id")
            .asLong();
    Await.until(
        "task to run",
        Duration.ofSeconds(60),
        () -> fx.get("/api/v1/tasks/" + id).json().get("state").asText().equals("RUNNING"));

    assertThat(fx.postJson("/api/v1/tasks/" + id + "/cancel", null, "").status()).isEqualTo(202);
    assertThat(ended("/api/v1/tasks/" + id, null).get("state").asText()).isEqualTo("CANCELLED");

    ServerFixture.Answer again = fx.postJson("/api/v1/tasks/" + id + "/cancel", null, "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asText()).contains("already ended: CANCELLED");
  }

  @Test
  void aProjectsTokenNeitherSeesNorStartsNorCancelsAnotherProjectsTasks() {
    start(true);
    String shop = fx.token("shop", Scope.RUN, Scope.READ);
    String other = fx.token("other", Scope.RUN, Scope.READ);
    String readOnly = fx.token("shop", Scope.READ);
    long id = fx.postJson("/api/v1/tasks", shop, "{\"suite\":\"unit\"}").json().get("id").asLong();

    assertThat(fx.postJson("/api/v1/tasks", other, "{\"suite\":\"unit\"}").status()).isEqualTo(403);
    assertThat(fx.postJson("/api/v1/tasks", readOnly, "{\"suite\":\"unit\"}").status())
        .isEqualTo(403);
    assertThat(fx.get("/api/v1/tasks/" + id, other).status()).isEqualTo(404);
    assertThat(fx.postJson("/api/v1/tasks/" + id + "/cancel", other, "").status()).isEqualTo(404);
    assertThat(fx.get("/api/v1/tasks", other).json().get("tasks")).isEmpty();
    assertThat(fx.get("/api/v1/tasks?project=shop", other).status()).isEqualTo(403);
    assertThat(fx.get("/api/v1/tasks/schema", other).json().get("suites")).isEmpty();
    assertThat(fx.get("/api/v1/tasks", shop).json().get("tasks")).hasSize(1);
    assertThat(fx.get("/api/v1/tasks").status()).isEqualTo(401);
  }

  @Test
  void anArbitraryCommandIsRefusedUnlessAnAdminAsksAServerThatAllowsThem() {
    start(true);
    String admin = fx.token("shop", Scope.ADMIN);
    String runner = fx.token("shop", Scope.RUN);
    String body = "{\"command\":[\"true\"],\"project\":\"shop\"}";

    ServerFixture.Answer notAdmin = fx.postJson("/api/v1/tasks", runner, body);
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.json().get("error").asText()).contains("admin scope");
    ServerFixture.Answer notAllowed = fx.postJson("/api/v1/tasks", admin, body);
    assertThat(notAllowed.status()).isEqualTo(403);
    assertThat(notAllowed.json().get("error").asText()).contains("--allow-commands");
  }

  @Test
  void tasksArePagedNewestFirstWithANextLink() {
    start(false);
    for (int i = 0; i < 3; i++) {
      fx.postJson("/api/v1/tasks", null, "{\"suite\":\"unit\"}");
    }
    JsonNode first = fx.get("/api/v1/tasks?limit=2").json();
    assertThat(first.get("tasks")).hasSize(2);
    assertThat(first.get("tasks").get(0).get("id").asLong())
        .isGreaterThan(first.get("tasks").get(1).get("id").asLong());
    JsonNode second = fx.get(first.get("next").asText()).json();
    assertThat(second.get("tasks")).hasSize(1);
    assertThat(second.get("next").isNull()).isTrue();
  }
}
