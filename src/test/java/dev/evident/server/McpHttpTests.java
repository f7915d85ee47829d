package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.cli.EvidentCommand;
import dev.evident.model.Scope;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The MCP tools over the streamable HTTP transport at /mcp of a real {@code evident serve} on a
 * real port, called by the MCP SDK's own client. The store: run 1 (samples/java, project shop,
 * main), run 2 (every sample, shop, feature/x), run 3 (samples/java, project other).
 */
class McpHttpTests {

  private static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
      "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

  @TempDir static Path stored;

  @TempDir Path dir;

  private ServerFixture fx;
  private McpHttpPeer peer;

  @BeforeAll
  static void ingest() {
    Path db = stored.resolve("evident.db");
    ingest(db, "samples/java", "shop", "main");
    ingest(db, "samples", "shop", "feature/x");
    ingest(db, "samples/java", "other", "main");
  }

  private static void ingest(Path db, String path, String project, String branch) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    int code =
        cl.execute(
            "ingest",
            path,
            "--db",
            db.toString(),
            "--project",
            project,
            "--label",
            "branch=" + branch);
    assertThat(code).as("ingest %s", path).isEqualTo(1);
  }

  /** Each test its own copy of the store: tokens made in one must not make others need one. */
  @BeforeEach
  void copyStore() throws Exception {
    for (String name : List.of("evident.db", "evident.db-wal")) {
      if (Files.exists(stored.resolve(name))) {
        Files.copy(stored.resolve(name), dir.resolve(name));
      }
    }
    fx = new ServerFixture(dir);
  }

  @AfterEach
  void stop() {
    if (peer != null) {
      peer.close();
    }
    fx.close();
  }

  private McpHttpPeer connect(String token) {
    peer = new McpHttpPeer(fx.server.url(), token);
    return peer;
  }

  @Test
  void initializeOverHttpListsEveryToolWithInputAndOutputSchemas() {
    fx.start();
    McpSchema.InitializeResult init = connect(null).initialize();

    assertThat(init.serverInfo().name()).isEqualTo("evident");
    List<McpSchema.Tool> tools = peer.client.listTools().tools();
    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactly(
            "run_tests",
            "get_run",
            "list_runs",
            "diagnose_run",
            "compare_runs",
            "flaky_tests",
            "get_logs",
            "verify_report",
            "get_report");
    for (McpSchema.Tool tool : tools) {
      assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
      assertThat(tool.outputSchema().get("properties")).as(tool.name()).isInstanceOf(Map.class);
    }
    assertThat(fx.log()).contains("method=POST route=/mcp status=200");
  }

  @Test
  void readToolsAnswerOverHttpWithCountsCausesAndVerdicts() {
    fx.start();
    connect(null).initialize();

    Map<String, Object> run = peer.call("get_run", Map.of("run", "latest", "project", "shop"));
    assertThat(run).containsEntry("status", "FAILED").containsEntry("failures", 7);
    assertThat(map(run.get("run"))).containsEntry("run", 2);
    assertThat(list(peer.call("list_runs", Map.of()).get("runs")))
        .extracting(r -> r.get("run"))
        .containsExactly(3, 2, 1);
    Map<String, Object> diagnosis = peer.call("diagnose_run", Map.of("run", "2"));
    assertThat(diagnosis).containsEntry("run", 2).containsEntry("groupCount", 4);
    Map<String, Object> verified =
        peer.call(
            "verify_report",
            Map.of(
                "markdown",
                "# Status\n\n- 14 passing tests.\n- All tests pass.\n",
                "project",
                "shop"));
    assertThat(map(verified.get("summary")))
        .containsEntry("SUPPORTED", 1)
        .containsEntry("CONTRADICTED", 1);
  }

  @Test
  void badArgumentsGiveAnErrorResultThatNamesTheArgumentAndWhatIsValid() {
    fx.start();
    connect(null).initialize();

    assertThat(peer.error("get_run", Map.of("wait_seconds", 999)))
        .contains("'wait_seconds' must be a whole number from 0 to 60, not 999");
    assertThat(peer.error("list_runs", Map.of("colour", "red")))
        .contains("unknown argument 'colour' for list_runs");
    assertThat(peer.error("get_run", Map.of("run", "99"))).contains("99");
  }

  @Test
  void aPageOfAnotherOriginIsRefusedWith403AndALoopbackPageIsServed() {
    fx.start();

    ServerFixture.Answer foreign = post("http://evil.example:" + fx.server.port(), null);
    ServerFixture.Answer local = post("http://localhost:" + fx.server.port(), null);

    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().get("error").asText()).startsWith("Origin http://evil.example:");
    assertThat(local.status()).isEqualTo(200);
    assertThat(local.response().headers().firstValue("Mcp-Session-Id")).isPresent();
  }

  @Test
  void aLoopbackServerRefusesAHostHeaderThatIsNotALoopbackName() throws Exception {
    fx.start();

    assertThat(rawStatus("evil.example:" + fx.server.port())).isEqualTo(421);
    assertThat(rawStatus("localhost:" + fx.server.port())).isEqualTo(200);
  }

  /** The status of an initialize request sent with this Host header (HttpClient will not). */
  private int rawStatus(String host) throws Exception {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fx.server.port())) {
      socket
          .getOutputStream()
          .write(
              ("POST /mcp HTTP/1.1\r\nHost: "
                      + host
                      + "\r\nContent-Type: application/json\r\n"
                      + "Accept: application/json, text/event-stream\r\nConnection: close\r\n"
                      + "Content-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void whenTokensAreRequiredACallerWithoutOneOrWithoutReadIsRefused() {
    fx.start(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    String ingestOnly = fx.token("shop", Scope.INGEST);

    ServerFixture.Answer none = post(null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(post(null, ingestOnly).status()).isEqualTo(403);
    assertThat(post(null, ingestOnly).json().get("error").asText()).contains("lacks the read");
    assertThatThrownBy(() -> connect(null).initialize()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aReadTokenSeesOnlyTheRunsOfItsProjectAndMayNotRunTests() {
    fx.start(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    connect(fx.token("shop", Scope.READ)).initialize();

    assertThat(list(peer.call("list_runs", Map.of()).get("runs")))
        .extracting(r -> r.get("run"))
        .containsExactly(2, 1);
    assertThat(map(peer.call("get_run", Map.of()).get("run"))).containsEntry("run", 2);
    assertThat(peer.error("get_run", Map.of("run", "3")))
        .contains("no run 3 in project shop (this token sees only that project)");
    assertThat(peer.error("diagnose_run", Map.of("run", "3"))).contains("no run 3 in project shop");
    assertThat(peer.error("list_runs", Map.of("project", "other")))
        .contains("this token is for project shop, not other");
    assertThat(peer.error("verify_report", Map.of("markdown", "- 4 passing tests", "runs", "3")))
        .contains("no run 3 in project shop");
    assertThat(peer.error("get_report", Map.of("config", "/etc/evident.yaml")))
        .contains("'config' must be left out over HTTP with a token");
    assertThat(peer.error("run_tests", Map.of("command", "true")))
        .contains("this token lacks the run scope");
  }

  @Test
  void aRunTokenStartsTestsInItsProjectAndGetRunWaitsForTheStoredRun() throws Exception {
    fx.start(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    Path work = Files.createDirectories(dir.resolve("quick"));
    Files.writeString(
        work.resolve("suite.sh"),
        """
        cat > results.xml <<'XML'
        <testsuite name="quick" tests="2" failures="1">
          <testcase classname="quick" name="passes"/>
          <testcase classname="quick" name="fails"><failure message="2 != 3"/></testcase>
        </testsuite>
        XML
        exit 1
        """);
    connect(fx.token("shop", Scope.READ, Scope.RUN)).initialize();

    Map<String, Object> started =
        peer.call(
            "run_tests",
            Map.of(
                "command", List.of("sh", "suite.sh"),
                "directory", work.toString(),
                "results", List.of("results.xml")));
    Map<String, Object> done =
        peer.call("get_run", Map.of("run", started.get("handle"), "wait_seconds", 30));

    assertThat(started).containsEntry("project", "shop").containsEntry("status", "RUNNING");
    assertThat(done).containsEntry("done", true).containsEntry("status", "FAILED");
    assertThat(map(map(done.get("run")).get("counts")))
        .containsEntry("executed", 2)
        .containsEntry("failed", 1);
  }

  /** A raw initialize request, with an Origin and a token when given. */
  private ServerFixture.Answer post(String origin, String token) {
    HttpRequest.Builder b =
        fx.request("/mcp", token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE, StandardCharsets.UTF_8));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return fx.send(b.build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
