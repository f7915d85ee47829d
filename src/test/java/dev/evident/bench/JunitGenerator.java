package dev.evident.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic Surefire-style JUnit XML file for benchmarks: N test cases in S suites,
 * 5% failures with 12-line stack traces, 2% errors, 2% skipped. Deterministic for a seed.
 *
 * <p>Usage: {@code JunitGenerator OUT.xml [TESTS] [SUITES] [SEED]} (defaults 1,000,000 10,000 42).
 */
public final class JunitGenerator {

  private JunitGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int tests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int suites = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
      write(w, tests, suites, seed);
    }
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %,d test cases in %,d suites, %,d bytes%n",
        out,
        tests,
        suites,
        Files.size(out));
  }

  static void write(Writer w, int tests, int suites, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    int perSuite = tests / suites;
    int written = 0;
    for (int s = 0; s < suites; s++) {
      int count = s == suites - 1 ? tests - written : perSuite;
      String pkg = "com.acme.mod" + (s % 97) + ".f" + (s % 13);
      String cls = pkg + ".Part" + s + "Test";
      StringBuilder body = new StringBuilder(count * 200);
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      if (s % 50 == 0) {
        body.append(
            "    <properties>\n      <property name=\"java.version\" value=\"21.0.5\"/>\n"
                + "      <property name=\"os.name\" value=\"Linux\"/>\n    </properties>\n");
      }
      for (int t = 0; t < count; t++) {
        String name =
            "should"
                + (t % 2 == 0 ? "Handle" : "Reject")
                + "Case"
                + t
                + "When"
                + (t % 7 == 0 ? "Empty" : "Valid");
        double time = random.nextInt(2000) / 1000.0;
        int roll = random.nextInt(100);
        body.append("    <testcase name=\"")
            .append(name)
            .append("\" classname=\"")
            .append(cls)
            .append("\" time=\"")
            .append(time)
            .append('"');
        if (roll < 5) {
          failures++;
          body.append(">\n      <failure message=\"expected: &lt;")
              .append(t)
              .append("&gt; but was: &lt;")
              .append(t + 1)
              .append("&gt;\" type=\"org.opentest4j.AssertionFailedError\">");
          stack(
              body,
              "org.opentest4j.AssertionFailedError: expected: &lt;"
                  + t
                  + "&gt; but was: &lt;"
                  + (t + 1)
                  + "&gt;",
              cls,
              name,
              t);
          body.append("</failure>\n    </testcase>\n");
        } else if (roll < 7) {
          errors++;
          body.append(
              ">\n      <error message=\"Connection refused: localhost/127.0.0.1:5432\" type=\"java.net.ConnectException\">");
          stack(
              body,
              "java.net.ConnectException: Connection refused: localhost/127.0.0.1:5432",
              cls,
              name,
              t);
          body.append("</error>\n    </testcase>\n");
        } else if (roll < 9) {
          skipped++;
          body.append(
              ">\n      <skipped message=\"disabled until the migration lands\"/>\n    </testcase>\n");
        } else {
          body.append("/>\n");
        }
        written++;
      }
      w.write(
          "  <testsuite name=\""
              + cls
              + "\" time=\""
              + String.format(Locale.ROOT, "%.3f", count * 0.012)
              + "\" tests=\""
              + count
              + "\" errors=\""
              + errors
              + "\" skipped=\""
              + skipped
              + "\" failures=\""
              + failures
              + "\" timestamp=\"2026-11-20T10:15:30\" hostname=\"ci-runner-7\">\n");
      w.append(body);
      w.write("  </testsuite>\n");
    }
    w.write("</testsuites>\n");
  }

  private static void stack(StringBuilder w, String first, String cls, String name, int t) {
    w.append(first);
    w.append("\n\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)");
    w.append("\n\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)");
    w.append("\n\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)");
    w.append(
        "\n\tat "
            + cls
            + "."
            + name
            + "("
            + cls.substring(cls.lastIndexOf('.') + 1)
            + ".java:"
            + (20 + t % 300)
            + ")");
    w.append(
        "\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)");
    w.append("\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)");
    w.append(
        "\n\tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:767)");
    w.append(
        "\n\tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)");
    w.append(
        "\n\tat org.junit.jupiter.engine.execution.InvocationInterceptorChain$ValidatingInvocation.proceed(InvocationInterceptorChain.java:131)");
    w.append(
        "\n\tat org.junit.jupiter.engine.extension.TimeoutExtension.intercept(TimeoutExtension.java:156)");
    w.append(
        "\n\tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod(TestMethodTestDescriptor.java:218)");
    w.append("\n");
  }
}
