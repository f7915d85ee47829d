package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known of one Go test (or subtest) between its {@code run} event and its result: its
 * output, bounded, and the lines that may explain a failure or a skip. Not thread safe.
 */
final class GoTestState {

  final String name;
  private BoundedText output;
  private String firstPanic;
  private String firstLocated;
  private String firstOther;
  private Map<String, String> attributes;

  /** PASS, FAIL or SKIP when the test's own {@code --- PASS: name} line was seen. */
  String printedVerdict;

  String printedSeconds;
  String failedSubtest;
  boolean parentPassed;

  GoTestState(String name) {
    this.name = name;
  }

  /** Takes one line of the test's output; framing lines and its own verdict line are not kept. */
  void line(String line, boolean newline) {
    if (GoOutputLines.framing(line)) {
      return;
    }
    String verdict = GoOutputLines.ownResult(line, name);
    if (verdict != null) {
      printedVerdict = verdict;
      printedSeconds = GoOutputLines.resultSeconds(line);
      return;
    }
    if (output == null) {
      output = BoundedText.forOutput();
    }
    output.append(line);
    if (newline) {
      output.append("\n");
    }
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("--- ")) {
      return;
    }
    if (s.startsWith(name + ": ")) {
      s = s.substring(name.length() + 2); // Go before 1.14 prefixed t.Log lines with the test name
    }
    if (firstPanic == null && GoOutputLines.panic(s)) {
      firstPanic = GoOutputLines.limit(s);
    } else if (firstLocated == null && GoOutputLines.located(s)) {
      firstLocated = GoOutputLines.limit(s);
    } else if (firstOther == null) {
      firstOther = GoOutputLines.limit(s);
    }
  }

  void attribute(String key, String value) {
    if (attributes == null) {
      attributes = new LinkedHashMap<>();
    }
    attributes.put(key, value == null ? "" : value);
  }

  Map<String, String> attributes() {
    return attributes == null ? Map.of() : attributes;
  }

  boolean sawPanic() {
    return firstPanic != null;
  }

  Excerpt stdout() {
    return output == null ? Excerpt.EMPTY : output.excerpt();
  }

  String outputText() {
    return output == null ? "" : output.text().strip();
  }

  /** Why the test failed: a panic first, then a {@code file.go:12:} line, then any line. */
  Failure failure() {
    String message = firstPanic != null ? firstPanic : firstLocated;
    if (message == null && failedSubtest != null) {
      message = "subtest failed: " + failedSubtest;
    }
    if (message == null) {
      message = firstOther != null ? firstOther : "failed without a message in its output";
    }
    return new Failure("", message, outputText());
  }

  /** Why the test was skipped: the {@code t.Skip} line, when it printed one. */
  Failure skip() {
    String message = firstLocated != null ? firstLocated : firstOther;
    return message == null ? Failure.NONE : new Failure("", message, "");
  }

  /** The failure of a test that never got a result because the test binary exited. */
  Failure noResult(String reason, String packagePanic, String packageTail) {
    String panic = firstPanic != null ? firstPanic : packagePanic;
    String message = panic != null ? reason + " (" + panic + ")" : reason;
    String details = outputText();
    if (!packageTail.isBlank()) {
      details = details + (details.isEmpty() ? "" : "\n") + "[package output]\n" + packageTail;
    }
    return new Failure("", GoOutputLines.limit(message), details);
  }
}
