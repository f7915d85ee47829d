package dev.evident.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for bench/a2a: N clients at once each send A2A 0.3 message/stream for a declared suite and
 * read their own SSE stream to its end, checking that the events come in order (the task first,
 * states never going back, final only on the last event, the report artifact before it); then
 * GetTask (tasks/get) round trips on the finished tasks, one client. Prints wall time and
 * latencies; exits 1 when any stream broke a rule or a task did not complete.
 *
 * <p>Usage: A2aLoad URL SUITE CLIENTS GETS
 */
public final class A2aLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ORDER =
      List.of("submitted", "working", "completed", "failed", "canceled", "rejected");

  private A2aLoad() {}

  public static void main(String[] args) throws Exception {
    String endpoint = args[0] + "/a2a";
    String suite = args[1];
    int clients = Integer.parseInt(args[2]);
    int gets = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger events = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      int client = i;
      pool.execute(
          () -> {
            try {
              start.await();
              String id = stream(http, endpoint, suite, client, problems, events);
              if (id != null) {
                ids.add(id);
                completed.incrementAndGet();
              }
            } catch (Exception e) {
              problems.add("client " + client + ": " + e);
            } finally {
              done.countDown();
            }
          });
    }
    long t0 = System.nanoTime();
    start.countDown();
    if (!done.await(30, TimeUnit.MINUTES)) {
      problems.add("streams still open after 30 minutes");
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    pool.shutdownNow();
    System.out.printf(
        "%d concurrent message/stream tasks of suite %s: %d completed, %d events, wall %.1f s%n",
        clients, suite, completed.get(), events.get(), wall);
    if (!ids.isEmpty()) {
      gets(http, endpoint, ids, gets);
    }
    if (!problems.isEmpty()) {
      problems.stream().limit(20).forEach(p -> System.out.println("PROBLEM " + p));
      System.out.println(problems.size() + " problems");
      System.exit(1);
    }
    System.out.println("every stream in order: task first, states monotonic, final last");
    System.exit(0);
  }

  /** One client's stream; its task id when it completed by the rules, else null. */
  private static String stream(
      HttpClient http,
      String endpoint,
      String suite,
      int client,
      List<String> problems,
      AtomicInteger count)
      throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "jsonrpc",
                "2.0",
                "id",
                client,
                "method",
                "message/stream",
                "params",
                Map.of(
                    "message",
                    Map.of(
                        "kind",
                        "message",
                        "messageId",
                        "bench-" + client,
                        "role",
                        "user",
                        "parts",
                        List.of(
                            Map.of(
                                "kind",
                                "data",
                                "data",
                                Map.of("suite", suite, "parameters", Map.of())))))));
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    List<JsonNode> events = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          events.add(JSON.readTree(line.substring(5)));
        }
      }
    }
    count.addAndGet(events.size());
    String who = "client " + client + ": ";
    if (events.isEmpty() || !events.get(0).has("result")) {
      problems.add(who + "no task: " + (events.isEmpty() ? "empty stream" : events.get(0)));
      return null;
    }
    JsonNode first = events.get(0).get("result");
    if (!"task".equals(first.path("kind").asText())) {
      problems.add(who + "first event is not the task: " + first);
      return null;
    }
    int state = ORDER.indexOf(first.at("/status/state").asText());
    for (int i = 1; i < events.size(); i++) {
      JsonNode e = events.get(i).path("result");
      boolean last = i == events.size() - 1;
      String kind = e.path("kind").asText();
      if (kind.equals("status-update")) {
        int s = ORDER.indexOf(e.at("/status/state").asText());
        if (s < state) {
          problems.add(who + "state went back: " + ORDER.get(state) + " then " + ORDER.get(s));
        }
        state = s;
        if (e.path("final").asBoolean() != last) {
          problems.add(
              who + "final=" + e.path("final") + " on event " + i + " of " + events.size());
        }
      } else if (kind.equals("artifact-update")) {
        if (i != events.size() - 2) {
          problems.add(who + "the artifact is not the event before the last");
        }
      } else {
        problems.add(who + "unexpected event " + e);
      }
    }
    JsonNode end = events.get(events.size() - 1).path("result");
    if (!end.path("final").asBoolean() || !"completed".equals(end.at("/status/state").asText())) {
      problems.add(who + "did not end completed: " + end.at("/status"));
      return null;
    }
    return first.get("id").asText();
  }

  private static void gets(HttpClient http, String endpoint, List<String> ids, int n)
      throws Exception {
    long[] micros = new long[n];
    for (int i = -50; i < n; i++) { // 50 warm-up calls, not counted
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "id",
                  i,
                  "method",
                  "tasks/get",
                  "params",
                  Map.of("id", ids.get(Math.floorMod(i, ids.size())))));
      long t = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long took = (System.nanoTime() - t) / 1000;
      if (!r.body().contains("\"result\"")) {
        throw new IllegalStateException("tasks/get failed: " + r.body());
      }
      if (i >= 0) {
        micros[i] = took;
      }
    }
    java.util.Arrays.sort(micros);
    System.out.printf(
        "tasks/get round trip over %d completed tasks, %d calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        ids.size(),
        n,
        micros[n / 2] / 1000.0,
        micros[(int) Math.ceil(n * 0.95) - 1] / 1000.0,
        micros[n - 1] / 1000.0);
  }
}
