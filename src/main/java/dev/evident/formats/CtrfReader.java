package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads CTRF (Common Test Report Format) JSON, streaming: the document is walked token by token and
 * each element of {@code results.tests} is read on its own, so memory stays bounded however many
 * tests the file holds. {@code results.summary} is checked against the content, and the content
 * wins. Playwright's run-level errors ({@code results.extra.errors}) become run errors.
 */
final class CtrfReader implements ResultReader {

  private static final String[] DECLARED = {
    "tests", "passed", "failed", "skipped", "pending", "other", "flaky"
  };

  @Override
  public Format format() {
    return Format.CTRF;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  private static final class Parse extends JsonParse {
    final Map<String, Long> found = new LinkedHashMap<>();
    final Map<String, String> suiteProperties = new LinkedHashMap<>();
    boolean sawResults;
    JsonNode tool;
    JsonNode summary;
    long summaryLine;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
      for (String key : DECLARED) {
        found.put(key, 0L);
      }
    }

    @Override
    void run(JsonParser p) throws IOException {
      startObject(p, "not a CTRF report: the JSON is not an object with \"results\"");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "reportFormat" -> {
            String format = JsonInput.scalar(p);
            if (!"CTRF".equalsIgnoreCase(format)) {
              throw new UnreadableResultFileException(
                  file, "reportFormat is \"" + format + "\", not \"CTRF\"");
            }
            recognized = true;
          }
          case "results" -> {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              sawResults = true;
              readResults(p);
            } else {
              p.skipChildren();
            }
          }
          case "specVersion", "reportId", "runId", "timestamp", "generatedBy" ->
              property(field, JsonInput.scalar(p));
          case "extra" -> JsonInput.flatten("extra", JsonInput.tree(p), suiteProperties);
          default -> p.skipChildren(); // insights, baseline: derived across runs
        }
      }
      if (!recognized) {
        throw new UnreadableResultFileException(
            file, "JSON without \"reportFormat\": \"CTRF\" or a \"results\" object with tests");
      }
      if (!sawResults) {
        problems.error(1, 0, "CTRF report without a \"results\" object: it holds no tests");
        return;
      }
      checkDeclared();
      sink.suite(suiteInfo());
    }

    private void property(String key, String value) {
      if (value != null && suiteProperties.size() < JsonInput.MAX_PROPERTIES) {
        suiteProperties.put(key, value);
      }
    }

    private void readResults(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "tool" -> {
            recognized = true;
            tool = JsonInput.tree(p);
          }
          case "summary" -> {
            recognized = true;
            summaryLine = JsonInput.line(p);
            summary = JsonInput.tree(p);
          }
          case "tests" -> {
            recognized = true;
            readTests(p);
          }
          case "environment" -> JsonInput.flatten("", JsonInput.tree(p), suiteProperties);
          case "extra" -> readExtra(JsonInput.tree(p));
          default -> p.skipChildren();
        }
      }
    }

    private void readTests(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        problems.warn("tests not an array", JsonInput.line(p), "results.tests is not an array");
        p.skipChildren();
        return;
      }
      objects(p, CtrfTest::read, this::emit);
    }

    @Override
    void notAnObject(JsonParser p) {
      problems.warn(
          "test entry not an object",
          JsonInput.line(p),
          "an entry of results.tests is not an object; skipped");
    }

    /** Playwright puts run-level errors (global setup, worker crashes) in results.extra.errors. */
    private void readExtra(JsonNode extra) {
      for (JsonNode error : extra.path("errors")) {
        JsonNode at = error.path("location");
        Location where =
            at.hasNonNull("file")
                ? new Location(
                    at.path("file").asText(), at.path("line").asLong(), at.path("column").asLong())
                : null;
        String message = error.path("message").asText(error.path("value").asText(""));
        sink.runError(
            new RunError(
                RunError.Kind.SETUP,
                "",
                new Failure("", message, error.path("stack").asText("")),
                where));
      }
      if (extra.isObject()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra).remove("errors");
      }
      JsonInput.flatten("extra", extra, suiteProperties);
    }

    private void emit(CtrfTest t) {
      String name = t.name;
      if (name == null || name.isBlank()) {
        problems.warn("test without a name", t.line, "test without a name, stored as '(unnamed)'");
        name = "(unnamed)";
      }
      String bucket = t.bucket();
      if (bucket == null) {
        String has = t.status == null ? "no status" : "status \"" + t.status + "\"";
        problems.warn(
            "unknown status",
            t.line,
            "test '%s' has %s, not one of passed/failed/skipped/pending/other; counted as errored"
                .formatted(name, has));
      } else {
        found.merge(bucket, 1L, Long::sum);
      }
      TestResult result = t.result(name, millis(t.durationText, t.line, name));
      if (result.outcome() == Outcome.FLAKY) {
        found.merge("flaky", 1L, Long::sum);
      }
      found.merge("tests", 1L, Long::sum);
      recovered++;
      sink.test(result);
    }

    private void checkDeclared() {
      if (summary == null || !summary.isObject()) {
        return;
      }
      StringBuilder off = new StringBuilder();
      for (String key : DECLARED) {
        JsonInput.mismatch(off, summary, key, found.get(key));
      }
      problems.countsDisagree(summaryLine, "results.summary", off, "tests");
    }

    private SuiteInfo suiteInfo() {
      String name = tool == null ? "" : tool.path("name").asText("");
      if (tool != null && tool.hasNonNull("version")) {
        suiteProperties.put("tool.version", tool.get("version").asText());
      }
      Instant started = null;
      Duration duration = null;
      if (summary != null) {
        long start = summary.path("start").asLong(0);
        long stop = summary.path("stop").asLong(0);
        started = start > 0 ? Instant.ofEpochMilli(start) : null;
        duration = Values.millis(summary.path("duration").asText(null));
        if (duration == null && start > 0 && stop >= start) {
          duration = Duration.ofMillis(stop - start);
        }
      }
      return new SuiteInfo(
          name.isEmpty() ? "CTRF" : name,
          started,
          duration,
          suiteProperties,
          Excerpt.EMPTY,
          Excerpt.EMPTY);
    }

    @Override
    void damaged(JsonProcessingException e) {
      String declared = ofDeclared(summary, "tests", "results.summary");
      reportDamage(e, inside("test"), recovered + " tests recovered" + declared, "the reporter");
    }
  }
}
