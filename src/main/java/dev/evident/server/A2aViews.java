package dev.evident.server;

import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.service.RunQueries;
import dev.evident.service.Task;
import dev.evident.service.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server tasks as A2A tasks: the state mapped ({@link A2aState#of}), progress or the run's status
 * line as the status message, Evident's own view in {@code metadata.evident}, and once the task
 * ended with a run, the report artifact (what {@code evident show --json} prints as the data part,
 * the text summary as the text part). Views of ended tasks never change and are kept. Thread safe.
 */
final class A2aViews {

  private final Workspace workspace;
  private final Map<Long, A2aTask> finished;

  A2aViews(Workspace workspace, Map<Long, A2aTask> finished) {
    this.workspace = workspace;
    this.finished = finished;
  }

  /**
   * @param contextId the client's context id for the task, or null for {@code task-ID}
   */
  A2aTask view(Task t, String contextId) {
    A2aTask cached = finished.get(t.id());
    if (cached != null) {
      return cached;
    }
    A2aState state = A2aState.of(t.state());
    List<A2aTask.Artifact> artifacts = new ArrayList<>();
    String text = progress(t);
    if (state.terminal() && t.runId() != null) {
      Run run = workspace.runs().resolve(String.valueOf(t.runId()), t.project());
      RunDetail detail = workspace.runs().detail(run, 50);
      RunQuarantine quarantine = workspace.quarantine().inRun(run);
      artifacts.add(
          new A2aTask.Artifact(
              "report",
              "report",
              "Run " + run.id() + " of project " + run.project() + ": counts, failures, causes",
              RunQueries.json(detail, quarantine),
              RunQueries.text(detail, "", quarantine)));
      text =
          t.state() == dev.evident.service.TaskState.COMPLETED
              ? RunQueries.statusLine(run)
              : text + "; run " + run.id() + ": " + RunQueries.statusLine(run);
    }
    Instant at =
        t.finished() != null ? t.finished() : t.started() != null ? t.started() : t.created();
    String id = String.valueOf(t.id());
    A2aTask view =
        new A2aTask(
            id,
            contextId == null ? "task-" + id : contextId,
            state,
            text,
            at,
            artifacts,
            Map.of("evident", metadata(t)));
    if (state.terminal()) {
      finished.put(t.id(), view);
    }
    return view;
  }

  private static String progress(Task t) {
    String counts =
        t.testsDone() < 0
            ? ""
            : ": "
                + t.testsDone()
                + " tests done"
                + (t.testsFailed() < 0 ? "" : ", " + t.testsFailed() + " failed so far");
    return switch (t.state()) {
      case QUEUED -> "queued: waiting for a free worker";
      case RUNNING -> "running suite " + t.suite() + counts;
      case COMPLETED -> "completed";
      case FAILED ->
          "harness error: " + (t.message() == null ? "the run could not be stored" : t.message());
      case TIMED_OUT -> "timed out" + (t.message() == null ? "" : ": " + t.message());
      case CANCELLED -> "canceled" + (t.message() == null ? "" : ": " + t.message());
      case INTERRUPTED -> "interrupted" + (t.message() == null ? "" : ": " + t.message());
    };
  }

  private static Map<String, Object> metadata(Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", t.state().name());
    m.put("suite", t.suite());
    m.put("project", t.project());
    m.put("parameters", t.parameters());
    if (t.runId() != null) {
      m.put("runId", t.runId());
    }
    m.put("testsDone", t.testsDone());
    m.put("testsFailed", t.testsFailed());
    m.put("created", A2aJson.time(t.created()));
    if (t.message() != null) {
      m.put("message", t.message());
    }
    return Collections.unmodifiableMap(m);
  }
}
