package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Scope;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web UI sessions when the server requires tokens: login, project confinement, logout. */
class UiAuthTests {

  @TempDir Path dir;
  ServerFixture fx;
  String alphaRead;
  String alphaIngest;
  String betaIngest;

  @BeforeEach
  void start() {
    fx = new ServerFixture(dir);
    alphaRead = fx.token("alpha", Scope.READ);
    alphaIngest = fx.token("alpha", Scope.INGEST);
    betaIngest = fx.token("beta", Scope.INGEST);
    fx.start();
    upload("alpha", alphaIngest, junit("alpha.Suite", 3, 0));
    upload("beta", betaIngest, junit("beta.Secret", 2, 1));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private void upload(String project, String token, String xml) {
    var answer =
        fx.post(
            "/api/v1/projects/" + project + "/runs?name=TEST-x.xml",
            token,
            "application/xml",
            utf8(xml));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private ServerFixture.Answer login(String token, String origin) {
    String form =
        "token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&next="
            + URLEncoder.encode("/ui/projects/alpha/runs", StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        fx.request("/ui/login", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return fx.send(b.build());
  }

  /** Signs in and answers the session cookie ({@code name=value}). */
  private String session(String token) {
    var answer = login(token, fx.server.url());
    assertThat(answer.status()).as(answer.body()).isEqualTo(303);
    String cookie = answer.response().headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private ServerFixture.Answer get(String path, String cookie) {
    return fx.send(fx.request(path, null).header("Cookie", cookie).GET().build());
  }

  @Test
  void pagesAskForALoginAndATokenOpensAnHttpOnlyStrictCookieSession() {
    var anonymous = fx.get("/ui/projects/alpha/runs");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.response().headers().firstValue("Location"))
        .hasValue("/ui/login?next=%2Fui%2Fprojects%2Falpha%2Fruns");
    assertThat(fx.get("/ui/login").body()).contains("name=\"token\"").contains("type=\"password\"");

    var answer = login(alphaRead, fx.server.url());
    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.response().headers().firstValue("Location"))
        .hasValue("/ui/projects/alpha/runs");
    String cookie = answer.response().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(UiSessions.COOKIE + "=")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain(alphaRead);
    String session = cookie.substring(0, cookie.indexOf(';'));
    var runs = get("/ui/projects/alpha/runs", session);
    assertThat(runs.status()).isEqualTo(200);
    assertThat(runs.body()).contains("3 of 3 executed").contains("Log out");
  }

  @Test
  void aTokenOfProjectAlphaNeverSeesAPageOfProjectBeta() {
    String session = session(alphaRead);
    String projects = get("/ui/", session).body();
    assertThat(projects).contains("/ui/projects/alpha/runs").doesNotContain("beta");
    for (String path :
        List.of(
            "/ui/projects/beta/runs",
            "/ui/projects/beta/runs/2",
            "/ui/projects/beta/runs/latest",
            "/ui/projects/beta/compare",
            "/ui/projects/beta/flaky",
            "/ui/projects/beta/progress",
            "/ui/projects/beta/trend",
            "/ui/projects/beta/models")) {
      var answer = get(path, session);
      assertThat(answer.status()).as(path).isEqualTo(403);
      assertThat(answer.body()).as(path).doesNotContain("beta.Secret").doesNotContain("fails0");
    }
    var byId = get("/ui/projects/alpha/runs/2", session);
    assertThat(byId.status()).as("beta's run 2 through alpha's path").isEqualTo(404);
    assertThat(byId.body()).doesNotContain("beta.Secret");
  }

  @Test
  void aTokenWithoutTheReadScopeCannotOpenPages() {
    String session = session(alphaIngest);
    assertThat(get("/ui/projects/alpha/runs", session).status()).isEqualTo(403);
  }

  @Test
  void anUnknownTokenIsRefusedAndAForeignOriginCannotPostTheForm() {
    var unknown = login("evt_nothing", fx.server.url());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).contains("unknown or revoked token");
    assertThat(unknown.response().headers().firstValue("Set-Cookie")).isEmpty();
    var foreign = login(alphaRead, "http://evil.example");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.response().headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void loggingOutOrRevokingTheTokenEndsTheSession() {
    String session = session(alphaRead);
    var out =
        fx.send(
            fx.request("/ui/logout", null)
                .header("Cookie", session)
                .header("Origin", fx.server.url())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.response().headers().firstValue("Set-Cookie").orElseThrow())
        .contains("Max-Age=0");
    assertThat(get("/ui/projects/alpha/runs", session).status()).isEqualTo(302);

    String second = session(alphaRead);
    assertThat(get("/ui/projects/alpha/runs", second).status()).isEqualTo(200);
    String id =
        fx.tokens().list("alpha").stream()
            .filter(t -> t.scopes().contains(Scope.READ))
            .findFirst()
            .orElseThrow()
            .id();
    fx.tokens().revoke(id);
    assertThat(get("/ui/projects/alpha/runs", second).status()).isEqualTo(302);
  }

  @Test
  void afterLoginTheUiNeverRedirectsToAnotherSite() {
    String form =
        "token="
            + alphaRead
            + "&next="
            + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8);
    var answer =
        fx.send(
            fx.request("/ui/login", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(answer.response().headers().firstValue("Location")).hasValue("/ui/");
  }
}
