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
 * Reads tests from {@code cargo test} output, line by line. Identity: the test binary (from cargo's
 * "Running unittests src/lib.rs (target/debug/deps/mycrate-1a2b...)" line, hash removed) joined
 * with the module path is the suite, the last path segment the name, so {@code tests::adds} in
 * crate {@code mycrate} is {@code mycrate::tests > adds}, as Rust writes the item path, and
 * same-named tests of different crates stay apart. Doc tests keep rustdoc's name ("src/lib.rs - add
 * (line 3)") under the crate. Without binary lines the suite is the module path alone.
 */
final class LibtestOutput {

  static final Pattern TEST =
      Pattern.compile("^test (.+?) \\.\\.\\. (ok|FAILED|ignored)(?:, (.*?))?(?: <([\\d.]+)s>)?$");

  private static final Pattern RUNNING =
      Pattern.compile("^Running (?:unittests )?(?:\\S+ \\()?([^()\\s]+)\\)?$");
  private static final Pattern DOC_TESTS = Pattern.compile("^Doc-tests (\\S+)$");
  private static final Pattern SECTION = Pattern.compile("^---- (.+) stdout ----$");
  private static final Pattern HASH = Pattern.compile("-[0-9a-f]{16}$");
  private static final Pattern PANIC_OLD = Pattern.compile("panicked at '(.*)', \\S+$");
  private static final int MAX_DETAIL_LINES = 200;

  private final List<TestResult> tests = new ArrayList<>();

  /** Failed tests of the current binary by full name, for their output sections. */
  private final Map<String, Integer> failedHere = new HashMap<>();

  private String binary;
  private boolean docTests;
  private String section;
  private final List<String> sectionLines = new ArrayList<>();

  void line(String raw) {
    String line = Lines.clean(raw);
    String text = line.strip();
    Matcher running = RUNNING.matcher(text);
    Matcher doc = DOC_TESTS.matcher(text);
    if (running.matches() || doc.matches()) {
      closeSection();
      failedHere.clear();
      docTests = doc.matches();
      binary = docTests ? doc.group(1) : binaryName(running.group(1));
      return;
    }
    Matcher test = TEST.matcher(line);
    if (test.matches()) {
      closeSection();
      add(test);
      return;
    }
    Matcher header = SECTION.matcher(line);
    if (header.matches()) {
      closeSection();
      section = header.group(1);
    } else if (section != null) {
      if (line.equals("failures:") || text.startsWith("test result:")) {
        closeSection();
      } else if (sectionLines.size() < MAX_DETAIL_LINES) {
        sectionLines.add(line);
      }
    }
  }

  List<TestResult> tests() {
    closeSection();
    return List.copyOf(tests);
  }

  /** "target/debug/deps/my_crate-1a2b3c4d5e6f7a8b" is binary "my_crate". */
  private static String binaryName(String path) {
    String name = Call.name(path);
    return HASH.matcher(name).replaceFirst("");
  }

  private void add(Matcher test) {
    String fullName = test.group(1).replaceFirst(" - should panic$", "");
    TestId id = id(fullName);
    Outcome outcome =
        switch (test.group(2)) {
          case "ok" -> Outcome.PASSED;
          case "FAILED" -> Outcome.FAILED;
          default -> Outcome.SKIPPED;
        };
    Duration duration =
        test.group(4) == null
            ? null
            : Duration.ofNanos((long) (Double.parseDouble(test.group(4)) * 1e9));
    var result = TestResult.of(id, outcome, duration);
    if (outcome == Outcome.SKIPPED && test.group(3) != null) {
      result = result.with(Outcome.SKIPPED, new Failure("", test.group(3), ""));
    }
    if (outcome == Outcome.FAILED) {
      failedHere.put(fullName, tests.size());
    }
    tests.add(result);
  }

  private TestId id(String fullName) {
    if (docTests) {
      return new TestId(binary, fullName);
    }
    int last = fullName.lastIndexOf("::");
    String module = last < 0 ? "" : fullName.substring(0, last);
    String name = last < 0 ? fullName : fullName.substring(last + 2);
    if (binary == null) {
      return new TestId(module, name);
    }
    return new TestId(module.isEmpty() ? binary : binary + "::" + module, name);
  }

  /** Attaches a finished "---- name stdout ----" section to that failed test. */
  private void closeSection() {
    if (section != null) {
      Integer index = failedHere.get(section);
      if (index != null) {
        var result = tests.get(index);
        String details = String.join("\n", sectionLines).strip();
        tests.set(
            index, result.with(result.outcome(), new Failure("", message(sectionLines), details)));
      }
    }
    section = null;
    sectionLines.clear();
  }

  /**
   * The panic message: the line after "thread 'x' panicked at src/lib.rs:12:26:" (Rust 1.73+), the
   * quoted text of older "panicked at 'msg', src/lib.rs:12:26", else the first line.
   */
  private static String message(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("thread '") && line.contains(" panicked at ")) {
        Matcher old = PANIC_OLD.matcher(line);
        if (old.find()) {
          return old.group(1);
        }
        return i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
      }
    }
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }
}
