package dev.evident.bench;

import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the history {@code bench/report} reads: RUNS runs of project {@code bench} on branch main,
 * TESTS tests each in 50 suites, 5% of them failing in every run: 4% for good (assertion failures
 * whose stack names the test's suite and line, so they group by suite), 1% changing from run to run
 * (half a database that refuses connections, half timeouts), 0.2% flaky (failed, then passed on a
 * rerun), 1% skipped with one of three reasons; failed tests have a source file and line.
 * Deterministic.
 *
 * <p>Usage: {@code ReportHistoryGenerator DB RUNS TESTS}
 */
public final class ReportHistoryGenerator {

  private ReportHistoryGenerator() {}

  public static void main(String[] args) {
    String db = args[0];
    int runs = Integer.parseInt(args[1]);
    int tests = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    write(db, runs, tests);
    System.out.printf(
        Locale.ROOT,
        "wrote %,d runs x %,d tests in %.1f s%n",
        runs,
        tests,
        (System.nanoTime() - start) / 1e9);
  }

  static void write(String db, int runs, int tests) {
    Random random = new Random(17);
    String[] skips = {"needs a GPU", "slow: run with -Pslow", "upstream sandbox is down"};
    Failure database =
        new Failure(
            "java.net.ConnectException",
            "Connection refused: localhost/127.0.0.1:5432",
            "java.net.ConnectException: Connection refused\n\tat org.postgresql.Driver.connect");
    Failure timeout =
        new Failure(
            "java.util.concurrent.TimeoutException",
            "order not confirmed within 5000 ms",
            "java.util.concurrent.TimeoutException\n\tat com.acme.Orders.await(Orders.java:88)");
    Instant day = Instant.parse("2026-01-01T08:00:00Z");
    try (ResultStore store = ResultStore.open(db)) {
      for (int run = 0; run < runs; run++) {
        Instant started = day.plus(Duration.ofHours(6L * run));
        long h = (run + 1) * 0x9E3779B97F4A7C15L;
        String commit = String.format(Locale.ROOT, "%016x%016x%08x", h, h * 31, run);
        RunStart start =
            new RunStart(
                "bench",
                "ingest",
                "",
                null,
                Map.of("git.commit", commit, "git.branch", "main"),
                Map.of(),
                started,
                started.plusSeconds(300));
        try (RunWriter w = store.startRun(start)) {
          for (int t = 0; t < tests; t++) {
            int suite = t % 50;
            String className = "com.acme.Suite" + suite + "Test";
            TestId id = new TestId(className, "test" + t);
            Duration duration = Duration.ofNanos((200 + (t * 7919L) % 80_000) * 1000);
            Location at =
                Location.of("src/test/java/com/acme/Suite" + suite + "Test.java", 10 + t % 900);
            TestResult result = TestResult.of(id, Outcome.PASSED, duration);
            if (t % 100 == 1) {
              result = result.with(Outcome.SKIPPED, new Failure("", skips[t % 3], ""));
            } else if (t % 25 == 0) {
              Failure assertion =
                  new Failure(
                      "org.opentest4j.AssertionFailedError",
                      "expected: <" + (t % 7) + "> but was: <" + (t % 7 + 1) + ">",
                      "org.opentest4j.AssertionFailedError: expected\n\tat "
                          + className
                          + ".test"
                          + t
                          + "("
                          + className.substring(9)
                          + ".java:"
                          + (10 + t % 900)
                          + ")");
              result = failed(id, Outcome.FAILED, duration, assertion, at);
            } else if (t % 500 == 3 && run % 2 == 1) {
              result =
                  new TestResult(
                      id,
                      Outcome.FLAKY,
                      duration,
                      Failure.NONE,
                      List.of(new Attempt(Outcome.FAILED, duration, timeout)),
                      Excerpt.EMPTY,
                      Excerpt.EMPTY,
                      at,
                      List.of(),
                      Map.of());
            } else if (random.nextInt(100) == 0) {
              boolean down = random.nextBoolean();
              result =
                  failed(
                      id,
                      down ? Outcome.ERRORED : Outcome.FAILED,
                      duration,
                      down ? database : timeout,
                      at);
            }
            w.add(result);
          }
          w.commit(null);
        }
      }
    }
  }

  private static TestResult failed(TestId id, Outcome outcome, Duration d, Failure f, Location at) {
    return new TestResult(
        id, outcome, d, f, List.of(), Excerpt.EMPTY, Excerpt.EMPTY, at, List.of(), Map.of());
  }
}
