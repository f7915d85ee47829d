package dev.evident.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An A2A task as Evident answers it, before a protocol version shapes it into JSON.
 *
 * @param statusText what the status message says (progress, or why it failed), or null
 * @param artifacts the report once the task has a run, else empty
 * @param metadata Evident's own view: state, suite, project, run id, tests done and failed
 */
record A2aTask(
    String id,
    String contextId,
    A2aState state,
    String statusText,
    Instant timestamp,
    List<Artifact> artifacts,
    Map<String, Object> metadata) {

  A2aTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(timestamp, "timestamp");
    artifacts = List.copyOf(artifacts);
    metadata = Map.copyOf(metadata);
  }

  /**
   * One artifact: a JSON document as a data part and its text rendering as a text part.
   *
   * @param data JSON (String, Number, Boolean, List, Map values)
   */
  record Artifact(
      String id, String name, String description, Map<String, Object> data, String text) {
    Artifact {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The same task as it was while it worked: no status text, no artifacts. */
  A2aTask working() {
    return new A2aTask(id, contextId, A2aState.WORKING, null, timestamp, List.of(), metadata);
  }

  /** The same task without its artifacts (ListTasks leaves them out unless asked). */
  A2aTask withoutArtifacts() {
    return new A2aTask(id, contextId, state, statusText, timestamp, List.of(), metadata);
  }
}
