package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a Dart JSON reporter stream between its {@code testStart} and {@code testDone}
 * events: identity, printed output and errors, bounded. Not thread safe.
 */
final class DartTest {

  /** What a test entry stands for: a real test, or one of the runner's synthetic ones. */
  enum Kind {
    TEST,
    /** "loading test/a_test.dart": the suite's compilation and {@code main()}. */
    LOAD,
    /** {@code (setUpAll)} or {@code (tearDownAll)} of a group. */
    ALL_HOOK
  }

  /** "Exception: boom", "StateError: x", "TimeoutException after 0:00:01: y": the leading word. */
  private static final Pattern LEADING_WORD = Pattern.compile("^([A-Za-z_$][\\w$]*)(?=[:\\s]|$)");

  /** Flutter reports a failed expectation this way and prints the TestFailure before it. */
  private static final String FLUTTER_SEE_ABOVE = "Test failed. See exception logs above.";

  private static final String FLUTTER_TEST_FAILURE = "The following TestFailure object was thrown";

  /** "test/a_test.dart:3:1: Error: Expected ';'": the Dart compiler's own error lines. */
  private static final Pattern COMPILE_ERROR =
      Pattern.compile("Compilation failed|\\.dart:\\d+:\\d+: Error: ");

  final TestId id;
  final Kind kind;

  /** The suite's path (for load failures) or the suite with its groups (for hooks). */
  final String scope;

  final long startTime;
  final long line;
  final Location source;
  private BoundedText stdout;
  private BoundedText errors;
  private String firstError;
  private String errorType;
  private String skipReason;
  private boolean onlyFailures = true;

  DartTest(TestId id, Kind kind, String scope, long startTime, long line, Location source) {
    this.id = id;
    this.kind = kind;
    this.scope = scope;
    this.startTime = startTime;
    this.line = line;
    this.source = source;
  }

  /** A print event: "print" goes to stdout, "skip" is the skip reason. */
  void message(String type, String message) {
    if ("skip".equals(type)) {
      String reason = message.startsWith("Skip: ") ? message.substring(6) : message;
      skipReason = skipReason == null ? reason : skipReason + "\n" + reason;
      return;
    }
    if (stdout == null) {
      stdout = BoundedText.forOutput();
    }
    stdout.append(message);
    stdout.append("\n");
  }

  /** An error event; a test may report several. */
  void error(String error, String stackTrace, boolean isFailure) {
    if (errors == null) {
      errors = new BoundedText(32 * 1024, 32 * 1024);
      firstError = firstLine(error);
      errorType = type(error, isFailure);
    } else {
      errors.append("\n\n");
    }
    errors.append(error);
    if (!stackTrace.isBlank()) {
      errors.append(error.endsWith("\n") ? "" : "\n");
      errors.append(stackTrace);
    }
    onlyFailures &= isFailure;
  }

  boolean hasErrors() {
    return errors != null;
  }

  Excerpt stdout() {
    return stdout == null ? Excerpt.EMPTY : stdout.excerpt();
  }

  Failure failure() {
    if (errors == null) {
      return Failure.NONE;
    }
    return new Failure(errorType, firstError, errors.text().strip());
  }

  /**
   * The outcome for a {@code testDone} result: "failure" is a failed expectation, "error" any other
   * error, except Flutter's "see exception logs above" after a printed TestFailure.
   */
  Outcome outcome(String result, boolean skipped) {
    return switch (result) {
      case "success" -> skipped ? Outcome.SKIPPED : Outcome.PASSED;
      case "failure" -> Outcome.FAILED;
      case "error" -> flutterTestFailure() ? Outcome.FAILED : Outcome.ERRORED;
      default -> null;
    };
  }

  private boolean flutterTestFailure() {
    return FLUTTER_SEE_ABOVE.equals(firstError)
        && stdout != null
        && stdout.text().contains(FLUTTER_TEST_FAILURE);
  }

  /** The outcome when errors were reported but the result is one this reader does not know. */
  Outcome fromErrors() {
    return errors == null ? Outcome.ERRORED : onlyFailures ? Outcome.FAILED : Outcome.ERRORED;
  }

  TestResult result(Outcome outcome, Duration duration) {
    Failure failure = failure();
    if (outcome == Outcome.SKIPPED) {
      failure = skipReason == null ? Failure.NONE : new Failure("", skipReason, "");
    } else if (outcome == Outcome.FAILED && flutterTestFailure()) {
      failure = new Failure("TestFailure", failure.message(), failure.details());
    }
    return new TestResult(
        id,
        outcome,
        duration,
        failure,
        List.of(),
        stdout(),
        Excerpt.EMPTY,
        source,
        List.of(),
        Map.of());
  }

  /** A suite that failed to compile is a build error; any other load or hook failure is setup. */
  static RunError.Kind runErrorKind(Kind kind, Failure failure) {
    return kind == Kind.LOAD && COMPILE_ERROR.matcher(failure.details()).find()
        ? RunError.Kind.BUILD
        : RunError.Kind.SETUP;
  }

  static Failure failure(String error, String stackTrace, boolean isFailure) {
    String details = stackTrace.isBlank() ? error : error.stripTrailing() + "\n" + stackTrace;
    return new Failure(
        type(error, isFailure), firstLine(error), truncate(details.strip(), 64 * 1024));
  }

  private static String type(String error, boolean isFailure) {
    if (isFailure) {
      return "TestFailure";
    }
    Matcher m = LEADING_WORD.matcher(error);
    return m.find() && (m.group(1).endsWith("Error") || m.group(1).endsWith("Exception"))
        ? m.group(1)
        : "";
  }

  /**
   * The first non-blank line, joined with the next one when it ends in a colon: "Failed to load
   * "test/a_test.dart":" says little without the compiler error that follows it.
   */
  static String firstLine(String text) {
    String found = null;
    for (String l : text.split("\\R", -1)) {
      if (l.isBlank()) {
        continue;
      }
      if (found != null) {
        return truncate(found + " " + l.strip(), 1024);
      }
      found = l.strip();
      if (!found.endsWith(":")) {
        break;
      }
    }
    return found == null ? "" : truncate(found, 1024);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + " [... truncated by Evident]";
  }

  /** Where a test is defined: a file URL as a path, a package: URL as it is; null when unknown. */
  static Location location(String url, long line) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String path = url;
    if (url.startsWith("file:")) {
      try {
        path = URI.create(url).getPath();
      } catch (IllegalArgumentException e) {
        path = url.substring(5);
      }
      if (path != null && path.length() > 2 && path.charAt(0) == '/' && path.charAt(2) == ':') {
        path = path.substring(1); // file:///C:/x -> C:/x
      }
      path = path == null ? url : path;
    }
    return Location.of(path, Math.max(0, line));
  }
}
