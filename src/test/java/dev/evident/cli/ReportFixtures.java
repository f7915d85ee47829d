package dev.evident.cli;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores the runs the report tests read: each scenario a project of its own, runs an hour apart
 * from 2026-03-01 09:00 UTC, every duration given, so that reports are the same in every run of the
 * tests but for the time they were generated.
 */
public final class ReportFixtures implements AutoCloseable {

  public static final Failure ASSERTION =
      new Failure(
          "java.lang.AssertionError",
          "expected: <3> but was: <4>",
          "java.lang.AssertionError: expected: <3> but was: <4>\n\tat shop.CartTest.totals");
  public static final Failure DATABASE_DOWN =
      new Failure(
          "java.net.ConnectException",
          "Connection refused: localhost/127.0.0.1:5432",
          "java.net.ConnectException: Connection refused\n\tat org.postgresql.Driver.connect");
  public static final Failure REDIS_DOWN =
      new Failure(
          "redis.exceptions.ConnectionError",
          "Error 111 connecting to localhost:6381. Connection refused.",
          "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6381. Connection"
              + " refused.");

  private static final Instant FIRST = Instant.parse("2026-03-01T09:00:00Z");

  private final ResultStore store;
  private int written;

  private ReportFixtures(ResultStore store) {
    this.store = store;
  }

  public static ReportFixtures open(Path db) {
    return new ReportFixtures(ResultStore.open(db.toString()));
  }

  public RunWriter start(String project, String branch) {
    Instant started = FIRST.plus(Duration.ofHours(written++));
    Map<String, String> attributes =
        branch == null
            ? Map.of()
            : Map.of(
                "git.branch",
                branch,
                "git.commit",
                (written + "c0ffee".repeat(7)).substring(0, 40));
    return store.startRun(
        new RunStart(
            project, "ingest", "", null, attributes, Map.of(), started, started.plusSeconds(42)));
  }

  public static TestResult result(String suite, String name, Outcome outcome, long millis) {
    return TestResult.of(new TestId(suite, name), outcome, Duration.ofMillis(millis));
  }

  public static TestResult failed(
      String suite, String name, Outcome outcome, Failure f, Location at) {
    return new TestResult(
        new TestId(suite, name),
        outcome,
        Duration.ofMillis(30),
        f,
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        at,
        List.of(),
        Map.of());
  }

  public static TestResult skipped(String suite, String name, String reason) {
    return TestResult.of(new TestId(suite, name), Outcome.SKIPPED, null)
        .with(Outcome.SKIPPED, new Failure("", reason, ""));
  }

  /** Project shop on main: run 1 mostly passing, run 2 with a new failure, an outage, a flake. */
  public void shop() {
    try (RunWriter w = start("shop", "main")) {
      w.add(result("shop.CartTest", "adds", Outcome.PASSED, 12));
      w.add(result("shop.CartTest", "totals", Outcome.PASSED, 8));
      w.add(result("shop.PayTest", "charges", Outcome.PASSED, 250));
      w.add(result("shop.PayTest", "refunds", Outcome.PASSED, 40));
      w.add(result("shop.DbIT", "connects", Outcome.PASSED, 900));
      w.add(skipped("shop.DbIT", "migrates", "needs docker"));
      w.commit(null);
    }
    try (RunWriter w = start("shop", "main")) {
      w.add(result("shop.CartTest", "adds", Outcome.PASSED, 13));
      w.add(
          failed(
              "shop.CartTest",
              "totals",
              Outcome.FAILED,
              ASSERTION,
              Location.of("src/test/java/shop/CartTest.java", 42)));
      w.add(result("shop.PayTest", "charges", Outcome.FAILED, 260).with(Outcome.FAILED, ASSERTION));
      w.add(result("shop.PayTest", "charges", Outcome.PASSED, 240));
      w.add(skipped("shop.PayTest", "refunds", "upstream sandbox is down"));
      w.add(failed("shop.DbIT", "connects", Outcome.ERRORED, DATABASE_DOWN, null));
      w.add(failed("shop.DbIT", "migrates", Outcome.ERRORED, DATABASE_DOWN, null));
      w.add(result("shop.PayTest", "voids", Outcome.PASSED, 1500));
      w.problem(Problem.warning("TEST-shop.PayTest.xml", 7, "time \"n/a\" is not a number"));
      w.commit(null);
    }
  }

  /** Project api: nothing executed, three test files failed to import. */
  public void broken() {
    try (RunWriter w = start("api", "main")) {
      for (String file : List.of("tests/test_a.py", "tests/test_b.py", "tests/test_c.py")) {
        w.runError(
            new RunError(
                RunError.Kind.COLLECTION,
                file,
                new Failure(
                    "ModuleNotFoundError",
                    "No module named 'grpc'",
                    "E   ModuleNotFoundError: No module named 'grpc'"),
                Location.of(file, 3)));
      }
      w.commit(RunStatus.BROKEN);
    }
  }

  /** Project cache: 8 of 10 tests cannot reach redis on port 6381. */
  public void environment() {
    try (RunWriter w = start("cache", null)) {
      for (int i = 1; i <= 8; i++) {
        w.add(failed("cache.test_store", "test_" + i, Outcome.ERRORED, REDIS_DOWN, null));
      }
      w.add(failed("cache.test_keys", "test_expiry", Outcome.FAILED, ASSERTION, null));
      w.add(result("cache.test_keys", "test_names", Outcome.PASSED, 5));
      w.commit(null);
    }
  }

  /** Project bot: blocked by a missing service and a missing command. */
  public void blocked() {
    try (RunWriter w = start("bot", null)) {
      w.runError(
          new RunError(
              RunError.Kind.PREFLIGHT,
              "service redis",
              new Failure("", "tcp://localhost:6381: connection refused", "start redis"),
              null));
      w.runError(
          new RunError(
              RunError.Kind.PREFLIGHT,
              "command codex",
              new Failure("", "codex: not found on PATH", "install codex"),
              null));
      w.commit(RunStatus.BLOCKED);
    }
  }

  /** Project big: run 1 all passing, run 2 with {@code failures} new failures of 60 causes. */
  public void big(int tests, int failures) {
    try (RunWriter w = start("big", "main")) {
      for (int i = 0; i < tests; i++) {
        w.add(result("big.Suite" + (i % 40), "test" + i, Outcome.PASSED, 1 + i % 97));
      }
      w.commit(null);
    }
    try (RunWriter w = start("big", "main")) {
      for (int i = 0; i < tests; i++) {
        String suite = "big.Suite" + (i % 40);
        if (i < failures) {
          int k = i % 60;
          String machine = "" + (char) ('A' + k / 8) + (char) ('a' + k % 8);
          Failure f =
              new Failure(
                  "big.Machine" + machine + "Exception",
                  "machine " + machine + " refused the order",
                  "big.Machine" + machine + "Exception\n\tat big.Machine" + machine + ".step");
          w.add(
              failed(suite, "test" + i, Outcome.FAILED, f, Location.of("big/Suite.java", 10 + i)));
        } else {
          w.add(result(suite, "test" + i, Outcome.PASSED, 1 + i % 97));
        }
      }
      w.commit(null);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
