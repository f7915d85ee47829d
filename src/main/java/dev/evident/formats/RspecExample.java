package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of an RSpec JSON report's {@code examples}, read field by field so that a long
 * exception message or backtrace stays bounded.
 */
final class RspecExample {

  /**
   * Exceptions that mean an expectation was not met, not that the code under test raised: RSpec's
   * expectation and mock failures (aggregate_failures raises a subclass of the first), and a
   * pending example that passed, which RSpec fails on purpose.
   */
  private static final Set<String> EXPECTATION_FAILURES =
      Set.of(
          "RSpec::Expectations::ExpectationNotMetError",
          "RSpec::Expectations::MultipleExpectationsNotMetError",
          "RSpec::Mocks::MockExpectationError",
          "RSpec::Core::Pending::PendingExampleFixedError");

  final long line;
  String id;
  String description;
  String fullDescription;
  String status;
  String filePath;
  long lineNumber;
  String runTime;
  String pendingMessage;
  String exceptionClass;
  BoundedText message;
  BoundedText backtrace;

  private RspecExample(long line) {
    this.line = line;
  }

  /** Reads the object the parser is at (its START_OBJECT) up to its END_OBJECT. */
  static RspecExample read(JsonParser p) throws IOException {
    RspecExample e = new RspecExample(JsonInput.line(p));
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> e.id = JsonInput.scalar(p);
        case "description" -> e.description = JsonInput.scalar(p);
        case "full_description" -> e.fullDescription = JsonInput.scalar(p);
        case "status" -> e.status = JsonInput.scalar(p);
        case "file_path" -> e.filePath = JsonInput.scalar(p);
        case "line_number" -> e.lineNumber = Math.max(0, Values.count(JsonInput.scalar(p)));
        case "run_time" -> e.runTime = JsonInput.scalar(p);
        case "pending_message" -> e.pendingMessage = JsonInput.scalar(p);
        case "exception" -> e.readException(p);
        default -> p.skipChildren();
      }
    }
    return e;
  }

  private void readException(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "class" -> exceptionClass = JsonInput.scalar(p);
        case "message" -> JsonInput.textInto(p, message = new BoundedText(16 * 1024, 16 * 1024));
        case "backtrace" ->
            JsonInput.textInto(p, backtrace = new BoundedText(32 * 1024, 32 * 1024));
        default -> p.skipChildren();
      }
    }
  }

  /** The name: the full description (groups and example), else whatever else identifies it. */
  String name() {
    for (String candidate : new String[] {fullDescription, description, id}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  /** PASSED, FAILED or ERRORED by the exception's class, SKIPPED; null for an unknown status. */
  Outcome outcome() {
    return switch (status == null ? "" : status) {
      case "passed" -> Outcome.PASSED;
      case "pending" -> Outcome.SKIPPED;
      case "failed" ->
          exceptionClass == null || EXPECTATION_FAILURES.contains(exceptionClass)
              ? Outcome.FAILED
              : Outcome.ERRORED;
      default -> null;
    };
  }

  Failure failure(Outcome outcome) {
    if (outcome == Outcome.SKIPPED) {
      return pendingMessage == null ? Failure.NONE : new Failure("", pendingMessage, "");
    }
    if (!outcome.broken()) {
      return Failure.NONE;
    }
    return new Failure(exceptionClass, text(message), text(backtrace));
  }

  TestResult result(Outcome outcome, String name, Duration duration) {
    String file = filePath == null ? "" : filePath;
    return new TestResult(
        new TestId(file, name, ""),
        outcome,
        duration,
        failure(outcome),
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        file.isEmpty() ? null : Location.of(file, lineNumber),
        List.of(),
        Map.of());
  }

  private static String text(BoundedText b) {
    return b == null ? "" : b.text().strip();
  }
}
