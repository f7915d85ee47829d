package dev.evident.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes one JUnit XML file of a broken run for {@code bench/diagnose}: FAILURES failed tests whose
 * texts are the mix of {@link FailureTextGenerator} (services down, missing modules and settings,
 * timeouts, distinct assertion failures, compile errors, texts no rule knows), among passing ones,
 * in suites of 100 tests. The message attribute is the decisive line, as runners write it.
 * Deterministic.
 *
 * <p>Usage: {@code DiagnoseRunGenerator OUT.xml FAILURES PASSING}
 */
public final class DiagnoseRunGenerator {

  private DiagnoseRunGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int failures = Integer.parseInt(args[1]);
    int passing = Integer.parseInt(args[2]);
    Random random = new Random(7);
    int total = failures + passing;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
      int failed = 0;
      for (int i = 0; i < total; i++) {
        if (i % 100 == 0) {
          if (i > 0) {
            w.write("</testsuite>\n");
          }
          w.write("<testsuite name=\"com.acme.Suite" + i / 100 + "\">\n");
        }
        String name = "com.acme.Suite" + i / 100;
        w.write("<testcase classname=\"" + name + "\" name=\"test" + i + "\" time=\"0.01\"");
        // Spread the failures evenly over the run.
        boolean fails = (long) (i + 1) * failures / total > failed;
        if (!fails) {
          w.write("/>\n");
          continue;
        }
        failed++;
        String text = FailureTextGenerator.text(random);
        w.write("><failure message=\"" + escape(message(text)) + "\">");
        w.write(escape(text));
        w.write("</failure></testcase>\n");
      }
      w.write("</testsuite>\n</testsuites>\n");
    }
  }

  /** The decisive line: the last line of a Python traceback, else the first line. */
  private static String message(String text) {
    String[] lines = text.strip().split("\n");
    return text.startsWith("Traceback") ? lines[lines.length - 1].strip() : lines[0].strip();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
