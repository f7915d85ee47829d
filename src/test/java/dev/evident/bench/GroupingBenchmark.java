package dev.evident.bench;

import dev.evident.analyze.FailureGroup;
import dev.evident.analyze.FailureGrouper;
import dev.evident.analyze.TestFailure;
import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times {@link FailureGrouper} on 50,000 failures of mixed causes, as {@code evident diagnose}
 * meets them in a broken run: a service down for a third of the tests (other ports, hosts and
 * tests), 12,500 distinct assertion failures (the worst case for near-duplicate search), timeouts
 * in 500 test files (500 fingerprints, one group), missing modules and settings, temp files. Every
 * failure is its own text, as if no two shared one. Prints the first (cold JVM) run and the median
 * of the next ones.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile && java -cp "target/classes:target/test-classes"
 * dev.evident.bench.GroupingBenchmark [FAILURES]}
 */
public final class GroupingBenchmark {

  private GroupingBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    List<TestFailure> failures = generate(count, new Random(42));
    FailureGrouper grouper = new FailureGrouper();
    long[] times = new long[8];
    List<FailureGroup> groups = List.of();
    for (int run = 0; run < times.length; run++) {
      long start = System.nanoTime();
      groups = grouper.group(failures);
      times[run] = System.nanoTime() - start;
    }
    long[] warm = Arrays.copyOfRange(times, 1, times.length);
    Arrays.sort(warm);
    long merged = groups.stream().filter(g -> g.fingerprints().size() > 1).count();
    System.out.printf(
        Locale.ROOT,
        "grouped %,d failures into %,d groups (%,d with near duplicates merged; largest %,d tests)%n"
            + "first run %d ms, median of %d further runs %d ms (%s, %d cores, Java %s)%n",
        count,
        groups.size(),
        merged,
        groups.get(0).count(),
        times[0] / 1_000_000,
        warm.length,
        warm[warm.length / 2] / 1_000_000,
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
  }

