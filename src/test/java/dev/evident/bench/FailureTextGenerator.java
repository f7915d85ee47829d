package dev.evident.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Writes JSON lines {@code {"id", "text", "runner"}} of realistic failure texts across categories
 * and ecosystems, for {@code bench/classify}: stack traces of varying depth around the decisive
 * line, varying names, hosts, ports and numbers, and a share of texts no rule knows. The mix leans
 * on assertion failures, the most common failure in real runs. Deterministic per seed.
 *
 * <p>Usage: {@code FailureTextGenerator OUT.jsonl COUNT}
 */
public final class FailureTextGenerator {

  private record Shape(String runner, Function<Random, String> text) {}

  private static final String[] MODULES = {"yaml", "requests", "cv2", "jwt", "pandas", "boto3"};
  private static final String[] HOSTS = {"localhost", "127.0.0.1", "db", "redis", "kafka"};
  private static final int[] PORTS = {5432, 6379, 6381, 3306, 9092, 8080, 27017};
  private static final String[] ENV = {"DATABASE_URL", "OPENAI_API_KEY", "REDIS_URL", "S3_BUCKET"};

  private static final List<Shape> SHAPES =
      List.of(
          new Shape("pytest", r -> py(r, "assert " + r.nextInt(100) + " == " + r.nextInt(100))),
          new Shape("pytest", r -> py(r, "AssertionError: expected status 200, got 500")),
          new Shape(
              "pytest",
              r -> py(r, "ModuleNotFoundError: No module named '" + pick(r, MODULES) + "'")),
          new Shape(
              "pytest",
              r ->
                  py(
                      r,
                      "redis.exceptions.ConnectionError: Error 111 connecting to "
                          + pick(r, HOSTS)
                          + ":"
                          + PORTS[r.nextInt(PORTS.length)]
                          + ". Connection refused.")),
          new Shape("pytest", r -> py(r, "KeyError: '" + pick(r, ENV) + "'")),
          new Shape("pytest", r -> py(r, "RuntimeError: Event loop is closed")),
          new Shape("pytest", r -> py(r, "Failed: Timeout >" + (10 + r.nextInt(50)) + ".0s")),
          new Shape("pytest", r -> py(r, "TypeError: Descriptors cannot be created directly.")),
          new Shape(
              "pytest",
              r ->
                  py(r, "TypeError: connect() got an unexpected keyword argument 'extra_headers'")),
          new Shape("pytest", r -> py(r, "ValueError: invoice " + r.nextInt(9999) + " is empty")),
          new Shape(
              "pytest",
              r ->
                  "file /app/tests/test_orders.py, line "
                      + r.nextInt(300)
                      + "\n  def test_order(db, order_factory):\nE       fixture 'db' not found\n"),
          new Shape(
              "nextest",
              r ->
                  "  TRY 1 FAIL [   0.013s] shop cache::tests::case_"
                      + r.nextInt(100)
                      + "\n  TRY 2 PASS [   0.011s] shop cache::tests::case\n"),
          new Shape("unittest", r -> py(r, "PermissionError: [Errno 13] Permission denied: '/x'")),
          new Shape(
              "maven",
              r ->
                  java(
                      r,
                      "org.opentest4j.AssertionFailedError: expected: <"
                          + r.nextInt(500)
                          + "> but was: <"
                          + r.nextInt(500)
                          + ">")),
          new Shape(
              "maven",
              r ->
                  java(r, "java.lang.IllegalStateException: Failed to load ApplicationContext")
                      + "Caused by: java.net.ConnectException: Connection refused\n"
                      + frames(r, "\tat org.postgresql.core.PGStream.<init>(PGStream.java:", 6)),
          new Shape("gradle", r -> java(r, "java.lang.OutOfMemoryError: Java heap space")),
          new Shape(
              "maven",
              r -> java(r, "java.lang.ClassNotFoundException: com.acme.Missing" + r.nextInt(50))),
          new Shape(
              "maven",
              r -> java(r, "java.lang.NullPointerException: Cannot invoke \"String.length()\"")),
          new Shape(
              "jest",
              r ->
                  js(
                      r,
                      "expect(received).toBe(expected) // Object.is equality\n\n    Expected: "
                          + r.nextInt(100)
                          + "\n    Received: "
                          + r.nextInt(100))),
          new Shape(
              "jest",
              r ->
                  js(r, "Error: connect ECONNREFUSED 127.0.0.1:" + PORTS[r.nextInt(PORTS.length)])),
          new Shape("mocha", r -> js(r, "Error: Timeout of 2000ms exceeded.")),
          new Shape("vitest", r -> js(r, "Error: Cannot find module 'left-pad'")),
          new Shape("jest", r -> js(r, "TypeError: Cannot read properties of undefined")),
          new Shape(
              "go",
              r ->
                  "=== RUN   TestCase"
                      + r.nextInt(100)
                      + "\n    cart_test.go:"
                      + r.nextInt(300)
                      + ": Total() = 14.5, want 13.05\n--- FAIL: TestCase (0.00s)\nFAIL\n"),
          new Shape(
              "go",
              r ->
                  "    store_test.go:22: dial tcp 127.0.0.1:"
                      + PORTS[r.nextInt(PORTS.length)]
                      + ": connect: connection refused\n--- FAIL: TestStore (0.00s)\n"),
          new Shape("go", r -> "panic: test timed out after 10m0s\n" + goroutines(r)),
          new Shape(
              "cargo",
              r ->
                  "thread 'tests::case_"
                      + r.nextInt(100)
                      + "' panicked at src/lib.rs:"
                      + r.nextInt(400)
                      + ":9:\nassertion `left == right` failed\n  left: 3\n right: 4\n"),
          new Shape(
              "cargo",
              r ->
                  "error[E0425]: cannot find value `total` in this scope\n --> src/cart.rs:9:5\n"));

