package dev.evident.server;

import dev.evident.model.Scope;
import dev.evident.model.TaskSuite;
import dev.evident.service.NotFoundException;
import dev.evident.service.Task;
import dev.evident.service.TaskNotCancelableException;
import dev.evident.service.TaskRequest;
import dev.evident.service.TaskState;
import dev.evident.service.Tasks;
import dev.evident.service.VerifyService;
import dev.evident.service.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A2A tasks over the server's task queue: a run of a declared suite is a server task (same queue,
 * same guarantees, listed with the others), its A2A id the task's number; a report verification
 * needs no queue, completes at once, and is kept in memory (the last 1,000) under {@code
 * verify-UUID}. Thread safe.
 */
final class A2aTasks {

  private static final int KEPT = 1000;

  private final Tasks tasks;
  private final Workspace workspace;
  private final Map<String, A2aTask> verified = lru(KEPT);
  private final Map<Long, String> contexts = lru(10_000);
  private final A2aViews views;
  private final A2aGroups groups;

  /**
   * @param tasks the server's task queue (its suites are the ones A2A may run), or null
   */
  A2aTasks(Tasks tasks, Workspace workspace) {
    this.tasks = tasks;
    this.workspace = workspace;
    this.views = new A2aViews(workspace, lru(KEPT));
    this.groups = tasks == null ? null : new A2aGroups(tasks, workspace);
  }

  /** Multi-model groups as A2A tasks ({@code group-N}). */
  A2aGroups groups() {
    queue();
    return groups;
  }

  private List<TaskSuite> declared() {
    return tasks == null ? List.of() : tasks.suites();
  }

  /** The declared suites as the agent card lists them. */
  List<A2aCard.Suite> suites() {
    List<A2aCard.Suite> out = new ArrayList<>();
    for (TaskSuite s : declared()) {
      Object properties = s.parameters().get("properties");
      List<String> names =
          properties instanceof Map<?, ?> m
              ? m.keySet().stream().map(String::valueOf).sorted().toList()
              : List.of();
      out.add(new A2aCard.Suite(s.name(), s.project(), null, names));
    }
    return out;
  }

