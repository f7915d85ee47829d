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
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-model runs on a real server with real workers: one submission with {@code models} runs the
 * suite once per model, and the group answers the models side by side.
 */
class TaskGroupRoutesTests {

  /**
   * An evaluation whose answers depend on the model it is given: m1 gets both questions right, m2
   * one, any other none. Each answer used 1000 input and 10 output tokens. It exits 3 unless
   * {{model}} and EVIDENT_MODEL agree; models named slow... first sleep 30 s.
   */
  static TaskSuite evals(String name, Path workDir, Map<String, Object> schema) {
    String script =
        "[ \"$1\" = \"$EVIDENT_MODEL\" ] || exit 3; case \"$1\" in slow*) sleep 30;; esac; "
            + "mkdir -p out/$EVIDENT_TASK_ID; "
            + "W='<failure message=\"wrong answer\"/>'; "
            + "case \"$EVIDENT_MODEL\" in m1) A=''; B='';; m2) A=''; B=\"$W\";; "
            + "*) A=\"$W\"; B=\"$W\";; esac; "
            + "P='<properties><property name=\"tokens.input\" value=\"1000\"/>"
            + "<property name=\"tokens.output\" value=\"10\"/></properties>'; "
            + "printf '<testsuite name=\"evals\" tests=\"2\">"
            + "<testcase classname=\"math\" name=\"q1\">%s%s</testcase>"
            + "<testcase classname=\"math\" name=\"q2\">%s%s</testcase></testsuite>'"
            + " \"$P\" \"$A\" \"$P\" \"$B\" > out/$EVIDENT_TASK_ID/TEST-evals.xml";
    return new TaskSuite(
        name,
        "bench",
        List.of("sh", "-c", script, "evals", "{{model}}"),
        workDir,
        List.of("out/{{task.id}}/*.xml"),
        schema,
        Duration.ofSeconds(60),
        3);
  }

  @TempDir Path dir;
  private ServerFixture fx;

  @AfterEach
  void stop() {
    fx.close();
  }

