package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.ProjectConfig;
import dev.evident.server.EvidentServer;
import dev.evident.server.ServerSettings;
import dev.evident.service.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String db() {
    return dir.resolve("server.db").toString();
  }

  private String results() throws IOException {
    Path file = dir.resolve("TEST-cart.xml");
    Files.writeString(
        file,
        """
        <testsuite name="CartTest" tests="3" failures="1">
          <testcase classname="CartTest" name="adds" time="0.01"/>
          <testcase classname="CartTest" name="totals" time="0.02">
            <failure message="expected: &lt;3&gt; but was: &lt;4&gt;" type="AssertionError">stack</failure>
          </testcase>
          <testcase classname="CartTest" name="later"><skipped/></testcase>
        </testsuite>
        """);
    return file.toString();
  }

  @Test
  void serveRefusesANonLoopbackAddressWithoutTokens() {
    int code = run("serve", "--host", "0.0.0.0", "--port", "0", "--db", db());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("refusing to serve on 0.0.0.0 without tokens")
        .contains("evident token create");
  }

  @Test
  void serveRejectsASizeItCannotRead() {
    int code = run("serve", "--max-upload", "lots", "--db", db());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not a size: lots");
  }

  @Test
  void tokenCreatePrintsTheTokenOnceAndListShowsItWithoutIt() {
    assertThat(
            run(
                "token",
                "create",
                "--project",
                "shop",
                "--scope",
                "ingest",
                "--scope",
                "read",
                "--db",
                db()))
        .isEqualTo(0);
    String token =
        out.toString().lines().filter(l -> l.startsWith("evt_")).findFirst().orElseThrow();
    Matcher id =
        Pattern.compile("Token (tok_[0-9a-f]+) for project shop \\(scopes: read, ingest\\)")
            .matcher(out.toString());
    assertThat(id.find()).as(out.toString()).isTrue();
    out.getBuffer().setLength(0);

    assertThat(run("token", "list", "--db", db())).isEqualTo(0);
    assertThat(out.toString()).contains(id.group(1)).contains("shop").doesNotContain(token);
    out.getBuffer().setLength(0);

    assertThat(run("token", "revoke", id.group(1), "--db", db())).isEqualTo(0);
    assertThat(run("token", "revoke", id.group(1), "--db", db())).isEqualTo(2);
    assertThat(err.toString()).contains("no valid token " + id.group(1));
    assertThat(run("token", "create", "--project", "shop", "--scope", "write", "--db", db()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown scope write");
  }

  @Test
  void ingestWithServerUploadsAndPrintsTheSameSummaryAsALocalIngest() throws IOException {
    String file = results();
    assertThat(run("token", "create", "--project", "shop", "--scope", "ingest", "--db", db()))
        .isEqualTo(0);
    String token =
        out.toString().lines().filter(l -> l.startsWith("evt_")).findFirst().orElseThrow();
    out.getBuffer().setLength(0);
    int local =
        run("ingest", file, "--project", "shop", "--db", dir.resolve("local.db").toString());
    String localSummary = out.toString();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);

    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    try (Workspace workspace = Workspace.open(db());
        EvidentServer server =
            EvidentServer.start(
                ServerSettings.loopback(dir.resolve("uploads")),
                workspace,
                ProjectConfig.EMPTY,
                "",
                new PrintStream(logs, true, StandardCharsets.UTF_8))) {
      int remote =
          run("ingest", file, "--project", "shop", "--server", server.url(), "--token", token);

      assertThat(remote).isEqualTo(local).isEqualTo(1);
      assertThat(withoutFirstLine(out.toString()))
          .isEqualTo(withoutFirstLine(localSummary) + "Stored on " + server.url() + " as run 1.\n");
      assertThat(out.toString()).startsWith("Run 1 · project shop · upload · stored ");
      assertThat(err.toString()).contains("exit 1: the results contain failures or errors (run 1)");

      int labelled =
          run(
              "ingest",
              file,
              "--project",
              "shop",
              "--server",
              server.url(),
              "--token",
              token,
              "--label",
              "branch=main",
              "--attribute",
              "git.commit=abc");
      assertThat(labelled).isEqualTo(1);
      var stored = workspace.runs().runs("shop", 10);
      assertThat(stored).hasSize(2);
      assertThat(stored.get(0).labels()).containsEntry("branch", "main");
      assertThat(stored.get(0).attributes()).containsEntry("git.commit", "abc");

      err.getBuffer().setLength(0);
      int refused =
          run("ingest", file, "--project", "other", "--server", server.url(), "--token", token);
      assertThat(refused).isEqualTo(2);
      assertThat(err.toString()).contains("answered 403").contains("is for project shop");
    }
  }

  private static String withoutFirstLine(String text) {
    return text.substring(text.indexOf('\n') + 1);
  }

  @Test
  void ingestWithServerSaysWhenNoServerAnswers() throws IOException {
    int code = run("ingest", results(), "--server", "http://127.0.0.1:1", "--token", "evt_x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot reach http://127.0.0.1:1");
  }

  @Test
  void serveRunsAsAProcessUntilTerminatedAndStopsGracefully() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("serve", "--port", "0", "--db", db()));
    Path log = dir.resolve("serve.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String url = awaitUrl(log, process);
      assertThat(Files.readString(log)).contains("single-user");
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(URI.create(url + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
      }

      process.destroy();

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log))
          .contains("route=/ready status=200")
          .contains("server stopping")
          .contains("server stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  /** The URL the server prints once it listens, waiting for it with a deadline. */
  private static String awaitUrl(Path log, Process process) throws IOException {
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = listening.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError("evident serve ended: " + Files.readString(log));
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("evident serve did not start: " + Files.readString(log));
  }
}
