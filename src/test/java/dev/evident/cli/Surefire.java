package dev.evident.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Surefire reports of one suite written from outcome letters: {@code P} passed, {@code F} an
 * assertion failure naming the test, {@code K} failed then passed on a rerun (flakyFailure), {@code
 * O} "Connection refused" to a database, {@code S} skipped, {@code -} absent.
 */
final class Surefire {

  private Surefire() {}

  /** Writes run {@code run} (an index into each test's letters) of suite {@code suite}. */
  static Path write(Path dir, String suite, Map<String, String> tests, int run) throws IOException {
    StringBuilder xml = new StringBuilder("<testsuite name=\"" + suite + "\">\n");
    tests.forEach(
        (name, outcomes) -> {
          char o = outcomes.charAt(run);
          if (o == '-') {
            return;
          }
          xml.append("  <testcase classname=\"").append(suite).append("\" name=\"").append(name);
          xml.append("\" time=\"0.01\">");
          xml.append(
              switch (o) {
                case 'P' -> "";
                case 'F' ->
                    "<failure type=\"java.lang.AssertionError\" message=\""
                        + name
                        + ": expected 3 but was 4\">at "
                        + suite
                        + "."
                        + name
                        + "</failure>";
                case 'K' ->
                    "<flakyFailure type=\"java.util.concurrent.TimeoutException\" message=\"lock"
                        + " not acquired\">at "
                        + suite
                        + "."
                        + name
                        + "</flakyFailure>";
                case 'O' ->
                    "<error type=\"java.net.ConnectException\" message=\"Connection refused:"
                        + " localhost/127.0.0.1:5432\">at org.postgresql.Driver.connect\nat "
                        + suite
                        + "."
                        + name
                        + "</error>";
                case 'S' -> "<skipped/>";
                default -> throw new IllegalArgumentException("not an outcome: " + o);
              });
          xml.append("</testcase>\n");
        });
    Path file = dir.resolve("run" + run).resolve("TEST-" + suite + ".xml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, xml.append("</testsuite>\n"));
  }
}