  static <K, V> Map<K, V> lru(int size) {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > size;
          }
        });
  }

  boolean runsTasks() {
    return tasks != null;
  }

  /** Queues a run of the suite; invalid params naming every problem when it cannot run. */
  Task submit(A2aAsk.RunSuite ask, String contextId, Caller caller) {
    Tasks queue = queue();
    declared().stream()
        .filter(s -> s.name().equals(ask.suite()))
        .findFirst()
        .filter(s -> !caller.sees(s.project()))
        .ifPresent(
            s -> {
              throw new HttpProblem(
                  403,
                  "token "
                      + caller.token().id()
                      + " is for project "
                      + caller.project()
                      + "; suite "
                      + s.name()
                      + " runs in project "
                      + s.project());
            });
    var validation = queue.validate(new TaskRequest(ask.suite(), ask.parameters(), "a2a"));
    if (!validation.valid()) {
      throw new A2aError(
          A2aError.INVALID_PARAMS,
          "cannot run suite " + ask.suite() + ": " + String.join("; ", validation.problems()),
          Map.of("problems", validation.problems()));
    }
    Task task = queue.submit(new TaskRequest(ask.suite(), ask.parameters(), "a2a"));
    if (contextId != null) {
      contexts.put(task.id(), contextId);
    }
    return task;
  }

  /** Verifies a report at once; the task is COMPLETED with the verdicts as its artifact. */
  A2aTask verify(A2aAsk.Verify ask, String contextId, Caller caller) {
    String project = caller.singleUser() ? ask.project() : caller.project();
    var request =
        new VerifyService.Request(
            null, "a2a-message", ask.runs(), ask.baseline(), project, null, Path.of(""), false);
    var result = workspace.verifier().verify(request, ask.markdown());
    String id = "verify-" + UUID.randomUUID();
    Map<String, Object> json = result.json();
    A2aTask task =
        new A2aTask(
            id,
            contextId == null ? id : contextId,
            A2aState.COMPLETED,
            result.hasFalseClaims()
                ? "verified: some claims are contradicted or inconsistent"
                : "verified: no claim is contradicted",
            Instant.now(),
            List.of(
                new A2aTask.Artifact(
                    "verification",
                    "verification",
                    "The report's claims, each with its verdict and the evidence",
                    json,
                    result.text())),
            Map.of("evident", Map.of("skill", "verify-report")));
    verified.put(id, task);
    return task;
  }

  /** A task the caller may see, or task not found. */
  A2aTask get(String id, Caller caller) {
    A2aTask v = verified.get(id);
    if (v != null) {
      return v;
    }
    if (A2aGroups.isGroup(id)) {
      return groups().view(groups().group(id, caller));
    }
    return view(task(id, caller));
  }

  Task task(String id, Caller caller) {
    long n = number(id);
    Task task = queue(id).get(n).orElseThrow(() -> A2aError.taskNotFound(id));
    if (!caller.sees(task.project())) {
      throw A2aError.taskNotFound(id);
    }
    return task;
  }

  A2aTask cancel(String id, Caller caller) {
    if (verified.containsKey(id)) {
      throw notCancelable(id, "completed");
    }
    if (A2aGroups.isGroup(id)) {
      var group = groups().group(id, caller);
      if (!caller.may(Scope.RUN)) {
        throw new HttpProblem(403, "cancelling a task needs a token with the run scope");
      }
      return groups().cancel(group);
    }
    Task task = task(id, caller);
    if (!caller.may(Scope.RUN)) {
      throw new HttpProblem(403, "cancelling a task needs a token with the run scope");
    }
    try {
      return view(settled(queue().cancel(task.id())));
    } catch (TaskNotCancelableException e) {
      throw notCancelable(id, A2aState.of(task.state()).name().toLowerCase());
    } catch (NotFoundException e) {
      throw A2aError.taskNotFound(id);
    }
  }

  /**
   * A running task stops at its worker's next heartbeat: waits up to 10 s for that, so that the
   * answer says canceled, else answers the task as it is (still working, cancel requested).
   */
  private Task settled(Task task) {
    if (task.state().terminal()) {
      return task;
    }
    java.util.concurrent.BlockingQueue<Task> changes =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Task last = task;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    try (AutoCloseable ignored = queue().subscribe(task.id(), changes::add)) {
      while (!last.state().terminal()) {
        Task next =
            changes.poll(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
        if (next == null) {
          break;
        }
        last = next;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return last;
  }

  private static A2aError notCancelable(String id, String state) {
    return new A2aError(
        A2aError.TASK_NOT_CANCELABLE,
        "task " + id + " is " + state + " and cannot be canceled",
        Map.of("taskId", id, "state", state));
  }

  /** The newest server tasks first, of the caller's project (a token's) or every project. */
  List<A2aTask> list(Caller caller, A2aState state, int max) {
    if (tasks == null) {
      return List.of();
    }
    List<A2aTask> out = new ArrayList<>();
    for (Task t : tasks.list(caller.project(), null, max)) {
      if (state == null || A2aState.of(t.state()) == state) {
        out.add(view(t));
      }
    }
    return out;
  }

  /** Follows a server task: the listener gets the task now, then each change, until closed. */
  AutoCloseable subscribe(Task task, Consumer<Task> listener) {
    return queue().subscribe(task.id(), listener);
  }

  /** The A2A view of a server task; with its report once it ended with a run. */
  A2aTask view(Task t) {
    return views.view(t, contexts.get(t.id()));
  }

  private Tasks queue() {
    if (tasks == null) {
      throw new A2aError(
          A2aError.UNSUPPORTED_OPERATION,
          "this server runs no tasks: declare suites in its configuration (suites:) to run them"
              + " over A2A; verifying a report works without");
    }
    return tasks;
  }

  private Tasks queue(String id) {
    if (tasks == null) {
      throw A2aError.taskNotFound(id);
    }
    return tasks;
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw A2aError.taskNotFound(id);
    }
  }

  static boolean terminal(TaskState state) {
    return state.terminal();
  }
}
