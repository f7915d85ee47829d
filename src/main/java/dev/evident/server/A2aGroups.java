package dev.evident.server;

import dev.evident.model.TaskSuite;
import dev.evident.service.EvalService;
import dev.evident.service.Task;
import dev.evident.service.TaskGroup;
import dev.evident.service.TaskNotCancelableException;
import dev.evident.service.TaskRequest;
import dev.evident.service.TaskState;
import dev.evident.service.Tasks;
import dev.evident.service.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-model runs over A2A: a message with {@code models} queues one server task per model (a task
 * group) and is answered as one A2A task {@code group-N} (N the group's id). It is submitted while
 * any task is queued, working while any runs; once all have ended it is completed when at least one
 * made a run (the comparison artifact is {@code compare --by model} over those runs, the state of
 * each model's task in the metadata), canceled when all were cancelled, else failed. Thread safe.
 */
final class A2aGroups {

  static final String PREFIX = "group-";

  private final Tasks tasks;
  private final Workspace workspace;
  private final Map<Long, String> contexts = A2aTasks.lru(10_000);
  private final Map<Long, A2aTask> finished = A2aTasks.lru(1000);

  A2aGroups(Tasks tasks, Workspace workspace) {
    this.tasks = tasks;
    this.workspace = workspace;
  }

  static boolean isGroup(String id) {
    return id.startsWith(PREFIX);
  }

  /** Queues the suite once per model; invalid params naming every problem when it cannot run. */
  TaskGroup submit(A2aAsk.RunModels ask, String contextId, Caller caller) {
    tasks.suites().stream()
        .filter(s -> s.name().equals(ask.suite()))
        .findFirst()
        .filter(s -> !caller.sees(s.project()))
        .ifPresent(s -> refuse(caller, s));
    TaskRequest request = new TaskRequest(ask.suite(), ask.parameters(), "a2a");
    var validation = tasks.validate(request, ask.models());
    if (!validation.valid()) {
      throw new A2aError(
          A2aError.INVALID_PARAMS,
          "cannot run suite " + ask.suite() + ": " + String.join("; ", validation.problems()),
          Map.of("problems", validation.problems()));
    }
    TaskGroup group = tasks.submitModels(request, ask.models());
    if (contextId != null) {
      contexts.put(group.id(), contextId);
    }
    return group;
  }

  private static void refuse(Caller caller, TaskSuite s) {
    throw new HttpProblem(
        403,
        "token is for project "
            + caller.project()
            + "; suite "
            + s.name()
            + " runs in project "
            + s.project());
  }

  /** The group an A2A id names, when the caller may see it; else task not found. */
  TaskGroup group(String id, Caller caller) {
    long n;
    try {
      n = Long.parseLong(id.substring(PREFIX.length()).strip());
    } catch (NumberFormatException e) {
      throw A2aError.taskNotFound(id);
    }
    return tasks
        .group(n)
        .filter(g -> caller.sees(g.project()))
        .orElseThrow(() -> A2aError.taskNotFound(id));
  }

  /** The group as it is now (read again from the queue). */
  TaskGroup now(TaskGroup g) {
    return tasks.group(g.id()).orElse(g);
  }

  /** Cancels every task of the group that has not ended; the group as it is then. */
  A2aTask cancel(TaskGroup g) {
    if (g.terminal()) {
      String state = view(g).state().name().toLowerCase(java.util.Locale.ROOT);
      throw new A2aError(
          A2aError.TASK_NOT_CANCELABLE,
          "task " + PREFIX + g.id() + " is " + state + " and cannot be canceled",
          Map.of("taskId", PREFIX + g.id(), "state", state));
    }
    for (Task t : g.tasks()) {
      try {
        if (!t.state().terminal()) {
          tasks.cancel(t.id());
        }
      } catch (TaskNotCancelableException e) {
        // it ended meanwhile
      }
    }
    return view(now(g));
  }

  /** The A2A view of a group; with the comparison once every task has ended. */
  A2aTask view(TaskGroup g) {
    A2aTask cached = finished.get(g.id());
    if (cached != null) {
      return cached;
    }
    List<Long> runs = new ArrayList<>();
    long queued = 0;
    long ended = 0;
    long cancelled = 0;
    long completed = 0;
    Instant at = Instant.EPOCH;
    List<Map<String, Object>> each = new ArrayList<>();
    for (Task t : g.tasks()) {
      queued += t.state() == TaskState.QUEUED ? 1 : 0;
      ended += t.state().terminal() ? 1 : 0;
      cancelled += t.state() == TaskState.CANCELLED ? 1 : 0;
      completed += t.state() == TaskState.COMPLETED ? 1 : 0;
      if (t.state().terminal() && t.runId() != null) {
        runs.add(t.runId());
      }
      Instant last =
          t.finished() != null ? t.finished() : t.started() != null ? t.started() : t.created();
      at = last.isAfter(at) ? last : at;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task", t.id());
      m.put("model", t.model());
      m.put("state", t.state().name());
      m.put("runId", t.runId());
      m.put("testsDone", t.testsDone());
      m.put("testsFailed", t.testsFailed());
      each.add(m);
    }
    int n = g.tasks().size();
    A2aState state;
    String text;
    List<A2aTask.Artifact> artifacts = new ArrayList<>();
    if (ended < n) {
      state = queued == n ? A2aState.SUBMITTED : A2aState.WORKING;
      text = "suite " + g.suite() + " for " + n + " models: " + ended + " of " + n + " ended";
    } else {
      state =
          cancelled == n ? A2aState.CANCELED : completed > 0 ? A2aState.COMPLETED : A2aState.FAILED;
      text = runs.size() + " of " + n + " models made a run";
      if (!runs.isEmpty()) {
        EvalService.Output o =
            workspace
                .evals()
                .models(
                    "task group " + g.id() + " (suite " + g.suite() + ")", runs, null, Path.of(""));
        artifacts.add(
            new A2aTask.Artifact(
                "comparison",
                "comparison",
                "The models side by side: passed of executed, tokens, cost, per package",
                o.json(),
                o.text()));
        text += "; the comparison is the artifact";
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("group", g.id());
    meta.put("suite", g.suite());
    meta.put("project", g.project());
    meta.put("models", g.models());
    meta.put("tasks", each);
    String id = PREFIX + g.id();
    String context = contexts.get(g.id());
    A2aTask view =
        new A2aTask(
            id,
            context == null ? id : context,
            state,
            text,
            at,
            artifacts,
            Map.of("evident", meta));
    if (state.terminal()) {
      finished.put(g.id(), view);
    }
    return view;
  }
}
