package dev.evident.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.model.Attempt;
import dev.evident.model.Counts;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.InputFile;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.RunStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a run journal's entries: the model records a {@link dev.evident.store.RunWriter} is
 * given, field by field, both ways. Times are ISO-8601 instants, durations nanoseconds; absent
 * values are null.
 */
final class JournalJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalJson() {}

  static ObjectNode start(RunStart s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("project", s.project());
    n.put("source", s.source());
    n.put("command", s.command());
    if (s.exitCode() == null) {
      n.putNull("exitCode");
    } else {
      n.put("exitCode", s.exitCode());
    }
    n.set("attributes", map(s.attributes()));
    n.set("labels", map(s.labels()));
    n.put("started", s.started() == null ? null : s.started().toString());
    n.put("finished", s.finished() == null ? null : s.finished().toString());
    return n;
  }

  static RunStart start(JsonNode n, String project) {
    JsonNode exit = n.get("exitCode");
    return new RunStart(
        project != null ? project : required(n, "project"),
        n.path("source").asText("run"),
        n.path("command").asText(""),
        exit == null || exit.isNull() ? null : exit.asInt(),
        map(n.get("attributes")),
        map(n.get("labels")),
        instant(n.get("started")),
        instant(n.get("finished")));
  }

  static ObjectNode result(TestResult r) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode id = n.putObject("id");
    id.put("suite", r.id().suite());
    id.put("name", r.id().name());
    id.put("parameters", r.id().parameters());
    n.put("outcome", r.outcome().name());
    duration(n, "duration", r.duration());
    n.set("failure", failure(r.failure()));
    ArrayNode attempts = n.putArray("attempts");
    for (Attempt a : r.earlierAttempts()) {
      ObjectNode an = attempts.addObject();
      an.put("outcome", a.outcome().name());
      duration(an, "duration", a.duration());
      an.set("failure", failure(a.failure()));
    }
    n.set("stdout", excerpt(r.stdout()));
    n.set("stderr", excerpt(r.stderr()));
    n.set("source", location(r.source()));
    ArrayNode tags = n.putArray("tags");
    r.tags().forEach(tags::add);
    n.set("properties", map(r.properties()));
    return n;
  }

  static TestResult result(JsonNode n) {
    JsonNode id = n.path("id");
    List<Attempt> attempts = new ArrayList<>();
    for (JsonNode a : n.path("attempts")) {
      attempts.add(
          new Attempt(
              Outcome.valueOf(required(a, "outcome")),
              duration(a.get("duration")),
              failure(a.get("failure"))));
    }
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    return new TestResult(
        new TestId(required(id, "suite"), required(id, "name"), id.path("parameters").asText("")),
        Outcome.valueOf(required(n, "outcome")),
        duration(n.get("duration")),
        failure(n.get("failure")),
        attempts,
        excerpt(n.get("stdout")),
        excerpt(n.get("stderr")),
        location(n.get("source")),
        tags,
        map(n.get("properties")));
  }

  static ObjectNode suite(SuiteInfo s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", s.name());
    n.put("started", s.started() == null ? null : s.started().toString());
    duration(n, "duration", s.duration());
    n.set("properties", map(s.properties()));
    n.set("stdout", excerpt(s.stdout()));
    n.set("stderr", excerpt(s.stderr()));
    return n;
  }

  static SuiteInfo suite(JsonNode n) {
    return new SuiteInfo(
        required(n, "name"),
        instant(n.get("started")),
        duration(n.get("duration")),
        map(n.get("properties")),
        excerpt(n.get("stdout")),
        excerpt(n.get("stderr")));
  }

  static ObjectNode problem(Problem p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("where", location(p.where()));
    n.put("severity", p.severity().name());
    n.put("message", p.message());
    return n;
  }

  static Problem problem(JsonNode n) {
    return new Problem(
        location(n.get("where")),
        Severity.valueOf(required(n, "severity")),
        required(n, "message"));
  }

  static ObjectNode error(RunError e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", e.kind().name());
    n.put("scope", e.scope());
    n.set("failure", failure(e.failure()));
    n.set("where", location(e.where()));
    return n;
  }

  static RunError error(JsonNode n) {
    return new RunError(
        RunError.Kind.valueOf(required(n, "kind")),
        required(n, "scope"),
        failure(n.get("failure")),
        location(n.get("where")));
  }

  static ObjectNode file(InputFile f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("path", f.path());
    n.put("format", f.format());
    n.put("bytes", f.bytes());
    n.put("tests", f.tests());
    n.put("duplicateOf", f.duplicateOf());
    return n;
  }

  static InputFile file(JsonNode n) {
    return new InputFile(
        required(n, "path"),
        text(n.get("format")),
        n.path("bytes").asLong(),
        n.path("tests").asLong(),
        text(n.get("duplicateOf")));
  }

  static ObjectNode counts(Counts c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("passed", c.passed());
    n.put("failed", c.failed());
    n.put("errored", c.errored());
    n.put("skipped", c.skipped());
    n.put("flaky", c.flaky());
    return n;
  }

  static Counts counts(JsonNode n) {
    return Counts.of(
        n.path("passed").asLong(),
        n.path("failed").asLong(),
        n.path("errored").asLong(),
        n.path("skipped").asLong(),
        n.path("flaky").asLong());
  }

  static ObjectNode excerpt(Excerpt e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("text", e.text());
    n.put("fullLength", e.fullLength());
    return n;
  }

  static Excerpt excerpt(JsonNode n) {
    return n == null || n.isNull()
        ? Excerpt.EMPTY
        : new Excerpt(n.path("text").asText(""), n.path("fullLength").asLong());
  }

  static ObjectNode map(Map<String, String> map) {
    ObjectNode n = MAPPER.createObjectNode();
    new java.util.TreeMap<>(map).forEach(n::put);
    return n;
  }

  static Map<String, String> map(JsonNode n) {
    Map<String, String> map = new LinkedHashMap<>();
    if (n != null) {
      n.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }

  static String required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return v.asText();
  }

  private static ObjectNode failure(Failure f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", f.type());
    n.put("message", f.message());
    n.put("details", f.details());
    return n;
  }

  private static Failure failure(JsonNode n) {
    return n == null || n.isNull()
        ? Failure.NONE
        : new Failure(text(n.get("type")), text(n.get("message")), text(n.get("details")));
  }

  private static JsonNode location(Location l) {
    if (l == null) {
      return MAPPER.nullNode();
    }
    ObjectNode n = MAPPER.createObjectNode();
    n.put("file", l.file());
    n.put("line", l.line());
    n.put("column", l.column());
    return n;
  }

  private static Location location(JsonNode n) {
    return n == null || n.isNull()
        ? null
        : new Location(required(n, "file"), n.path("line").asLong(), n.path("column").asLong());
  }

  private static void duration(ObjectNode n, String field, Duration d) {
    if (d == null) {
      n.putNull(field);
    } else {
      n.put(field, d.toNanos());
    }
  }

  private static Duration duration(JsonNode n) {
    return n == null || n.isNull() ? null : Duration.ofNanos(n.asLong());
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
