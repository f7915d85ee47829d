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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tasks page: a declared suite started from its form runs, and its live state ends. */
class UiTaskPagesTests {

  @TempDir Path dir;
  ServerFixture fx;

  @AfterEach
  void stop() {
    fx.close();
  }

  private void start(boolean requireTokens) {
    TaskSuite unit = TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 2);
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE, FlakySettings.DEFAULT, List.of(), GateRules.NONE, List.of(unit));
    fx = new ServerFixture(dir);
    if (requireTokens) {
      fx.token("shop", Scope.READ);
    }
    fx.start(
        ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(requireTokens),
        config,
        TaskFixtures.quick(2));
  }

  private ServerFixture.Answer post(String path, String form, String cookie, String origin) {
    HttpRequest.Builder b =
        fx.request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return fx.send(b.build());
  }

  private static String form(String suite, String parameters) {
    return "suite="
        + suite
        + "&parameters="
        + URLEncoder.encode(parameters, StandardCharsets.UTF_8);
  }

  @Test
  void aSuiteStartedFromTheFormRunsAndItsLiveStateReachesCompletedWithItsRun() {
    start(false);
    String page = fx.get("/ui/tasks").body();
    assertThat(page)
        .contains("<option value=\"unit\">unit (project shop)</option>")
        .contains("{&quot;fail&quot;:false,&quot;name&quot;:&quot;two&quot;,&quot;sleep&quot;:0}")
        .contains("No task yet.");

    var started = post("/ui/tasks", form("unit", "{\"name\": \"x\"}"), null, fx.server.url());
    assertThat(started.status()).as(started.body()).isEqualTo(303);
    assertThat(started.response().headers().firstValue("Location")).hasValue("/ui/tasks");
    String list = fx.get("/ui/tasks").body();
    assertThat(list).contains("data-id=\"1\"").contains("<td>unit</td>");

    JsonNode done =
        Await.until(
            "task 1 to end",
            Duration.ofSeconds(60),
            () -> {
              JsonNode t = fx.get("/ui/tasks/live?ids=1").json().get("tasks").get(0);
              return t.get("terminal").asBoolean() ? t : null;
            });
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("runUrl").asText()).isEqualTo("/ui/projects/shop/runs/" + done.get("run"));
    assertThat(fx.get("/api/v1/tasks/1").json().get("origin").asText()).isEqualTo("ui");
    assertThat(fx.get(done.get("runUrl").asText()).body()).contains("PASSED");
  }

  @Test
  void badParametersAndUnknownSuitesAreShownOnThePageAndNothingIsQueued() {
    start(false);
    var bad = post("/ui/tasks", form("unit", "{\"sleep\": -1}"), null, null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("sleep must be at least 0, not -1");
    var notJson = post("/ui/tasks", form("unit", "{sleep"), null, null);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("parameters are not JSON");
    assertThat(post("/ui/tasks", form("nope", ""), null, null).body()).contains("no suite nope");
    assertThat(fx.get("/api/v1/tasks").json().get("tasks")).isEmpty();
  }

  @Test
  void aFormPostFromAnotherSiteStartsNothing() {
    start(false);
    var foreign = post("/ui/tasks", form("unit", ""), null, "http://evil.example");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(fx.get("/api/v1/tasks").json().get("tasks")).isEmpty();
  }

  private String session(String token) {
    var login = post("/ui/login", "token=" + token, null, fx.server.url());
    String cookie = login.response().headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void theCookieSessionFollowsItsProjectsTaskEventsOnTheUiStream() throws Exception {
    start(true);
    String cookie = session(fx.token("shop", Scope.READ, Scope.RUN));
    assertThat(fx.get("/ui/events").status()).as("no session: to the login page").isEqualTo(302);
    HttpRequest stream =
        fx.request("/ui/events", null)
            .header("Cookie", cookie)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    var response = fx.client.send(stream, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(post("/ui/tasks", form("unit", ""), cookie, fx.server.url()).status())
        .isEqualTo(303);
    String completed;
    // Closed when done: an unread stream keeps its exchange open and HttpClient.close() waits.
    try (var lines = response.body()) {
      completed =
          CompletableFuture.supplyAsync(
                  () ->
                      lines
                          .filter(l -> l.startsWith("data:") && l.contains("\"COMPLETED\""))
                          .findFirst()
                          .orElse(""))
              .get(60, TimeUnit.SECONDS);
    }
    assertThat(completed).contains("\"project\":\"shop\"").contains("\"origin\":\"ui\"");
  }

  @Test
  void aReadTokenSeesTheTasksButCannotStartOne() {
    start(true);
    String read = fx.token("shop", Scope.READ);
    String cookie = session(read);
    var page = fx.send(fx.request("/ui/tasks", null).header("Cookie", cookie).GET().build());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("Start task");
    var refused = post("/ui/tasks", form("unit", ""), cookie, fx.server.url());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(fx.get("/api/v1/tasks", read).json().get("tasks")).isEmpty();
  }
}
