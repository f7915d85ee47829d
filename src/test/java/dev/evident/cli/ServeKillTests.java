package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.service.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real {@code evident serve} process while its tasks run, then a restart on the same
 * database: every task ends terminal (those that were running are reaped when their lease expires
 * and run again).
 */
class ServeKillTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Process p : servers) {
      p.destroyForcibly();
    }
    // Commands orphaned by the kill -9 are still sleeping: end them.
    Path pids = dir.resolve("pids");
    if (Files.isDirectory(pids)) {
      try (Stream<Path> files = Files.list(pids)) {
        files.forEach(
            f ->
                ProcessHandle.of(Long.parseLong(f.getFileName().toString()))
                    .ifPresent(ProcessHandle::destroyForcibly));
      }
    }
    client.close();
  }

  private String start(int n) throws Exception {
    Path log = dir.resolve("serve-" + n + ".log");
    Process p =
        Cli.process(
                "serve",
                "--port",
                "0",
                "--db",
                dir.resolve("evident.db").toString(),
                "--config",
                dir.resolve("evident.yaml").toString(),
                "--workers",
                "2",
                "--task-lease",
                "3")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    servers.add(p);
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    return Await.until(
        "evident serve to listen",
        LIMIT,
        () -> {
          assertThat(p.isAlive()).as("serve ended: %s", read(log)).isTrue();
          Matcher m = listening.matcher(read(log));
          return m.find() ? m.group(1) : null;
        });
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private JsonNode call(String url, String method, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    b =
        body == null
            ? b.GET()
            : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private Map<String, Integer> states(String url, List<Long> ids) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (long id : ids) {
      counts.merge(
          call(url + "/api/v1/tasks/" + id, "GET", null).get("state").asText(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void afterAKill9AndARestartEveryTaskEndsTerminal() throws Exception {
    Files.createDirectories(dir.resolve("pids"));
    // Until the file "restarted" exists, the command sleeps: the first server dies mid-task.
    Files.writeString(
        dir.resolve("evident.yaml"),
        """
        suites:
          unit:
            project: shop
            command:
              - sh
              - -c
              - >-
                echo $$ > pids/$$;
                if [ ! -f restarted ]; then sleep 60; fi;
                mkdir -p out/$EVIDENT_TASK_ID;
                printf '<testsuite name="s" tests="1"><testcase classname="a" name="b"/></testsuite>'
                > out/$EVIDENT_TASK_ID/TEST-s.xml
            results: ["out/{{task.id}}/*.xml"]
            concurrency: 2
        """);
    String first = start(1);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(call(first + "/api/v1/tasks", "POST", "{\"suite\":\"unit\"}").get("id").asLong());
    }
    Await.until(
        "two tasks running",
        LIMIT,
        () -> {
          try {
            return states(first, ids).getOrDefault("RUNNING", 0) == 2;
          } catch (Exception e) {
            return false;
          }
        });
    Process killed = servers.getFirst();

    killed.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Files.writeString(dir.resolve("restarted"), "");
    String second = start(2);

    Map<String, Integer> after =
        Await.until(
            "every task to end",
            LIMIT,
            () -> {
              try {
                Map<String, Integer> s = states(second, ids);
                return s.getOrDefault("QUEUED", 0) + s.getOrDefault("RUNNING", 0) == 0 ? s : null;
              } catch (Exception e) {
                return null;
              }
            });
    assertThat(after).containsExactly(Map.entry("COMPLETED", 5));
    int rerun = 0;
    for (long id : ids) {
      JsonNode t = call(second + "/api/v1/tasks/" + id, "GET", null);
      assertThat(t.get("run_id").isNull()).isFalse();
      rerun += t.get("attempts").asInt() == 2 ? 1 : 0;
    }
    assertThat(rerun).as("the two tasks running at the kill were run again").isEqualTo(2);
    Map<String, Integer> runs = new HashMap<>();
    for (JsonNode r : call(second + "/api/v1/projects/shop/runs", "GET", null).get("runs")) {
      runs.merge(r.get("status").asText(), 1, Integer::sum);
    }
    assertThat(runs)
        .as("the runs the dead server had started are INTERRUPTED, never left RUNNING")
        .containsOnly(Map.entry("PASSED", 5), Map.entry("INTERRUPTED", 2));
  }
}
