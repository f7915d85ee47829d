package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One CTRF test object, read field by field so that its stdout, stderr and trace go straight into
 * bounded buffers. Also reads the older field names (CTRF before 0.0.0 and early reporters): {@code
 * retry}, {@code flake}, {@code attempts}, {@code extras}, and a string {@code suite}.
 */
final class CtrfTest {

  /** Raw statuses that mean "not run" when a producer files them under "other". */
  private static final Set<String> NOT_RUN =
      Set.of("todo", "disabled", "ignored", "excluded", "skip", "skipped", "pending", "notrun");

  final long line;
  String name;
  String status;
  String rawStatus;
  String durationText;
  String suite;
  String filePath;
  long sourceLine;
  // Buffers are made when a field is present: BoundedText allocates its tail up front.
  BoundedText message;
  BoundedText trace;
  BoundedText snippet;
  BoundedText stdout;
  BoundedText stderr;
  final List<String> tags = new ArrayList<>();
  final Map<String, String> properties = new LinkedHashMap<>();
  final List<CtrfTest> attempts = new ArrayList<>();
  String parameters = "";
  long retries = -1;
  boolean flaky;
  int attemptNumber;

  CtrfTest(long line) {
    this.line = line;
  }

  /** Reads the object the parser is at (its START_OBJECT) up to its END_OBJECT. */
  static CtrfTest read(JsonParser p) throws IOException {
    CtrfTest t = new CtrfTest(JsonInput.line(p));
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      t.field(p, field);
    }
    return t;
  }

  private void field(JsonParser p, String field) throws IOException {
    switch (field) {
      case "name" -> name = JsonInput.scalar(p);
      case "status" -> status = JsonInput.scalar(p);
      case "rawStatus" -> rawStatus = put("rawStatus", JsonInput.scalar(p));
      case "duration" -> durationText = JsonInput.scalar(p);
      case "suite" -> {
        List<String> parts = new ArrayList<>();
        JsonInput.stringsInto(p, parts);
        suite = String.join(" > ", parts);
      }
      case "filePath" -> filePath = JsonInput.scalar(p);
      case "line" -> sourceLine = Math.max(0, Values.count(JsonInput.scalar(p)));
      case "message" -> JsonInput.textInto(p, message = new BoundedText(16 * 1024, 16 * 1024));
      case "trace" -> JsonInput.textInto(p, trace = new BoundedText(32 * 1024, 32 * 1024));
      case "snippet" -> JsonInput.textInto(p, snippet = new BoundedText(4 * 1024, 0));
      case "stdout" -> JsonInput.textInto(p, stdout = BoundedText.forOutput());
      case "stderr" -> JsonInput.textInto(p, stderr = BoundedText.forOutput());
      case "tags" -> JsonInput.stringsInto(p, tags);
      case "retries", "retry" -> retries = Values.count(JsonInput.scalar(p));
      case "flaky", "flake" -> flaky = "true".equals(JsonInput.scalar(p));
      case "attempt" -> attemptNumber = (int) Math.max(0, Values.count(JsonInput.scalar(p)));
      case "retryAttempts", "attempts" -> readAttempts(p);
      case "extra", "extras" -> JsonInput.flatten("", JsonInput.tree(p), properties);
      case "labels" -> JsonInput.flatten("label", JsonInput.tree(p), properties);
      case "parameters" -> parameters = parameters(JsonInput.tree(p));
      // CTRF's "type" is the kind of test (unit, e2e), not an exception type.
      case "type", "testId", "threadId", "browser", "device" -> put(field, JsonInput.scalar(p));
      case "attachments" -> attachments(JsonInput.tree(p));
      default -> p.skipChildren(); // screenshot (base64), steps, insights, ids, start/stop
    }
  }

  private String put(String key, String value) {
    if (value != null && properties.size() < JsonInput.MAX_PROPERTIES) {
      properties.put(key, value);
    }
    return value;
  }

  private void readAttempts(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        attempts.add(read(p));
      } else {
        p.skipChildren();
      }
    }
  }

  private void attachments(JsonNode list) {
    int n = 0;
    for (JsonNode a : list) {
      String path = a.path("path").asText("");
      if (!path.isEmpty()) {
        put("attachment." + ++n, path);
      }
    }
  }

  /** CTRF parameters as the TestId's parameter text: {@code browser=chromium, size=2}. */
  private static String parameters(JsonNode node) {
    Map<String, String> flat = new LinkedHashMap<>();
    JsonInput.flatten("", node, flat);
    StringBuilder out = new StringBuilder();
    flat.forEach(
        (k, v) -> {
          if (!out.isEmpty()) {
            out.append(", ");
          }
          out.append(k).append('=').append(v);
        });
    return out.toString();
  }

  /** The CTRF status normalized to one of passed/failed/skipped/pending/other, or null. */
  String bucket() {
    String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "passed", "failed", "skipped", "pending", "other" -> s;
      default -> null;
    };
  }

  /**
   * The outcome of this test or attempt on its own. "pending" is a test that was not run (Jest's
   * todo, Mocha's pending). "other" is where producers put statuses they could not map (the
   * Playwright reporter sends any unknown status there): counting it as skipped would let an
   * unexplained result pass silently, so it counts as ERRORED, except when {@code rawStatus} names
   * a not-run state. Unknown or missing statuses are ERRORED too; the reader warns about them.
   */
  Outcome outcome() {
    String b = bucket();
    if (b == null) {
      return Outcome.ERRORED;
    }
    return switch (b) {
      case "passed" -> Outcome.PASSED;
      case "failed" -> Outcome.FAILED;
      case "skipped", "pending" -> Outcome.SKIPPED;
      default ->
          rawStatus != null && NOT_RUN.contains(rawStatus.strip().toLowerCase(Locale.ROOT))
              ? Outcome.SKIPPED
              : Outcome.ERRORED;
    };
  }

  Failure failure() {
    String details = text(trace);
    String code = text(snippet);
    if (!code.isEmpty()) {
      details = details.isEmpty() ? code : details + "\n--- snippet ---\n" + code;
    }
    String msg = text(message);
    String b = bucket();
    if (msg.isEmpty() && details.isEmpty() && (b == null || b.equals("other"))) {
      String raw = rawStatus == null ? "" : ", rawStatus \"" + rawStatus + "\"";
      msg = "CTRF status \"" + (status == null ? "" : status) + "\"" + raw;
    }
    return new Failure("", msg, details);
  }

  static String text(BoundedText b) {
    return b == null ? "" : b.text().strip();
  }

  static Excerpt excerpt(BoundedText b) {
    return b == null ? Excerpt.EMPTY : b.excerpt();
  }

  Location source() {
    return filePath == null || filePath.isBlank() ? null : Location.of(filePath, sourceLine);
  }

  /**
   * The attempts before the final one. The spec's examples list every attempt, the final one
   * included ({@code retries} = entries - 1); the Playwright reporter lists only the earlier ones
   * ({@code retries} = entries). Without {@code retries}, a last entry with the final status (and,
   * for a failure, the same message) is taken as the final attempt.
   */
  List<CtrfTest> earlierAttempts() {
    if (attempts.isEmpty()) {
      return attempts;
    }
    CtrfTest last = attempts.get(attempts.size() - 1);
    boolean lastIsFinal;
    if (retries >= 0) {
      lastIsFinal = attempts.size() == retries + 1;
    } else {
      lastIsFinal =
          last.outcome() == outcome()
              && (outcome() == Outcome.PASSED || text(last.message).equals(text(message)));
    }
    return lastIsFinal ? attempts.subList(0, attempts.size() - 1) : attempts;
  }

  /**
   * This test as a result. A pass after failed attempts, or one marked {@code flaky}, is FLAKY and
   * keeps the last failure; {@code flaky: true} without the attempts listed still records the
   * failed tries ({@code retries} of them, at least one), with unknown details.
   */
  TestResult result(String testName, Duration duration) {
    List<Attempt> earlier = new ArrayList<>();
    for (CtrfTest a : earlierAttempts()) {
      earlier.add(a.toAttempt());
    }
    Outcome outcome = outcome();
    Failure failure = outcome == Outcome.PASSED ? Failure.NONE : failure();
    boolean failedBefore = earlier.stream().anyMatch(a -> a.outcome().broken());
    if (outcome == Outcome.PASSED && (flaky || failedBefore)) {
      outcome = Outcome.FLAKY;
      if (!failedBefore) {
        for (long i = 0; i < Math.max(1, retries); i++) {
          earlier.add(new Attempt(Outcome.FAILED, null, Failure.NONE));
        }
      }
      for (Attempt a : earlier) {
        if (!a.failure().isEmpty()) {
          failure = a.failure();
        }
      }
    }
    String group =
        suite != null && !suite.isBlank()
            ? suite
            : filePath != null && !filePath.isBlank() ? filePath : "";
    TestId id =
        parameters.isEmpty() || testName.endsWith("]")
            ? TestId.parse(group, testName)
            : new TestId(group, testName, parameters);
    return new TestResult(
        id,
        outcome,
        duration,
        failure,
        earlier,
        excerpt(stdout),
        excerpt(stderr),
        source(),
        tags,
        properties);
  }

  Attempt toAttempt() {
    Failure f = outcome() == Outcome.PASSED ? Failure.NONE : failure();
    String out = text(stdout);
    String err = text(stderr);
    if (!out.isEmpty() || !err.isEmpty()) {
      StringBuilder details = new StringBuilder(f.details());
      if (!out.isEmpty()) {
        details.append("\n--- stdout ---\n").append(out);
      }
      if (!err.isEmpty()) {
        details.append("\n--- stderr ---\n").append(err);
      }
      f = new Failure(f.type(), f.message(), details.toString().strip());
    }
    return new Attempt(outcome(), Values.millis(durationText), f);
  }
}
