package dev.evident.execute;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tests from nextest's status lines. Identity as in nextest's own JUnit report: the binary id
 * ({@code my-crate}, {@code my-crate::api}) is the suite, the test path the name. Each attempt is
 * one result ("TRY 1 FAIL", then "TRY 2 PASS": the receiver merges them into a flaky test); the
 * status lines nextest repeats after its summary are not read.
 */
final class NextestOutput {

  /**
   * One finished attempt.
   *
   * @param duration null when not printed
   */
  record Status(Outcome outcome, String word, Duration duration, String binary, String test) {}

  private static final Pattern STATUS =
      Pattern.compile(
          "^\\s*(PASS|LEAK|SLOW(?: \\+ LEAK)?|FAIL(?: \\+ LEAK)?|LEAK-FAIL|TIMEOUT|SIG[A-Z0-9]+"
              + "|ABORT(?: SIG \\d+)?|XFAIL|SKIP|TRY \\d+ [A-Z0-9 +-]+?|FLAKY \\d+/\\d+)"
              + " \\[\\s*(?:([\\d.]+)s)?\\s*] (?:\\(\\s*\\d+/\\s*\\d+\\) )?(\\S+) (.+?)\\s*$");

  /** "---- STDERR: my-crate tests::fails" (also with "TRY 2" and a trailing "---"). */
  private static final Pattern SECTION =
      Pattern.compile(
          "^(?:-{3,4}|─{3,4}) (?:TRY \\d+ )?(?:STDOUT|STDERR|OUTPUT):\\s+(\\S+) (.+?)(?: ---)?$");

  private static final Pattern PANIC = Pattern.compile("^thread '.*' (?:\\(\\d+\\) )?panicked at ");

  private final List<TestResult> tests = new ArrayList<>();
  private final Map<String, Integer> latest = new HashMap<>();
  private boolean summarized;
  private String section;
  private boolean panicNext;

  static Status status(String raw) {
    Matcher m = STATUS.matcher(Lines.clean(raw));
    if (!m.matches()) {
      return null;
    }
    String word = m.group(1);
    String last = word.startsWith("TRY ") ? word.substring(word.indexOf(' ', 4) + 1) : word;
    Outcome outcome;
    if (last.equals("PASS")
        || last.startsWith("SLOW")
        || last.equals("LEAK")
        || word.startsWith("FLAKY")) {
      outcome = Outcome.PASSED;
    } else if (last.equals("SKIP")) {
      outcome = Outcome.SKIPPED;
    } else if (last.startsWith("FAIL") || last.equals("LEAK-FAIL")) {
      outcome = Outcome.FAILED;
    } else {
      // Timeouts, signals, aborts and binaries that could not start: the test did not finish.
      outcome = Outcome.ERRORED;
    }
    Duration duration =
        m.group(2) == null ? null : Duration.ofNanos((long) (Double.parseDouble(m.group(2)) * 1e9));
    return new Status(outcome, word, duration, m.group(3), m.group(4));
  }

  void line(String raw) {
    String line = Lines.clean(raw);
    if (line.strip().startsWith("Summary [")) {
      summarized = true;
    }
    if (summarized) {
      return;
    }
    Status status = status(line);
    if (status != null) {
      section = null;
      add(status);
      return;
    }
    Matcher header = SECTION.matcher(line);
    if (header.matches()) {
      section = header.group(1) + " " + header.group(2);
      panicNext = false;
    } else if (section != null) {
      panicMessage(line);
    }
  }

  List<TestResult> tests() {
    return List.copyOf(tests);
  }

  private void add(Status status) {
    var id = new TestId(status.binary(), status.test());
    var result = TestResult.of(id, status.outcome(), status.duration());
    if (status.outcome() == Outcome.ERRORED) {
      result = result.with(Outcome.ERRORED, new Failure(status.word(), status.word(), ""));
    }
    latest.put(status.binary() + " " + status.test(), tests.size());
    tests.add(result);
  }

  /** The panic message in a failed test's output becomes its failure message. */
  private void panicMessage(String line) {
    Integer index = latest.get(section);
    if (index == null || !tests.get(index).outcome().broken()) {
      return;
    }
    if (PANIC.matcher(line).find()) {
      panicNext = true;
    } else if (panicNext && !line.isBlank()) {
      panicNext = false;
      var result = tests.get(index);
      if (result.failure().isEmpty()) {
        tests.set(index, result.with(result.outcome(), new Failure("", line.strip(), "")));
      }
    }
  }
}
