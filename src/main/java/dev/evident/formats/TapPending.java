package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test point read but not yet emitted: a YAML block or indented diagnostic lines may still follow
 * it. Turns into a {@link TestResult} once the next TAP line arrives.
 */
final class TapPending {

  private static final Set<String> KEYS =
      Set.of("message", "error", "severity", "at", "location", "stack", "duration_ms", "type");

  final TapLevel level;
  final TapTestPoint point;
  final long line;
  final int indent;
  final String name;

  /** Whether lines after it may still belong to it (no unrelated line came between). */
  boolean open = true;

  /** Duration of the child stream, from its {@code # time=} comment, if the point has none. */
  String childTime;

  private TapYaml yaml;
  private BoundedText extra;
  private int extraIndent = -1;

  TapPending(TapLevel level, TapTestPoint point, long line, int indent, String name) {
    this.level = level;
    this.point = point;
    this.line = line;
    this.indent = indent;
    this.name = name;
  }

  boolean hasYaml() {
    return yaml != null;
  }

  void yaml(TapYaml block) {
    if (yaml == null) {
      yaml = block;
    } else {
      extra("--- another YAML block ---\n" + block.raw(), 0);
    }
  }

  /**
   * An indented line after the test point that is not TAP: mocha and others print errors so. The
   * first such line's indentation is removed from all.
   */
  void extra(String line, int indent) {
    if (extraIndent < 0) {
      extraIndent = indent;
    }
    String text = TapYaml.dedent(line, extraIndent).stripTrailing();
    if (extra == null) {
      extra = new BoundedText(8 * 1024, 8 * 1024);
    } else {
      extra.append("\n");
    }
    extra.append(text);
  }

  /**
   * The result, with an empty suite: the caller knows the suite once the subtest chain is. The YAML
   * block and indented lines become the details of a failed, skipped or TODO test; a passing test
   * keeps only severity and location from them (node:test gives every test a block).
   */
  TestResult result(ProblemLog problems) {
    Map<String, String> fields = yaml == null ? Map.of() : yaml.fields(KEYS);
    Map<String, String> properties = new LinkedHashMap<>();
    putIfPresent(properties, "severity", fields.get("severity"));
    putIfPresent(properties, "at", at(fields));
    String details = details();
    Outcome outcome;
    Failure failure;
    switch (point.directive()) {
      case SKIP -> {
        outcome = Outcome.SKIPPED;
        failure = new Failure("", point.reason(), details);
      }
      case TODO -> {
        if (point.ok()) {
          // A passing TODO test is a bonus: the work it waits for is done.
          outcome = Outcome.PASSED;
          failure = Failure.NONE;
          properties.put("todo", point.reason());
        } else {
          outcome = Outcome.SKIPPED;
          String reason = point.reason();
          failure = new Failure("", reason.isEmpty() ? "TODO" : "TODO: " + reason, details);
        }
      }
      default -> {
        if (point.ok()) {
          outcome = Outcome.PASSED;
          failure = Failure.NONE;
        } else {
          outcome = Outcome.FAILED;
          String message = first(fields.get("message"), fields.get("error"));
          failure =
              new Failure(
                  orEmpty(fields.get("type")), message.isEmpty() ? "not ok" : message, details);
        }
      }
    }
    return new TestResult(
        new TestId("", name),
        outcome,
        duration(fields, problems),
        failure,
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        null,
        List.of(),
        properties);
  }

  private String details() {
    String raw = yaml == null ? "" : yaml.raw();
    String more = extra == null ? "" : extra.text().strip();
    if (more.isEmpty()) {
      return raw;
    }
    return raw.isEmpty() ? more : raw + "\n" + more;
  }

  private Duration duration(Map<String, String> fields, ProblemLog problems) {
    String time = point.time() != null ? point.time() : childTime;
    if (time != null) {
      Duration d = time(time);
      if (d == null) {
        problems.warn(
            "invalid duration",
            line,
            "invalid duration 'time=" + time + "' on test point '" + name + "'; stored as unknown");
      }
      return d;
    }
    String ms = fields.get("duration_ms");
    if (ms == null || ms.isEmpty()) {
      return null;
    }
    Duration d = Values.millis(ms);
    if (d == null) {
      problems.warn(
          "invalid duration",
          line,
          "invalid duration_ms '" + ms + "' for test point '" + name + "'; stored as unknown");
    }
    return d;
  }

  /** A node-tap time note: {@code 12.3ms}, {@code 1.5s}, or a bare number of milliseconds. */
  static Duration time(String text) {
    String t = text.strip();
    if (t.endsWith("ms")) {
      return Values.millis(t.substring(0, t.length() - 2));
    }
    if (t.endsWith("s")) {
      return Values.seconds(t);
    }
    return Values.millis(t);
  }

  /** Where the failure happened: {@code at} or {@code location}, else the stack's first line. */
  private static String at(Map<String, String> fields) {
    String at = first(fields.get("at"), fields.get("location"));
    if (at.contains("\n")) {
      // node-tap writes a mapping: file, line, column
      Map<String, String> place =
          TapYaml.fields(List.of(at.split("\n")), Set.of("file", "line", "column"));
      String file = orEmpty(place.get("file"));
      at =
          file.isEmpty()
              ? at.lines().findFirst().orElse("").strip()
              : file
                  + (place.containsKey("line") ? ":" + place.get("line") : "")
                  + (place.containsKey("column") ? ":" + place.get("column") : "");
    }
    if (at.isEmpty()) {
      at = orEmpty(fields.get("stack")).strip().lines().findFirst().orElse("").strip();
    }
    return at;
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : orEmpty(b).strip();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }
}