  static List<TestFailure> generate(int count, Random random) {
    List<TestFailure> failures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(100);
      String suite = "tests/test_module_" + (i % 400) + ".py";
      String test = "test_case_" + i;
      Failure failure;
      Category category;
      if (kind < 30) {
        String host = random.nextInt(10) == 0 ? "redis-ci" : "localhost";
        failure = redis(host, 6381 + random.nextInt(3), test);
        category = Category.SERVICE_UNAVAILABLE;
      } else if (kind < 40) {
        failure = postgres(32768 + random.nextInt(20_000), i % 300);
        category = Category.SERVICE_UNAVAILABLE;
      } else if (kind < 65) {
        failure =
            assertion("Test" + (i % 900), "case" + i, random.nextInt(100), random.nextInt(100));
        category = Category.ASSERTION_FAILURE;
      } else if (kind < 75) {
        failure = timeout("/app/test/" + letters(random.nextInt(500)) + "_spec.test.js");
        category = Category.TIMEOUT;
      } else if (kind < 85) {
        failure = missingModule(letters(random.nextInt(40)) + "_client");
        category = Category.MISSING_DEPENDENCY;
      } else if (kind < 95) {
        failure = missingSetting(letters(random.nextInt(30)).toUpperCase(Locale.ROOT) + "_URL");
        category = Category.CONFIGURATION_MISSING;
      } else {
        failure = tempFile(random.nextInt(1000), i);
        category = Category.OTHER;
      }
      Diagnosis diagnosis = new Diagnosis(category, 0.8, "", Map.of(), "", "");
      failures.add(new TestFailure(new TestId(suite, test), Outcome.FAILED, failure, diagnosis));
    }
    return failures;
  }

  /** A file name without digits (digits would be normalised away): 0 is a, 27 is bb. */
  private static String letters(int n) {
    StringBuilder name = new StringBuilder();
    do {
      name.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return name.toString();
  }

  private static Failure redis(String host, int port, String test) {
    String message =
        "redis.exceptions.ConnectionError: Error 111 connecting to "
            + host
            + ":"
            + port
            + ". Connection refused.";
    return new Failure(
        "redis.exceptions.ConnectionError",
        message,
        ("Traceback (most recent call last):\n"
                + "  File \"/app/.venv/lib/python3.12/site-packages/redis/connection.py\", line 357, in connect\n"
                + "    sock = self.retry.call_with_retry(\n"
                + "  File \"/app/.venv/lib/python3.12/site-packages/redis/retry.py\", line 62, in call_with_retry\n"
                + "    return do()\n"
                + "  File \"/usr/lib/python3.12/socket.py\", line 850, in create_connection\n"
                + "    raise exceptions[0]\n"
                + "ConnectionRefusedError: [Errno 111] Connection refused\n\n"
                + "During handling of the above exception, another exception occurred:\n\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/app/.venv/lib/python3.12/site-packages/_pytest/runner.py\", line 341, in from_call\n"
                + "    result = func()\n"
                + "  File \"/app/tests/test_cache.py\", line %d, in %s\n"
                + "    cache.get(\"k\")\n%s\n")
            .formatted(10 + test.length(), test, message));
  }

  private static Failure postgres(int port, int file) {
    return new Failure(
        "Error",
        "connect ECONNREFUSED 127.0.0.1:" + port,
        ("Error: connect ECONNREFUSED 127.0.0.1:%d\n"
                + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
                + "    at Client._connect (/app/node_modules/pg/lib/client.js:132:11)\n"
                + "    at async Object.<anonymous> (/app/test/db_%d.test.js:8:5)\n"
                + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n")
            .formatted(port, file));
  }

  private static Failure assertion(String testClass, String method, int expected, int actual) {
    String message = "expected: <" + expected + "> but was: <" + actual + ">";
    StringBuilder trace = new StringBuilder("org.opentest4j.AssertionFailedError: " + message);
    trace.append(
        "\n\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)"
            + "\n\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)");
    trace.append("\n\tat com.shop.").append(testClass).append('.').append(method);
    trace.append('(').append(testClass).append(".java:").append(20 + expected).append(')');
    for (int k = 0; k < 30; k++) {
      trace
          .append("\n\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute")
          .append("(NodeTestTask.java:")
          .append(100 + k)
          .append(')');
    }
    return new Failure("org.opentest4j.AssertionFailedError", message, trace.toString());
  }

  private static Failure timeout(String file) {
    return new Failure(
        "Error",
        "Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called;"
            + " if returning a Promise, ensure it resolves. ("
            + file
            + ")",
        "Error: Timeout of 2000ms exceeded.\n"
            + "    at listOnTimeout (node:internal/timers:573:17)\n"
            + "    at process.processTimers (node:internal/timers:514:7)\n");
  }

  private static Failure missingModule(String module) {
    return new Failure(
        "ModuleNotFoundError",
        "ModuleNotFoundError: No module named '" + module + "'",
        ("Traceback (most recent call last):\n"
                + "  File \"/app/tests/conftest.py\", line 3, in <module>\n"
                + "    import %s\n"
                + "ModuleNotFoundError: No module named '%s'\n")
            .formatted(module, module));
  }

  private static Failure missingSetting(String name) {
    return new Failure(
        "KeyError",
        "KeyError: '" + name + "'",
        ("Traceback (most recent call last):\n"
                + "  File \"/app/tests/conftest.py\", line 9, in app\n"
                + "    settings = load()\n"
                + "  File \"/app/shop/settings.py\", line 31, in load\n"
                + "    url = os.environ[\"%s\"]\n"
                + "  File \"/usr/lib/python3.12/os.py\", line 714, in __getitem__\n"
                + "    raise KeyError(key) from None\n"
                + "KeyError: '%s'\n")
            .formatted(name, name));
  }

  private static Failure tempFile(int session, int test) {
    String path = "/tmp/pytest-of-ci/pytest-" + session + "/test_export" + test + "/out.csv";
    return new Failure(
        "FileNotFoundError",
        "FileNotFoundError: [Errno 2] No such file or directory: '" + path + "'",
        ("tests/test_export.py:%d: in test_export\n"
                + "    export(tmp_path)\n"
                + "shop/export.py:%d: in export\n"
                + "    with open(path) as f:\n"
                + "E   FileNotFoundError: [Errno 2] No such file or directory: '%s'\n")
            .formatted(20 + test % 7, 40 + test % 3, path));
  }
}