  private void start(boolean requireTokens) {
    Map<String, Object> enumOfModels =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("model", Map.of("type", "string", "enum", List.of("m1", "m2", "m3"))));
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(
                evals("evals", dir, Map.of("type", "object", "properties", Map.of())),
                evals("listed", dir, enumOfModels)));
    fx = new ServerFixture(dir);
    fx.start(
        ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(requireTokens),
        config,
        TaskFixtures.quick(3));
  }

  private JsonNode ended(String path) {
    return Await.until(
        path + " to end",
        Duration.ofSeconds(60),
        () -> {
          JsonNode g = fx.get(path).json();
          return g.path("terminal").asBoolean() ? g : null;
        });
  }

  @Test
  void threeModelsGiveThreeCompletedRunsWithTheirModelAndAComparisonWithDenominators() {
    start(false);
    ServerFixture.Answer a =
        fx.postJson(
            "/api/v1/tasks", null, "{\"suite\":\"evals\",\"models\":[\"m1\",\"m2\",\"m3\"]}");

    assertThat(a.status()).as(a.body()).isEqualTo(202);
    long group = a.json().get("group").asLong();
    assertThat(a.response().headers().firstValue("Location"))
        .hasValue("/api/v1/task-groups/" + group);
    assertThat(a.json().get("tasks")).hasSize(3);
    assertThat(a.json().get("tasks").get(0).get("id").asLong()).isEqualTo(group);
    assertThat(a.json().get("tasks").findValuesAsText("model")).containsExactly("m1", "m2", "m3");

    JsonNode done = ended("/api/v1/task-groups/" + group);
    assertThat(done.get("states").toString()).isEqualTo("{\"COMPLETED\":3}");
    List<Long> runs = new ArrayList<>();
    for (JsonNode t : done.get("tasks")) {
      assertThat(t.get("group").asLong()).isEqualTo(group);
      long run = t.get("run_id").asLong();
      runs.add(run);
      JsonNode stored = fx.get("/api/v1/projects/bench/runs/" + run).json();
      assertThat(stored.toString()).contains("\"model\":\"" + t.get("model").asText() + "\"");
    }
    JsonNode byModel = done.get("comparison").get("byModel");
    assertThat(byModel.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("m1", "m2", "m3");
    assertThat(tally(byModel.get("m1"))).isEqualTo("2 of 2 passed, 2000 input tokens");
    assertThat(tally(byModel.get("m2"))).isEqualTo("1 of 2 passed, 2000 input tokens");
    assertThat(tally(byModel.get("m3"))).isEqualTo("0 of 2 passed, 2000 input tokens");
    JsonNode runByModel = done.get("comparison").get("runByModel");
    assertThat(List.of("m1", "m2", "m3").stream().map(m -> runByModel.get(m).asLong()))
        .containsExactlyElementsOf(runs);
    assertThat(done.get("comparison").get("byModelAndPackage").get("m2").has("math")).isTrue();
    assertThat(done.get("comparison_text").asText()).contains("m1", "m2", "m3", "of 2");

    // the project's own compare --by model groups the same runs by the same models
    JsonNode project = fx.get("/api/v1/projects/bench/compare/models").json();
    assertThat(project.get("byModel").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("m1", "m2", "m3");
  }

  @Test
  void modelsGivenInTheUiFormStartAGroupWhosePageListsItsTasksAndComparesTheModels() {
    start(false);
    var started =
        fx.send(
            fx.request("/ui/tasks", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", fx.server.url())
                .POST(
                    HttpRequest.BodyPublishers.ofString("suite=evals&parameters=&models=m1%2C+m2"))
                .build());

    assertThat(started.status()).as(started.body()).isEqualTo(303);
    String page = started.response().headers().firstValue("Location").orElseThrow();
    assertThat(page).isEqualTo("/ui/task-groups/1");
    ended("/api/v1/task-groups/1");
    String html = fx.get(page).body();
    assertThat(html)
        .contains("<h1>Task group 1</h1>")
        .contains("evals · model m1 · <a href=\"/ui/task-groups/1\">group 1</a>")
        .contains("evals · model m2 · ")
        .contains("Models compared")
        .containsPattern("(?s)<pre class=\"code\">.*m1.*m2.*of 2");
    assertThat(fx.get("/ui/tasks").body()).contains("model m2 · ");
    assertThat(fx.get("/ui/task-groups/99").status()).isEqualTo(404);
  }

  private static String tally(JsonNode t) {
    return t.get("passed").asLong()
        + " of "
        + t.get("executed").asLong()
        + " passed, "
        + t.get("tokens").get("input").asLong()
        + " input tokens";
  }

  @Test
  void aBadModelsListIsRefusedWith400NamingWhatIsWrongAndQueuesNothing() {
    start(false);
    assertThat(error("{\"suite\":\"evals\",\"models\":[]}"))
        .contains("models is empty: give one or more model names");
    assertThat(error("{\"suite\":\"evals\",\"models\":[\"m1\",\"m2\",\"m1\"]}"))
        .contains("model m1 is listed twice (models[0] and models[2])");
    StringBuilder many = new StringBuilder("{\"suite\":\"evals\",\"models\":[\"x0\"");
    for (int i = 1; i < 21; i++) {
      many.append(",\"x").append(i).append('"');
    }
    assertThat(error(many + "]}")).contains("models lists 21 models; at most 20 per submission");
    assertThat(error("{\"suite\":\"evals\",\"models\":\"m1\"}"))
        .contains("\"models\" must be a list of model names");
    assertThat(error("{\"suite\":\"evals\",\"models\":[\"m1\", 2]}"))
        .contains("models[1] is number");
    assertThat(error("{\"suite\":\"evals\",\"models\":[\" \"]}")).contains("models[0] is blank");
    assertThat(
            error("{\"suite\":\"listed\",\"models\":[\"m1\"],\"parameters\":{\"model\":\"m2\"}}"))
        .contains("not both");
    assertThat(error("{\"suite\":\"listed\",\"models\":[\"m1\",\"gpt-9\"]}"))
        .contains("model gpt-9: model must be one of [m1, m2, m3], not the text 'gpt-9'");
    assertThat(error("{\"suite\":\"nope\",\"models\":[\"m1\"]}")).contains("unknown suite 'nope'");

    assertThat(fx.get("/api/v1/tasks").json().get("tasks")).isEmpty();
    JsonNode checked =
        fx.postJson(
                "/api/v1/tasks/validate", null, "{\"suite\":\"listed\",\"models\":[\"m1\",\"m1\"]}")
            .json();
    assertThat(checked.get("valid").asBoolean()).isFalse();
    assertThat(checked.get("problems").get(0).asText()).contains("listed twice");
  }

  private String error(String body) {
    ServerFixture.Answer a = fx.postJson("/api/v1/tasks", null, body);
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    return a.json().get("error").asText();
  }

  @Test
  void aSuiteThatDeclaresAModelParameterGetsEachModelThereAndARunTokenSeesOnlyItsProjectsGroups() {
    start(true);
    String bench = fx.token("bench", Scope.RUN, Scope.READ);
    String other = fx.token("other", Scope.RUN, Scope.READ);
    ServerFixture.Answer a =
        fx.postJson("/api/v1/tasks", bench, "{\"suite\":\"listed\",\"models\":[\"m2\",\"m3\"]}");
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    assertThat(a.json().get("tasks").get(1).get("parameters").get("model").asText())
        .isEqualTo("m3");
    String path = "/api/v1/task-groups/" + a.json().get("group").asLong();

    assertThat(fx.get(path, other).status()).isEqualTo(404);
    assertThat(
            fx.postJson("/api/v1/tasks", other, "{\"suite\":\"listed\",\"models\":[\"m1\"]}")
                .status())
        .isEqualTo(403);
    JsonNode done =
        Await.until(
            "the group to end",
            Duration.ofSeconds(60),
            () -> {
              JsonNode g = fx.get(path, bench).json();
              return g.path("terminal").asBoolean() ? g : null;
            });
    assertThat(done.get("completed").asLong()).isEqualTo(2);
    assertThat(done.get("comparison").get("byModel").get("m2").get("passed").asLong()).isEqualTo(1);
    assertThat(fx.get("/api/v1/task-groups/999", bench).status()).isEqualTo(404);
  }
}
