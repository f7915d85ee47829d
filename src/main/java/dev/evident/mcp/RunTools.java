package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.bool;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.nullable;
import static dev.evident.mcp.Schema.nullableString;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.Run;
import dev.evident.service.RunQueries;
import dev.evident.service.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** run_tests, get_run and list_runs: starting runs and reading them. */
final class RunTools {

  static final int MAX_WAIT_SECONDS = 60;

  private final Workspace workspace;
  private final BackgroundRuns background;
  private final RunRefs refs;
  private final Causes causes;
  private final SuiteTasks suites;

  RunTools(
      Workspace workspace,
      BackgroundRuns background,
      RunRefs refs,
      Causes causes,
      SuiteTasks suites) {
    this.workspace = workspace;
    this.background = background;
    this.refs = refs;
    this.causes = causes;
    this.suites = suites;
  }

  List<ToolDefinition> definitions() {
    return List.of(new RunTestsTool(background, suites).definition(), getRun(), listRuns());
  }

  private ToolDefinition getRun() {
    return new ToolDefinition(
        "get_run",
        "Get a run",
        "A run's status, counts with their denominators and top causes of failure with what to"
            + " do. For a handle from run_tests: RUNNING with progress until the run is stored;"
            + " wait_seconds waits (up to 60 s) for it to finish.",
        Schema.object()
            .optional("run", string(RunRefs.DESCRIPTION))
            .optional("project", string("With latest, latest~N, branch:NAME: in this project."))
            .optional(
                "wait_seconds",
                integer(
                    "For a running handle: wait up to this long for the run to be stored"
                        + " (default 0).",
                    0,
                    MAX_WAIT_SECONDS))
            .optional("max_causes", integer("Top causes to list (default 3).", 0, 50))
            .closed(),
        Schema.object()
            .required("handle", nullableString("the handle, when asked by one"))
            .required("status", Schema.oneOf(null, Shapes.statusesAndError()))
            .required("done", bool("false while the command runs"))
            .required("message", string("one line: what the run shows, or how far it is"))
            .required("run", nullable(Shapes.run()))
            .required("progress", Shapes.progress())
            .required("failures", integer("failed, errored and flaky results"))
            .required("topCauses", array("causes by tests affected", Shapes.cause()))
            .required("nextSteps", array("what to do first", Shapes.nextStep()))
            .build(),
        true,
        this::getRun);
  }

  private Map<String, Object> getRun(Args args) {
    String ref = args.string("run", "latest");
    String project = args.project();
    int wait = args.integer("wait_seconds", 0, 0, MAX_WAIT_SECONDS);
    int max = args.integer("max_causes", 3, 0, 50);
    if (SuiteTasks.isHandle(ref)) {
      var task = suites.await(suites.task(args, ref), Duration.ofSeconds(wait));
      return task.state().terminal() && task.runId() != null
          ? causes.describe(suites.stored(args, ref), ref, max)
          : SuiteTasks.pending(ref, task);
    }
    if (!RunRefs.isHandle(ref)) {
      return causes.describe(args.visible(workspace.runs().resolve(ref, project)), null, max);
    }
    BackgroundRuns.Task task = refs.task(args, ref);
    task.await(Duration.ofSeconds(wait));
    if (!task.running()) {
      String failure = RunRefs.failure(task);
      if (failure == null) {
        Run run = RunRefs.ran(task).run();
        return causes.describe(
            workspace.runs().resolve(Long.toString(run.id()), null), task.handle, max);
      }
      Map<String, Object> out = Causes.empty(task.handle, "ERROR", true);
      out.put("message", task.handle + " made no run: " + failure);
      return out;
    }
    long[] progress = task.progress();
    double elapsed = Duration.between(task.started, Instant.now()).toMillis() / 1000.0;
    Map<String, Object> out = Causes.empty(task.handle, "RUNNING", false);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("elapsedSeconds", elapsed);
    p.put("testsFinished", progress[0] < 0 ? null : progress[0]);
    p.put("testsFailed", progress[1] < 0 ? null : progress[1]);
    out.put("progress", p);
    out.put(
        "message",
        String.format(
            java.util.Locale.ROOT,
            "%s running for %.0f s%s; call get_run again with wait_seconds to wait",
            task.handle,
            elapsed,
            progress[0] < 0
                ? ""
                : ": " + progress[0] + " tests finished, " + progress[1] + " failed"));
    return out;
  }

  private ToolDefinition listRuns() {
    return new ToolDefinition(
        "list_runs",
        "List runs",
        "Stored runs, newest first, each with its status and counts with their denominators;"
            + " and the runs this server has started that are still running.",
        Schema.object()
            .optional("project", string("Only runs of this project (default: all)."))
            .optional("branch", string("Only runs made on this branch (git.branch or label)."))
            .optional("limit", integer("How many runs (default 20).", 1, 500))
            .closed(),
        Schema.object()
            .required("runs", Shapes.runs())
            .required(
                "running",
                array(
                    "runs started by run_tests that are not stored yet",
                    Schema.object()
                        .required("handle", string(null))
                        .required("command", array(null, Map.of("type", "string")))
                        .required("directory", string(null))
                        .required("elapsedSeconds", Schema.number(null))
                        .build()))
            .build(),
        true,
        this::listRuns);
  }

  private Map<String, Object> listRuns(Args args) {
    String project = args.project();
    String branch = args.string("branch");
    int limit = args.integer("limit", 20, 1, 500);
    RunQueries queries = workspace.runs();
    List<Run> runs =
        branch == null
            ? queries.runs(project, limit)
            : queries.runsOnBranch(project, branch, limit);
    List<Object> listed = new ArrayList<>();
    runs.forEach(r -> listed.add(RunQueries.json(r)));
    List<Object> running = new ArrayList<>();
    for (BackgroundRuns.Task t : background.running()) {
      if (!args.sees(t.project)) {
        continue;
      }
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("handle", t.handle);
      task.put("command", t.command);
      task.put("directory", t.directory);
      task.put("elapsedSeconds", Duration.between(t.started, Instant.now()).toMillis() / 1000.0);
      running.add(task);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("runs", listed);
    out.put("running", running);
    return out;
  }
}
