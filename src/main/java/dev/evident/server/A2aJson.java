package dev.evident.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A2A objects as JSON maps in the shapes of protocol 0.3 or 1.0. */
final class A2aJson {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private A2aJson() {}

  static String time(Instant instant) {
    return MILLIS.format(instant);
  }

  static Map<String, Object> task(A2aVersion v, A2aTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == A2aVersion.V0_3) {
      m.put("kind", "task");
    }
    m.put("id", t.id());
    m.put("contextId", t.contextId());
    m.put("status", status(v, t));
    if (!t.artifacts().isEmpty()) {
      List<Object> artifacts = new ArrayList<>();
      for (A2aTask.Artifact a : t.artifacts()) {
        artifacts.add(artifact(v, a));
      }
      m.put("artifacts", artifacts);
    }
    m.put("metadata", t.metadata());
    return m;
  }

  /** The answer of SendMessage: the task itself in 0.3, {@code {"task": ...}} in 1.0. */
  static Object sendResult(A2aVersion v, A2aTask t) {
    return v == A2aVersion.V0_3 ? task(v, t) : Map.of("task", task(v, t));
  }

  /** A stream's first event: the task as it is. */
  static Object taskEvent(A2aVersion v, A2aTask t) {
    return sendResult(v, t);
  }

  static Object statusUpdate(A2aVersion v, A2aTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == A2aVersion.V0_3) {
      m.put("kind", "status-update");
    }
    m.put("taskId", t.id());
    m.put("contextId", t.contextId());
    m.put("status", status(v, t));
    if (v == A2aVersion.V0_3) {
      // 1.0 dropped "final": the end of the stream says it.
      m.put("final", t.state().terminal());
    }
    m.put("metadata", t.metadata());
    return v == A2aVersion.V0_3 ? m : Map.of("statusUpdate", m);
  }

  static Object artifactUpdate(A2aVersion v, A2aTask t, A2aTask.Artifact a) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == A2aVersion.V0_3) {
      m.put("kind", "artifact-update");
    }
    m.put("taskId", t.id());
    m.put("contextId", t.contextId());
    m.put("artifact", artifact(v, a));
    m.put("append", false);
    m.put("lastChunk", true);
    return v == A2aVersion.V0_3 ? m : Map.of("artifactUpdate", m);
  }

  private static Map<String, Object> status(A2aVersion v, A2aTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", v.state(t.state()));
    if (t.statusText() != null) {
      Map<String, Object> message = new LinkedHashMap<>();
      if (v == A2aVersion.V0_3) {
        message.put("kind", "message");
      }
      message.put(
          "messageId",
          t.id() + "-" + t.state().name().toLowerCase() + "-" + t.timestamp().toEpochMilli());
      message.put("role", v.agentRole());
      message.put("parts", List.of(textPart(v, t.statusText())));
      message.put("taskId", t.id());
      message.put("contextId", t.contextId());
      m.put("message", message);
    }
    m.put("timestamp", time(t.timestamp()));
    return m;
  }

  private static Map<String, Object> artifact(A2aVersion v, A2aTask.Artifact a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("artifactId", a.id());
    m.put("name", a.name());
    if (a.description() != null) {
      m.put("description", a.description());
    }
    m.put("parts", List.of(dataPart(v, a.data()), textPart(v, a.text())));
    return m;
  }

  static Map<String, Object> textPart(A2aVersion v, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == A2aVersion.V0_3) {
      m.put("kind", "text");
      m.put("text", text);
    } else {
      m.put("text", text);
      m.put("mediaType", "text/plain");
    }
    return m;
  }

  static Map<String, Object> dataPart(A2aVersion v, Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == A2aVersion.V0_3) {
      m.put("kind", "data");
      m.put("data", data);
    } else {
      m.put("data", data);
      m.put("mediaType", "application/json");
    }
    return m;
  }
}
