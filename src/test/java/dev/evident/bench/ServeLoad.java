package dev.evident.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load client of bench/serve, against a running {@code evident serve} on loopback.
 *
 * <p>{@code ServeLoad read URL PROJECT REQUESTS CLIENTS}: REQUESTS times each, from CLIENTS
 * threads, GET the project's run list (first page, 50 runs) and GET one run (a random one of the
 * project's runs, what show --json prints); latency percentiles of each.
 *
 * <p>{@code ServeLoad upload URL PROJECT FILES TESTS CLIENTS [PROJECTS [WARMUP]]}: first WARMUP
 * files to project PROJECT-warmup (reported apart, not counted: the server's JIT warms up), then
 * FILES JUnit XML files of TESTS tests each, each uploaded as one multipart request, by CLIENTS
 * threads; latency percentiles, then the stored runs paged through the API: how many runs and
 * results the server holds, to check that nothing was lost or counted twice. With PROJECTS (default
 * 0), file i goes to project PROJECT-(i mod PROJECTS) and holds that project's one suite (CI
 * pipelines uploading their suite again and again); with 0, every file goes to PROJECT with a suite
 * of its own (one project whose distinct tests grow with every upload).
 */
public final class ServeLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[1];
    String project = args[2];
    if (args[0].equals("read")) {
      read(url, project, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    } else {
      upload(
          url,
          project,
          Integer.parseInt(args[3]),
          Integer.parseInt(args[4]),
          Integer.parseInt(args[5]),
          args.length > 6 ? Integer.parseInt(args[6]) : 0,
          args.length > 7 ? Integer.parseInt(args[7]) : 0);
    }
    System.exit(0);
  }

  static void read(String url, String project, int requests, int clients) throws Exception {
    String runs = url + "/api/v1/projects/" + project + "/runs";
    List<Long> ids = runIds(runs);
    System.out.printf(Locale.ROOT, "project %s: %,d runs%n", project, ids.size());
    for (int warm = 0; warm < 20; warm++) {
      get(runs + "?limit=50");
      get(runs + "/" + ids.get(warm % ids.size()));
    }
    long[] list = timed(requests, clients, i -> get(runs + "?limit=50"));
    Random random = new Random(7);
    long[] pick = new long[requests];
    for (int i = 0; i < requests; i++) {
      pick[i] = ids.get(random.nextInt(ids.size()));
    }
    long[] one = timed(requests, clients, i -> get(runs + "/" + pick[i]));
    report("GET run list (50 runs)", list, requests, clients);
    report("GET one run (show --json)", one, requests, clients);
    // The server keeps finished runs' details after their first read: the requests that read a
    // run for the first time in this session (not among the warm-up's) are timed apart.
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int warm = 0; warm < 20; warm++) {
      seen.add(ids.get(warm % ids.size()));
    }
    List<Long> first = new java.util.ArrayList<>();
    for (int i = 0; i < requests; i++) {
      if (seen.add(pick[i])) {
        first.add(one[i]);
      }
    }
    if (!first.isEmpty()) {
      long[] cold = first.stream().mapToLong(Long::longValue).toArray();
      report("  of which first reads of a run", cold, cold.length, clients);
    }
  }

  static void upload(
      String url, String project, int files, int tests, int clients, int projects, int warmup)
      throws Exception {
    if (warmup > 0) {
      long[] cold = send(url, project + "-warmup", warmup, tests, clients, 1, new AtomicInteger());
      report("warm-up uploads (not counted)", cold, warmup, clients);
    }
    AtomicInteger failures = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    long[] latencies = send(url, project, files, tests, clients, projects, failures, bytes);
    double seconds = (System.nanoTime() - start) / 1e9;
    report("POST upload (" + tests + " tests)", latencies, files, clients);
    System.out.printf(
        Locale.ROOT,
        "uploads: %,d in %.1f s (%.0f uploads/s, %.1f MB sent), %d not 201%n",
        files,
        seconds,
        files / seconds,
        bytes.get() / 1e6,
        failures.get());
    count(url, project, files, tests, projects);
  }

  private static long[] send(
      String url,
      String project,
      int files,
      int tests,
      int clients,
      int projects,
      AtomicInteger failures)
      throws Exception {
    return send(url, project, files, tests, clients, projects, failures, new AtomicLong());
  }

  private static long[] send(
      String url,
      String project,
      int files,
      int tests,
      int clients,
      int projects,
      AtomicInteger failures,
      AtomicLong bytes)
      throws Exception {
    return timed(
        files,
        clients,
        i -> {
          String boundary = "load-" + i;
          int suite = projects == 0 ? i : i % projects;
          String runs = url + "/api/v1/projects/" + projectOf(project, projects, i) + "/runs";
          byte[] body = multipart(boundary, "TEST-Suite" + suite + ".xml", junit(suite, tests));
          bytes.addAndGet(body.length);
          HttpResponse<String> r =
              CLIENT.send(
                  HttpRequest.newBuilder(URI.create(runs))
                      .timeout(Duration.ofMinutes(5))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 201) {
            failures.incrementAndGet();
            System.out.println("upload " + i + ": " + r.statusCode() + " " + r.body());
          }
        });
  }

  /** Pages through the stored runs of the measured projects and checks the totals. */
  private static void count(String url, String project, int files, int tests, int projects)
      throws Exception {
    long runsStored = 0;
    long results = 0;
    for (int p = 0; p < Math.max(1, projects); p++) {
      String next = url + "/api/v1/projects/" + projectOf(project, projects, p) + "/runs?limit=500";
      while (next != null) {
        JsonNode page = JSON.readTree(get(next));
        for (JsonNode run : page.get("runs")) {
          runsStored++;
          results += run.at("/counts/collected").asLong();
        }
        next = page.get("next").isNull() ? null : url + page.get("next").asText();
      }
    }
    long expected = (long) files * tests;
    System.out.printf(
        Locale.ROOT,
        "stored: %,d runs, %,d results (expected %,d runs, %,d results): %s%n",
        runsStored,
        results,
        files,
        expected,
        runsStored == files && results == expected ? "no loss, no duplicates" : "MISMATCH");
  }

  private static String projectOf(String project, int projects, int i) {
    return projects == 0 ? project : project + "-" + (i % projects);
  }

  private static String junit(int file, int tests) {
    StringBuilder xml = new StringBuilder(tests * 90);
    String suite = "com.acme.load.Suite" + file;
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"")
        .append(suite)
        .append("\" tests=\"")
        .append(tests)
        .append("\">\n");
    for (int t = 0; t < tests; t++) {
      xml.append("  <testcase classname=\"").append(suite).append("\" name=\"test").append(t);
      if (t % 100 == 7) {
        xml.append("\" time=\"0.012\"><failure message=\"expected 200 but was 500\"")
            .append(" type=\"AssertionError\">at com.acme.Api.call(Api.java:12)</failure>")
            .append("</testcase>\n");
      } else {
        xml.append("\" time=\"0.003\"/>\n");
      }
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static byte[] multipart(String boundary, String name, String content) {
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: application/xml\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Long> runIds(String runs) throws IOException, InterruptedException {
    List<Long> ids = new ArrayList<>();
    String base = runs.substring(0, runs.indexOf("/api/"));
    String next = runs + "?limit=500";
    while (next != null) {
      JsonNode page = JSON.readTree(get(next));
      page.get("runs").forEach(r -> ids.add(r.get("run").asLong()));
      next = page.get("next").isNull() ? null : base + page.get("next").asText();
    }
    return ids;
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  interface Call {
    void run(int i) throws Exception;
  }

  /** Runs {@code n} calls from {@code clients} threads; each call's latency in nanoseconds. */
  private static long[] timed(int n, int clients, Call call) throws Exception {
    long[] latencies = new long[n];
    AtomicInteger nextIndex = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = nextIndex.getAndIncrement();
                      i < n;
                      i = nextIndex.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    call.run(i);
                    latencies[i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    }
    return latencies;
  }

  private static void report(String what, long[] nanos, int n, int clients) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-30s %,6d requests, %2d clients: p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
        what,
        n,
        clients,
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
