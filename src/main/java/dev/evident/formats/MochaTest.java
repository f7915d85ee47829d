package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a Mocha JSON report ({@code tests}, {@code pending}, {@code failures} or {@code
 * passes}), read field by field. Entries without an error hold a few short strings only, so the
 * reader may keep them until it knows whether they were pending.
 */
final class MochaTest {

  /** "Error: boom", "AssertionError [ERR_ASSERTION]: x", "TypeError: y": the leading type. */
  private static final Pattern STACK_TYPE = Pattern.compile("^([A-Za-z_$][\\w$.]*)(?: \\[\\w+])?:");

  final long line;
  String title;
  String fullTitle;
  String file;
  String durationText;
  String speed;
  int currentRetry;
  boolean hasError;
  String errName;
  String errCode;
  // Made only when an error is present: BoundedText allocates its tail up front.
  BoundedText message;
  BoundedText stack;
  BoundedText actual;
  BoundedText expected;

  private MochaTest(long line) {
    this.line = line;
  }

  /** Reads the object the parser is at (its START_OBJECT) up to its END_OBJECT. */
  static MochaTest read(JsonParser p) throws IOException {
    MochaTest t = new MochaTest(JsonInput.line(p));
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "title" -> t.title = JsonInput.scalar(p);
        case "fullTitle" -> t.fullTitle = JsonInput.scalar(p);
        case "file" -> t.file = JsonInput.scalar(p);
        case "duration" -> t.durationText = JsonInput.scalar(p);
        case "speed" -> t.speed = JsonInput.scalar(p);
        case "currentRetry" ->
            t.currentRetry = (int) Math.max(0, Values.count(JsonInput.scalar(p)));
        case "err" -> t.readError(p);
        default -> p.skipChildren();
      }
    }
    return t;
  }

  private void readError(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      hasError = true;
      JsonInput.textInto(p, message = new BoundedText(16 * 1024, 16 * 1024));
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      hasError = true; // Mocha writes "err": {} for tests that did not fail
      switch (field) {
        case "message" -> JsonInput.textInto(p, message = new BoundedText(16 * 1024, 16 * 1024));
        case "stack" -> JsonInput.textInto(p, stack = new BoundedText(32 * 1024, 32 * 1024));
        case "actual" -> JsonInput.textInto(p, actual = new BoundedText(4 * 1024, 1024));
        case "expected" -> JsonInput.textInto(p, expected = new BoundedText(4 * 1024, 1024));
        case "name" -> errName = JsonInput.scalar(p);
        case "code" -> errCode = JsonInput.scalar(p);
        default -> p.skipChildren();
      }
    }
  }

  /** Identity of the entry for matching it across Mocha's lists. */
  String key() {
    return file + "\u0000" + (fullTitle != null ? fullTitle : title);
  }

  String name() {
    return title != null && !title.isBlank() ? title : fullTitle;
  }

  /** The describe chain: fullTitle without the title; the file for top-level tests. */
  String suite() {
    if (fullTitle != null && title != null && fullTitle.endsWith(title)) {
      String chain = fullTitle.substring(0, fullTitle.length() - title.length()).strip();
      if (!chain.isEmpty()) {
        return chain;
      }
    }
    return file == null ? "" : file;
  }

  /** A failed "before all"/"after each" hook, which Mocha lists in failures but not in tests. */
  boolean isHook() {
    String t = title == null ? "" : title;
    return t.startsWith("\"before") || t.startsWith("\"after");
  }

  /**
   * Whether the error is an assertion (FAILED) rather than an exception or timeout (ERRORED):
   * assertion libraries name their errors so (AssertionError, JestAssertionError) and attach
   * actual/expected values.
   */
  boolean assertion() {
    String type = type().toLowerCase(Locale.ROOT);
    return type.contains("assert") || type.contains("expect") || actual != null || expected != null;
  }

  String type() {
    if (errName != null && !errName.isBlank()) {
      return errName;
    }
    Matcher m = STACK_TYPE.matcher(stack == null ? "" : stack.text());
    return m.find() ? m.group(1) : "";
  }

  Failure failure() {
    StringBuilder details = new StringBuilder(text(stack));
    if (actual != null || expected != null) {
      details.append(details.isEmpty() ? "" : "\n");
      details.append("expected: ").append(text(expected)).append("\nactual: ").append(text(actual));
    }
    String msg = text(message);
    if (msg.isEmpty() && errCode != null) {
      msg = errCode;
    }
    return new Failure(type(), msg, details.toString());
  }

  /**
   * Reads ahead for the top-level {@code pending} list only, skipping everything else, by key; null
   * when the file has none or breaks off before it (the main pass reports the damage).
   */
  static Map<String, ArrayDeque<MochaTest>> pendingList(ResultInput input) throws IOException {
    Map<String, ArrayDeque<MochaTest>> found = new LinkedHashMap<>();
    try (InputStream in = input.openOrFail();
        JsonParser p = JsonInput.open(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY && field.equals("pending")) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              MochaTest t = read(p);
              found.computeIfAbsent(t.key(), k -> new ArrayDeque<>()).add(t);
            } else {
              p.skipChildren();
            }
          }
          return found;
        }
        p.skipChildren();
      }
      return null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * This entry as a result. {@code base} is PASSED, FAILED (refined to ERRORED for exceptions) or
   * SKIPPED. Mocha keeps only the last try of a retried test; {@code currentRetry} says how many
   * failed before it, so a retried pass is FLAKY.
   */
  TestResult result(Outcome base, String name, Duration duration) {
    Outcome outcome = base;
    Failure failure = Failure.NONE;
    List<Attempt> earlier = new ArrayList<>();
    if (base == Outcome.FAILED) {
      outcome = assertion() ? Outcome.FAILED : Outcome.ERRORED;
      failure = failure();
    }
    if (base != Outcome.SKIPPED) {
      for (int i = 0; i < currentRetry; i++) {
        earlier.add(new Attempt(Outcome.FAILED, null, Failure.NONE));
      }
      if (base == Outcome.PASSED && currentRetry > 0) {
        outcome = Outcome.FLAKY;
      }
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (speed != null) {
      properties.put("speed", speed);
    }
    if (errCode != null) {
      properties.put("code", errCode);
    }
    return new TestResult(
        TestId.parse(suite(), name),
        outcome,
        duration,
        failure,
        earlier,
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        source(),
        List.of(),
        properties);
  }

  /** A failure outside any listed test: a failed hook, or an uncaught error outside the suites. */
  RunError runError(String reportFile) {
    Failure f = failure();
    String message = f.message().isEmpty() && title != null ? title : f.message();
    return new RunError(
        isHook() ? RunError.Kind.SETUP : RunError.Kind.CRASH,
        suite(),
        new Failure(f.type(), message, f.details()),
        Location.of(reportFile, line));
  }

  Location source() {
    return file == null || file.isBlank() ? null : Location.of(file, 0);
  }

  private static String text(BoundedText b) {
    return b == null ? "" : b.text().strip();
  }
}
