package dev.evident.bench;

import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
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
 * Writes a history of RUNS runs of one project ({@code bench}) of TESTS tests each into a store,
 * for the history benchmarks (compare, flaky, progress, trend): 50 suites (a fifth of them
 * integration suites, {@code com.acme.it.*IT}), 1% of the tests flaky (fail one run in five, half
 * of those passing on a rerun in the same run), 0.5% failing for good from some run on, 1% always
 * skipped, 0.2% with durations that grow over time, the rest passing with noisy durations; every
 * tenth run an outage where 80% of the tests fail for one system-level cause; a new commit every
 * third run on branch main, a feature branch every 25th run. Deterministic.
 *
 * <p>Usage: {@code HistoryGenerator DB RUNS TESTS}
 */
public final class HistoryGenerator {

  private HistoryGenerator() {}

  public static void main(String[] args) {
    String db = args[0];
    int runs = Integer.parseInt(args[1]);
    int tests = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    write(db, runs, tests);
    System.out.printf(
        Locale.ROOT,
        "wrote %,d runs x %,d tests (%,d results) in %.1f s%n",
        runs,
        tests,
        (long) runs * tests,
        (System.nanoTime() - start) / 1e9);
  }

  static void write(String db, int runs, int tests) {
    Random random = new Random(11);
    int suites = Math.max(1, Math.min(50, tests / 20));
    TestId[] ids = new TestId[tests];
    int[] kind = new int[tests]; // 0 stable, 1 flaky, 2 breaks, 3 skipped, 4 slowing
    int[] breaksAt = new int[tests];
    long[] baseMicros = new long[tests];
    for (int t = 0; t < tests; t++) {
      int suite = t % suites;
      String name =
          suite % 5 == 0
              ? "com.acme.it.Service" + suite + "IT"
              : "com.acme.unit.Unit" + suite + "Test";
      ids[t] = new TestId(name, "test" + t);
      int r = random.nextInt(1000);
      kind[t] = r < 10 ? 1 : r < 15 ? 2 : r < 25 ? 3 : r < 27 ? 4 : 0;
      breaksAt[t] = random.nextInt(runs);
      baseMicros[t] = 200 + random.nextInt(50_000);
    }
    Failure assertion =
        new Failure(
            "AssertionError", "expected 200 but was 500", "at com.acme.Api.call(Api.java:12)");
    Failure outage =
        new Failure(
            "java.net.ConnectException",
            "Connection refused: localhost/127.0.0.1:5432",
            "java.net.ConnectException: Connection refused\n\tat org.postgresql.Driver.connect");
    Failure timing =
        new Failure("java.util.concurrent.TimeoutException", "lock not acquired within 100 ms", "");
    Instant day = Instant.parse("2026-01-01T08:00:00Z");
    try (ResultStore store = ResultStore.open(db)) {
      for (int run = 0; run < runs; run++) {
        boolean down = run % 10 == 9;
        String branch = run % 25 == 24 ? "feature/x" : "main";
        String commit = String.format(Locale.ROOT, "%040x", 0xabc000L + run / 3);
        Instant started = day.plus(Duration.ofHours(6L * run));
        RunStart start =
            new RunStart(
                "bench",
                "ingest",
                "",
                null,
                Map.of("git.commit", commit, "git.branch", branch),
                Map.of(),
                started,
                started.plusSeconds(60));
        try (RunWriter w = store.startRun(start)) {
          for (int t = 0; t < tests; t++) {
            long micros = baseMicros[t] + random.nextInt(1 + (int) baseMicros[t] / 10);
            if (kind[t] == 4) {
              micros += (long) run * baseMicros[t] / 100;
            }
            Duration duration = Duration.ofNanos(micros * 1000);
            TestResult result = TestResult.of(ids[t], Outcome.PASSED, duration);
            if (kind[t] == 3) {
              result = TestResult.of(ids[t], Outcome.SKIPPED, null);
            } else if (down && random.nextInt(10) < 8) {
              result = result.with(Outcome.ERRORED, outage);
            } else if (kind[t] == 2 && run >= breaksAt[t]) {
              result = result.with(Outcome.FAILED, assertion);
            } else if (kind[t] == 1 && random.nextInt(5) == 0) {
              result =
                  random.nextBoolean()
                      ? result.with(Outcome.FAILED, timing)
                      : new TestResult(
                          ids[t],
                          Outcome.FLAKY,
                          duration,
                          Failure.NONE,
                          List.of(new Attempt(Outcome.FAILED, duration, timing)),
                          Excerpt.EMPTY,
                          Excerpt.EMPTY,
                          null,
                          List.of(),
                          Map.of());
            }
            w.add(result);
          }
          w.commit(null);
        }
      }
    }
  }
}