  private FailureTextGenerator() {}

  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Integer.parseInt(args[1]), 42);
  }

  static void write(Path file, int count, long seed) throws IOException {
    Random random = new Random(seed);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator json = new JsonFactory().createGenerator(w)) {
      json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (int i = 0; i < count; i++) {
        Shape shape = shape(random);
        json.writeStartObject();
        json.writeNumberField("id", i);
        json.writeStringField("text", shape.text().apply(random));
        json.writeStringField("runner", shape.runner());
        json.writeEndObject();
      }
      json.writeRaw('\n');
    }
  }

  /** One failure text of the mix. */
  static String text(Random random) {
    return shape(random).text().apply(random);
  }

  private static Shape shape(Random random) {
    // Assertion failures make up about a third of real failures: weight them.
    return random.nextInt(3) == 0
        ? SHAPES.get(random.nextInt(2))
        : SHAPES.get(random.nextInt(SHAPES.size()));
  }

  private static String py(Random r, String last) {
    StringBuilder s = new StringBuilder("Traceback (most recent call last):\n");
    int depth = 3 + r.nextInt(12);
    for (int i = 0; i < depth; i++) {
      s.append("  File \"/app/src/module_")
          .append(r.nextInt(40))
          .append(".py\", line ")
          .append(r.nextInt(900))
          .append(", in handler_")
          .append(i)
          .append("\n    result = call_")
          .append(r.nextInt(99))
          .append("(payload, retries=3)\n");
    }
    return s.append("E   ").append(last).append('\n').toString();
  }

  private static String java(Random r, String first) {
    return first + "\n" + frames(r, "\tat com.acme.shop.Service" + r.nextInt(30) + ".run(", 8);
  }

  private static String frames(Random r, String prefix, int min) {
    StringBuilder s = new StringBuilder();
    int depth = min + r.nextInt(20);
    for (int i = 0; i < depth; i++) {
      s.append(prefix).append(r.nextInt(400)).append(")\n");
    }
    return s.toString();
  }

  private static String js(Random r, String error) {
    StringBuilder s = new StringBuilder("  ● orders › case ").append(r.nextInt(300)).append("\n\n");
    s.append("    ").append(error).append("\n\n");
    int depth = 2 + r.nextInt(8);
    for (int i = 0; i < depth; i++) {
      s.append("      at Object.<anonymous> (src/orders/api.test.ts:")
          .append(r.nextInt(200))
          .append(":")
          .append(r.nextInt(40))
          .append(")\n");
    }
    return s.toString();
  }

  private static String goroutines(Random r) {
    StringBuilder s = new StringBuilder();
    int count = 1 + r.nextInt(4);
    for (int i = 0; i < count; i++) {
      s.append("\ngoroutine ").append(r.nextInt(90)).append(" [chan receive]:\n");
      s.append("github.com/acme/shop/worker.(*Pool).Wait(0xc0001a2000)\n");
      s.append("\t/src/worker/pool.go:").append(r.nextInt(200)).append(" +0x45\n");
    }
    return s.toString();
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
