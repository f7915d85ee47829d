package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.model.Scope;
import dev.evident.service.TaskFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/events read by a real HTTP client as a stream. */
class EventsTests {

  @TempDir Path dir;
  private ServerFixture fx;
  private final List<Stream<String>> streams = new ArrayList<>();

  record Event(long id, String type, JsonNode data) {}

  @BeforeEach
  void create() {
    fx = new ServerFixture(dir);
  }

  private void startServer(boolean tokens) {
    ProjectConfig config =
        new ProjectConfig(
            Requirements.NONE,
            FlakySettings.DEFAULT,
            List.of(),
            GateRules.NONE,
            List.of(TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 2)));
    fx.start(
        ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(tokens),
        config,
        TaskFixtures.quick(2));
  }

  @AfterEach
  void stop() {
    streams.forEach(Stream::close);
    fx.close();
  }

  /** Opens the stream; events arrive in the queue as they are read. */
  private BlockingQueue<Event> open(String query, String token, Long lastEventId) {
    var request =
        fx.request("/api/v1/events" + query, token).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpResponse<Stream<String>> response;
    try {
      response = fx.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Stream<String> lines = response.body();
    streams.add(lines);
    Thread.ofVirtual()
        .start(
            () -> {
              long id = -1;
              String type = null;
              try {
                for (String line : (Iterable<String>) lines::iterator) {
                  if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                  } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                  } else if (line.startsWith("data:")) {
                    events.add(new Event(id, type, fx.JSON.readTree(line.substring(5).strip())));
                  }
                }
              } catch (IOException | RuntimeException e) {
                // stream closed
              }
            });
    return events;
  }

  private static Event next(BlockingQueue<Event> events) throws InterruptedException {
    Event e = events.poll(60, TimeUnit.SECONDS);
    assertThat(e).as("an event within 60 s").isNotNull();
    return e;
  }

  /** Events until one satisfies the test (included). */
  private static List<Event> until(BlockingQueue<Event> events, String type, String state)
      throws InterruptedException {
    List<Event> seen = new ArrayList<>();
    while (true) {
      Event e = next(events);
      seen.add(e);
      if (e.type().equals(type)
          && (state == null || e.data().path("task").path("state").asText().equals(state))) {
        return seen;
      }
    }
  }

  private long submit(String token) {
    return fx.postJson(
            "/api/v1/tasks", token, "{\"suite\":\"unit\",\"parameters\":{\"sleep\":0.3}}")
        .json()
        .get("id")
        .asLong();
  }

  @Test
  void aTasksStateChangesAndItsRunArriveInOrderWithIncreasingIds() throws Exception {
    startServer(false);
    BlockingQueue<Event> events = open("", null, null);
    long id = submit(null);

    List<Event> seen = until(events, "task", "COMPLETED");
    seen.addAll(until(events, "run", null));

    assertThat(seen.stream().map(Event::id).toList()).isSorted().doesNotHaveDuplicates();
    List<String> states =
        seen.stream()
            .filter(e -> e.type().equals("task"))
            .map(e -> e.data().get("task").get("state").asText())
            .toList();
    assertThat(states).containsExactly("QUEUED", "RUNNING", "COMPLETED");
    long runId = fx.get("/api/v1/tasks/" + id).json().get("run_id").asLong();
    assertThat(seen.getLast().data().get("run").get("run").asLong()).isEqualTo(runId);
    assertThat(seen.getLast().data().get("run").get("project").asText()).isEqualTo("shop");
  }

  @Test
  void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
    startServer(false);
    BlockingQueue<Event> first = open("", null, null);
    submit(null);
    long lastSeen = until(first, "task", "QUEUED").getLast().id();
    streams.getFirst().close();

    long second = submit(null);
    // Resumed from lastSeen too, so a quick task that ends before this stream opens is replayed.
    List<Event> ofSecond = until(open("?task=" + second, null, lastSeen), "task", "COMPLETED");
    assertThat(ofSecond)
        .extracting(e -> e.data().path("task").path("id").asLong())
        .as("the task filter")
        .containsOnly(second);

    BlockingQueue<Event> resumed = open("", null, lastSeen);
    Event after = next(resumed);
    assertThat(after.id()).isEqualTo(lastSeen + 1);
    List<Event> missed = until(resumed, "task", "COMPLETED");
    missed.add(0, after);
    assertThat(missed.stream().map(Event::id).toList()).isSorted();
  }

  @Test
  void aProjectsTokenGetsOnlyItsProjectsEvents() throws Exception {
    fx.token("shop", Scope.READ);
    String shop = fx.token("shop", Scope.RUN, Scope.READ);
    String other = fx.token("other", Scope.READ, Scope.INGEST);
    startServer(true);
    BlockingQueue<Event> events = open("", other, null);

    long task = submit(shop);
    org.assertj.core.api.Assertions.assertThat(task).isPositive();
    dev.evident.service.Await.until(
        "the shop task to end",
        Duration.ofSeconds(60),
        () -> fx.get("/api/v1/tasks/" + task, shop).json().get("terminal").asBoolean());
    fx.post(
        "/api/v1/projects/other/runs?name=TEST-a.xml",
        other,
        "application/xml",
        "<testsuite name=\"a\" tests=\"1\"><testcase classname=\"a\" name=\"b\"/></testsuite>"
            .getBytes(StandardCharsets.UTF_8));

    Event first = next(events);
    assertThat(first.type()).isEqualTo("run");
    assertThat(first.data().get("run").get("project").asText()).isEqualTo("other");
    assertThat(events.poll()).as("no event of project shop").isNull();
    assertThat(fx.get("/api/v1/events?project=shop", other).status()).isEqualTo(403);
  }
}
