package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.Run;
import dev.evident.model.TaskSuite;
import dev.evident.service.Task;
import dev.evident.service.TaskGroup;
import dev.evident.service.TaskRequest;
import dev.evident.service.Tasks;
import dev.evident.service.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * run_tests with {@code suite} inside {@code evident serve}: a task of the server's queue (the same
 * validation and permissions as {@code POST /api/v1/tasks}), one per model when {@code models} is
 * given, followed by its handle {@code server-task:ID}. Over stdio there is no queue and a suite is
 * refused. Thread safe.
 */
final class SuiteTasks {

  static final String PREFIX = "server-task:";

  private final Workspace workspace;
  private final Tasks tasks;

  /**
   * @param tasks the server's task queue, or null (stdio)
   */
  SuiteTasks(Workspace workspace, Tasks tasks) {
    this.workspace = workspace;
    this.tasks = tasks;
  }

  static boolean isHandle(String ref) {
    return ref.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** The arguments run_tests takes for a suite. */
  static Schema arguments(Schema s) {
    return s.optional(
            "suite",
            string(
                "Instead of command, inside evident serve: a suite declared in the server's config"
                    + " (suites:), run as a server task; GET /api/v1/tasks/schema lists them."))
        .optional(
            "parameters",
            Schema.object("With suite: the suite's parameters (missing ones take their defaults).")
                .build())
        .optional(
            "models",
            array(
                "With suite: run it once per model (1 to 20 distinct names); each run gets"
                    + " EVIDENT_MODEL, {{model}} and the run attribute model, and the group's"
                    + " comparison is at GET /api/v1/task-groups/{group}.",
                Map.of("type", "string")));
  }

  /** Queues the suite (once per model when asked) and answers at once with the handles. */
  Map<String, Object> submit(Args args) {
    String name = args.requiredString("suite", "\"smoke\"");
    if (tasks == null) {
      throw new BadArgumentException(
          "run_tests: suite needs the task queue of evident serve (its MCP endpoint at /mcp);"
              + " this server has none: give command instead");
    }
    if (args.strings("command").stream().anyMatch(c -> !c.isBlank())) {
      throw new BadArgumentException(
          "run_tests: give command or suite, not both (suite runs the command the server's"
              + " config declares)");
    }
    TaskSuite suite =
        tasks.suites().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    if (suite != null && !args.sees(suite.project())) {
      throw new BadArgumentException(
          "run_tests: suite "
              + name
              + " runs in project "
              + suite.project()
              + "; this token is for project "
              + args.access().project());
    }
    TaskRequest request = new TaskRequest(name, args.object("parameters"), "mcp");
    List<String> models = args.has("models") ? args.strings("models") : null;
    List<Task> queued;
    Long group = null;
    if (models == null) {
      queued = List.of(tasks.submit(request));
    } else {
      TaskGroup g = tasks.submitModels(request, models);
      queued = g.tasks();
      group = g.id();
    }
    String handle = PREFIX + queued.get(0).id();
    List<String> handles = queued.stream().map(t -> PREFIX + t.id()).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handle", handle);
    out.put("status", "QUEUED");
    out.put("command", suite.command());
    out.put(
        "directory",
        (suite.workDir() == null ? Path.of("") : suite.workDir()).toAbsolutePath().toString());
    out.put("project", suite.project());
    out.put("suite", suite.name());
    out.put("handles", handles);
    out.put("models", models == null ? List.of() : models);
    out.put("group", group);
    out.put(
        "message",
        (group == null
                ? "queued as " + handle
                : "queued "
                    + handles.size()
                    + " tasks, one per model ("
                    + String.join(", ", handles)
                    + "), as group "
                    + group
                    + " (GET /api/v1/task-groups/"
                    + group
                    + ")")
            + "; call get_run with run="
            + handle
            + " and wait_seconds (up to "
            + RunTools.MAX_WAIT_SECONDS
            + ") for its status, counts and top causes");
    return out;
  }

  /** The task of a handle, when the caller may see its project. */
  Task task(Args args, String handle) {
    String tool = args.tool();
    if (tasks == null) {
      throw new BadArgumentException(
          tool + ": " + handle + " names a task of evident serve's queue; this server has none");
    }
    long id;
    try {
      id = Long.parseLong(handle.substring(PREFIX.length()).strip());
    } catch (NumberFormatException e) {
      throw new BadArgumentException(
          tool + ": " + handle + " is not a handle; they look like " + PREFIX + "12");
    }
    return tasks
        .get(id)
        .filter(t -> args.sees(t.project()))
        .orElseThrow(
            () -> new BadArgumentException(tool + ": no task " + id + " in this server's queue"));
  }

  /** Waits up to {@code wait} for a task to end; the task as it is then. */
  Task await(Task task, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    CountDownLatch ended = new CountDownLatch(1);
    try (AutoCloseable sub =
        tasks.subscribe(
            task.id(),
            t -> {
              if (t.state().terminal()) {
                ended.countDown();
              }
            })) {
      // Another server on the same database may run it: look at the store every second too.
      while (Instant.now().isBefore(deadline)) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (ended.await(Math.min(left, 1000), TimeUnit.MILLISECONDS)
            || tasks.get(task.id()).map(t -> t.state().terminal()).orElse(true)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // closing a subscription does not fail
    }
    return tasks.get(task.id()).orElse(task);
  }

  /** The stored run of an ended task; a task that is running or made none is an error. */
  Run stored(Args args, String handle) {
    Task task = task(args, handle);
    if (!task.state().terminal()) {
      throw new BadArgumentException(
          args.tool()
              + ": "
              + handle
              + " is "
              + task.state()
              + "; call get_run with run="
              + handle
              + " and wait_seconds (up to 60) to wait for its run");
    }
    if (task.runId() == null) {
      throw new BadArgumentException(
          args.tool() + ": " + handle + " made no run: " + task.state() + ", " + task.message());
    }
    return args.visible(workspace.runs().resolve(Long.toString(task.runId()), null));
  }

  /** What get_run answers for a task that has not ended, or ended without a run. */
  static Map<String, Object> pending(String handle, Task task) {
    if (task.state().terminal()) {
      Map<String, Object> out = Causes.empty(handle, "ERROR", true);
      out.put(
          "message",
          handle
              + " made no run: "
              + task.state()
              + (task.message() == null ? "" : ", " + task.message()));
      return out;
    }
    Instant since = task.started() == null ? task.created() : task.started();
    double elapsed = Duration.between(since, Instant.now()).toMillis() / 1000.0;
    String state = task.state().name();
    Map<String, Object> out = Causes.empty(handle, state, false);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("elapsedSeconds", elapsed);
    p.put("testsFinished", task.testsDone() < 0 ? null : task.testsDone());
    p.put("testsFailed", task.testsFailed() < 0 ? null : task.testsFailed());
    out.put("progress", p);
    out.put(
        "message",
        String.format(
            Locale.ROOT,
            "%s %s for %.0f s%s; call get_run again with wait_seconds to wait",
            handle,
            state.toLowerCase(Locale.ROOT),
            elapsed,
            task.testsDone() < 0
                ? ""
                : ": " + task.testsDone() + " tests finished, " + task.testsFailed() + " failed"));
    return out;
  }
}
