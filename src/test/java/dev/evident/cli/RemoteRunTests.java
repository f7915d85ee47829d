package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.Scope;
import dev.evident.server.EvidentServer;
import dev.evident.server.ServerSettings;
import dev.evident.service.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evident run --server} and {@code evident push}: a real command, a real server on a real
 * port over a real SQLite store, the real CLI.
 */
class RemoteRunTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Workspace serverStore;
  private EvidentServer server;
  private String token;
  private Path project;

  private static final String CART =
      """
      <testsuite name="CartTest" tests="3" failures="1">
        <testcase classname="CartTest" name="adds" time="0.01"/>
        <testcase classname="CartTest" name="totals" time="0.02">
          <failure message="expected: &lt;3&gt; but was: &lt;4&gt;" type="AssertionError">at CartTest.totals(CartTest.java:12)</failure>
        </testcase>
        <testcase classname="CartTest" name="removes" time="0.01"/>
      </testsuite>
      """;

  @BeforeEach
  void startServer() throws IOException {
    serverStore = Workspace.open(dir.resolve("server.db").toString());
    server =
        EvidentServer.start(
            ServerSettings.loopback(dir.resolve("uploads")),
            serverStore,
            ProjectConfig.EMPTY,
            "",
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    token = serverStore.tokens().create("shop", EnumSet.of(Scope.INGEST), "ci").token();
    project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("cart.xml"), CART);
  }

  @AfterEach
  void stopServer() {
    server.close();
    serverStore.close();
  }

  private int evident(String... args) {
    return Cli.run(out, err, args);
  }

  private Path localDb() {
    return dir.resolve("local").resolve("evident.db");
  }

  /** {@code evident run --server URL --token T --project shop ... -- sh -c SCRIPT}. */
  private int runRemotely(String url, String token, String script) {
    return evident(
        "run",
        "--server",
        url,
        "--token",
        token,
        "--project",
        "shop",
        "--db",
        localDb().toString(),
        "-C",
        project.toString(),
        "--results",
        "out/*.xml",
        "--label",
        "team=cart",
        "--attribute",
        "git.commit=abc123",
        "--",
        "sh",
        "-c",
        script);
  }

  private static final String WRITES_RESULTS =
      "mkdir -p out && cp cart.xml out/TEST-cart.xml && echo tests-ran-here; exit 1";

  @Test
  void aRunWithServerIsStoredByTheServerCompleteAndNothingLocally() {
    int code = runRemotely(server.url(), token, WRITES_RESULTS);

    assertThat(code).isEqualTo(1);
    List<Run> runs = serverStore.runs().runs("shop", 10);
    assertThat(runs).hasSize(1);
    Run run = runs.get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.source()).isEqualTo("run");
    assertThat(run.counts().executed()).isEqualTo(3);
    assertThat(run.counts().passed()).isEqualTo(2);
    assertThat(run.counts().failed()).isEqualTo(1);
    assertThat(run.command()).startsWith("sh -c ").contains("cp cart.xml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.started()).isNotNull();
    assertThat(run.finished()).isAfterOrEqualTo(run.started());
    assertThat(run.labels()).containsEntry("team", "cart");
    assertThat(run.attributes())
        .containsEntry("git.commit", "abc123")
        .containsEntry("runner", "generic")
        .containsKey("cpus");
    assertThat(out.toString())
        .contains("FAILED")
        .contains("CartTest > totals")
        .contains("expected: <3> but was: <4>")
        .contains("Stored as run " + run.id() + " on " + server.url() + " (project shop).");
    assertThat(err.toString()).contains("exit 1: the results contain failures or errors");
    assertThat(Files.exists(localDb())).as("no local store").isFalse();

    out.getBuffer().setLength(0);
    assertThat(
            evident("logs", String.valueOf(run.id()), "--db", dir.resolve("server.db").toString()))
        .isZero();
    assertThat(out.toString()).contains("tests-ran-here");
  }

  @Test
  void aCommandThatFailsWithoutResultsArrivesAsBrokenWithItsOutput() {
    int code = runRemotely(server.url(), token, "echo cannot-import-cart >&2; exit 3");

    assertThat(code).isEqualTo(1);
    Run run = serverStore.runs().runs("shop", 1).get(0);
    assertThat(run.status()).isEqualTo(RunStatus.BROKEN);
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.counts().collected()).isZero();
    assertThat(run.runErrors()).isEqualTo(1);
    assertThat(out.toString()).contains("BROKEN").contains("exited with code 3");
    assertThat(err.toString()).contains("nothing executed");

    out.getBuffer().setLength(0);
    assertThat(
            evident("logs", String.valueOf(run.id()), "--db", dir.resolve("server.db").toString()))
        .isZero();
    assertThat(out.toString()).contains("cannot-import-cart");
  }

  @Test
  void aBlockedPreflightArrivesAsBlockedWithoutRunningTheCommand() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(
        project.resolve("evident.yaml"),
        "requires:\n  services:\n    redis: tcp://127.0.0.1:" + closedPort + "\n");

    int code = runRemotely(server.url(), token, "touch ran");

    assertThat(code).isEqualTo(1);
    assertThat(Files.exists(project.resolve("ran"))).isFalse();
    Run run = serverStore.runs().runs("shop", 1).get(0);
    assertThat(run.status()).isEqualTo(RunStatus.BLOCKED);
    assertThat(out.toString()).contains("BLOCKED").contains("redis");
  }

  @Test
  void aTimedOutCommandArrivesAsInterruptedAndJsonIsTheServersAnswer() throws IOException {
    int code =
        evident(
            "run",
            "--server",
            server.url(),
            "--token",
            token,
            "--project",
            "shop",
            "--db",
            localDb().toString(),
            "-C",
            project.toString(),
            "--timeout",
            "1s",
            "--json",
            "--",
            "sh",
            "-c",
            "echo started; exec sleep 30");

    assertThat(code).isEqualTo(1);
    Run run = serverStore.runs().runs("shop", 1).get(0);
    assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(json.get("run").asLong()).isEqualTo(run.id());
    assertThat(json.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(json.has("text")).isFalse();
    assertThat(err.toString()).contains("the run was interrupted");
  }

  @Test
  void aWrongTokenKeepsTheRunLocallyAndPushStoresItLater() throws IOException {
    int code = runRemotely(server.url(), "evt_wrong", WRITES_RESULTS);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("the run is not stored on the server: " + server.url() + " answered 401");
    assertThat(serverStore.runs().runs("shop", 10)).isEmpty();
    try (Workspace local = Workspace.open(localDb().toString())) {
      Run kept = local.runs().runs("shop", 1).get(0);
      assertThat(kept.status()).isEqualTo(RunStatus.FAILED);
      assertThat(kept.counts().executed()).isEqualTo(3);
      assertThat(kept.exitCode()).isEqualTo(1);
    }
    assertThat(out.toString()).contains("CartTest > totals");
    Matcher hint =
        Pattern.compile("evident push (\\S+) --server (\\S+) --token TOKEN")
            .matcher(err.toString());
    assertThat(hint.find()).as(err.toString()).isTrue();
    Path journal = Path.of(hint.group(1));
    assertThat(journal).exists();
    assertThat(hint.group(2)).isEqualTo(server.url());

    out.getBuffer().setLength(0);
    int pushed = evident("push", journal.toString(), "--server", server.url(), "--token", token);

    assertThat(pushed).isEqualTo(1);
    Run run = serverStore.runs().runs("shop", 1).get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.counts().failed()).isEqualTo(1);
    assertThat(run.labels()).containsEntry("team", "cart");
    assertThat(out.toString()).contains("Stored as run " + run.id() + " on " + server.url());
    assertThat(journal).doesNotExist();
  }

  @Test
  void anUnreachableServerKeepsTheRunLocally() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    int code = runRemotely(url, token, WRITES_RESULTS);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("the run is not stored on the server: cannot reach " + url)
        .contains("kept as run 1 in the local store")
        .contains("evident push ")
        .contains("--server " + url);
    try (Workspace local = Workspace.open(localDb().toString())) {
      assertThat(local.runs().runs("shop", 1).get(0).counts().executed()).isEqualTo(3);
    }
  }

  @Test
  void whenNeitherServerNorLocalStoreTakeTheRunItsJournalIsKeptInTheRunsDirectory()
      throws IOException {
    Files.writeString(dir.resolve("local"), "a file where the store's directory should be");

    int code = runRemotely("http://127.0.0.1:1", token, WRITES_RESULTS);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("the run is not stored on the server: cannot reach http://127.0.0.1:1")
        .contains("nor locally");
    Matcher hint = Pattern.compile("evident push (\\S+) --server").matcher(err.toString());
    assertThat(hint.find()).as(err.toString()).isTrue();
    Path journal = Path.of(hint.group(1));
    assertThat(journal.getParent()).isEqualTo(project);

    assertThat(evident("push", journal.toString(), "--server", server.url(), "--token", token))
        .isEqualTo(1);
    assertThat(serverStore.runs().runs("shop", 1).get(0).counts().executed()).isEqualTo(3);
  }

  @Test
  void theServerRefusesAnIncompleteJournal() throws Exception {
    String journal =
        "{\"start\":{\"project\":\"shop\",\"source\":\"run\",\"command\":\"make test\"}}\n"
            + "{\"add\":{\"id\":{\"suite\":\"A\",\"name\":\"b\"},\"outcome\":\"PASSED\"}}\n";
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/projects/shop/runs/journal"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(journal))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("ends at line 2 without its commit line");
    assertThat(serverStore.runs().runs("shop", 10)).isEmpty();
    try (var left = Files.list(dir.resolve("uploads"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("the spooled body is deleted")
          .noneMatch(name -> name.startsWith("body-"));
    }
  }
}
