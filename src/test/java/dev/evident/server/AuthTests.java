package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTests {

  @TempDir Path dir;
  ServerFixture fx;

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  private ServerFixture.Answer call(String route, String project, String token) {
    String[] parts = route.split(" ", 2);
    String path =
        parts[1].replace("{project}", project).replace("{run}", "latest").replace("{id}", "1");
    if (parts[0].equals("POST")) {
      return fx.post(path + "?name=TEST-x.xml", token, "application/xml", utf8(junit("X", 1, 0)));
    }
    return fx.send(fx.request(path, token).GET().build());
  }

  private List<String> guardedRoutes() {
    List<String> open =
        List.of(
            "GET /health",
            "GET /ready",
            "GET /api/v1/openapi.json",
            "GET /.well-known/agent-card.json",
            "GET /.well-known/agent.json");
    // POST /a2a checks its scope per JSON-RPC method: A2aProtocolTests.
    return fx.server.routes().stream()
        .filter(r -> !open.contains(r) && !r.equals("POST /a2a"))
        .toList();
  }

  @Test
  void everyGuardedRouteTellsMissingAndUnknownTokensFromWrongProjectAndWrongScope() {
    fx = new ServerFixture(dir);
    String aRead = fx.token("alpha", Scope.READ);
    String bRead = fx.token("beta", Scope.READ);
    String bIngest = fx.token("beta", Scope.INGEST);
    String bRun = fx.token("beta", Scope.RUN);
    fx.start();
    for (int i = 0; i < 2; i++) {
      assertThat(call("POST /api/v1/projects/{project}/runs", "beta", bIngest).status())
          .isEqualTo(201);
    }
    List<String> routes = guardedRoutes();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(12);

    for (String route : routes) {
      // GET routes read; so do task validation and /mcp's POST (its tools check scopes per
      // call); task submits and cancels need run; every other POST uploads (ingest).
      boolean read =
          route.startsWith("GET")
              || route.equals("POST /api/v1/tasks/validate")
              || route.endsWith(McpEndpoint.PATH);
      boolean run = !read && route.startsWith("POST /api/v1/tasks");
      String wrongScope = read ? bIngest : bRead;
      String right = read ? bRead : run ? bRun : bIngest;
      assertThat(call(route, "beta", null).status()).as("no token: " + route).isEqualTo(401);
      assertThat(call(route, "beta", "evt_unknown").status())
          .as("unknown token: " + route)
          .isEqualTo(401);
      if (route.contains("{project}")) {
        assertThat(call(route, "beta", aRead).status())
            .as("other project's token: " + route)
            .isEqualTo(403);
      }
      assertThat(call(route, "beta", wrongScope).status())
          .as("wrong scope: " + route)
          .isEqualTo(403);
      assertThat(call(route, "beta", right).status())
          .as("right token: " + route)
          .isNotIn(401, 403)
          .isLessThan(500);
    }
  }

  @Test
  void aTokenCannotReachAnotherProjectsRunByIdNorCompareWithIt() {
    fx = new ServerFixture(dir);
    String a = fx.token("alpha", Scope.READ, Scope.INGEST);
    String b = fx.token("beta", Scope.INGEST);
    fx.start();
    long alphaRun =
        call("POST /api/v1/projects/{project}/runs", "alpha", a).json().get("run").asLong();
    long betaRun =
        call("POST /api/v1/projects/{project}/runs", "beta", b).json().get("run").asLong();

    assertThat(fx.get("/api/v1/projects/alpha/runs/" + betaRun, a).status()).isEqualTo(404);
    assertThat(fx.get("/api/v1/projects/alpha/runs/" + betaRun + "/tests", a).status())
        .isEqualTo(404);
    assertThat(fx.get("/api/v1/projects/alpha/runs/" + betaRun + "/diagnosis", a).status())
        .isEqualTo(404);
    assertThat(
            fx.get("/api/v1/projects/alpha/compare?base=" + betaRun + "&head=" + alphaRun, a)
                .status())
        .isEqualTo(404);
    assertThat(fx.get("/api/v1/projects/alpha/runs/" + alphaRun, a).status()).isEqualTo(200);
    assertThat(fx.get("/api/v1/projects", a).json().get("projects").toString())
        .isEqualTo("[\"alpha\"]");
  }

  @Test
  void metricsShowATokenOnlyItsOwnProjectsSeries() {
    fx = new ServerFixture(dir);
    String a = fx.token("alpha", Scope.READ, Scope.INGEST);
    String b = fx.token("beta", Scope.INGEST);
    fx.start();
    call("POST /api/v1/projects/{project}/runs", "alpha", a);
    call("POST /api/v1/projects/{project}/runs", "beta", b);

    String metrics = fx.get("/metrics", a).body();

    assertThat(metrics).contains("project=\"alpha\"").doesNotContain("project=\"beta\"");
    assertThat(fx.get("/metrics").status()).isEqualTo(401);
  }

  @Test
  void aLoopbackServerWithoutTokensIsSingleUserAndNeedsNone() {
    fx = new ServerFixture(dir).start();

    assertThat(fx.server.authRequired()).isFalse();
    assertThat(call("POST /api/v1/projects/{project}/runs", "any", null).status()).isEqualTo(201);
    assertThat(fx.get("/api/v1/projects").json().get("projects").toString()).isEqualTo("[\"any\"]");
    assertThat(fx.get("/metrics").status()).isEqualTo(200);
  }

  @Test
  void requireTokenTurnsSingleUserModeOff() {
    fx = new ServerFixture(dir).start(ServerSettings.loopback(dir).withRequireTokens(true));

    assertThat(fx.server.authRequired()).isTrue();
    assertThat(fx.get("/api/v1/projects").status()).isEqualTo(401);
    assertThat(fx.get("/health").status()).isEqualTo(200);
  }

  @Test
  void theFirstTokenMadeWhileTheServerRunsTurnsAuthOn() {
    fx = new ServerFixture(dir).start();
    assertThat(fx.get("/api/v1/projects").status()).isEqualTo(200);

    String token = fx.token("alpha", Scope.READ);

    assertThat(fx.get("/api/v1/projects").status()).isEqualTo(401);
    assertThat(fx.get("/api/v1/projects", token).status()).isEqualTo(200);
  }

  @Test
  void aRevokedTokenIsRefused() {
    fx = new ServerFixture(dir);
    String keep = fx.token("alpha", Scope.READ);
    String token = fx.token("alpha", Scope.READ);
    fx.start();
    assertThat(fx.get("/api/v1/projects", token).status()).isEqualTo(200);
    String id =
        fx.tokens().list("alpha").stream()
            .filter(t -> t.hash().equals(dev.evident.service.TokenService.hash(token)))
            .findFirst()
            .orElseThrow()
            .id();

    assertThat(fx.tokens().revoke(id)).isTrue();

    assertThat(fx.get("/api/v1/projects", token).status()).isEqualTo(401);
    assertThat(fx.get("/api/v1/projects", keep).status()).isEqualTo(200);
  }

  @Test
  void aMalformedAuthorizationHeaderIs401WithAnExplanation() {
    fx = new ServerFixture(dir);
    fx.token("alpha", Scope.READ);
    fx.start();

    var answer =
        fx.send(
            fx.request("/api/v1/projects", null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()
                .build());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("error").asText()).contains("Bearer TOKEN");
  }

  @Test
  void refusesToStartOnANonLoopbackAddressWithoutTokens() {
    fx = new ServerFixture(dir);
    var settings = ServerSettings.loopback(dir).withHost("0.0.0.0");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.start(settings))
        .isInstanceOf(EvidentServer.ServerRefusedException.class)
        .hasMessageContaining("refusing to serve on 0.0.0.0 without tokens");
  }

  @Test
  void adminScopeAllowsEverythingInItsProject() {
    fx = new ServerFixture(dir);
    String admin = fx.token("alpha", Scope.ADMIN);
    fx.start();

    assertThat(call("POST /api/v1/projects/{project}/runs", "alpha", admin).status())
        .isEqualTo(201);
    assertThat(fx.get("/api/v1/projects/alpha/runs", admin).status()).isEqualTo(200);
    assertThat(fx.get("/api/v1/projects/beta/runs", admin).status()).isEqualTo(403);
  }
}
