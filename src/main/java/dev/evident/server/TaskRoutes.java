package dev.evident.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Scope;
import dev.evident.model.TaskSuite;
import dev.evident.service.CommandsNotAllowedException;
import dev.evident.service.NotFoundException;
import dev.evident.service.Task;
import dev.evident.service.TaskGroup;
import dev.evident.service.TaskNotCancelableException;
import dev.evident.service.TaskRequest;
import dev.evident.service.TaskService;
import dev.evident.service.TaskState;
import dev.evident.service.Tasks;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tasks: submit a declared suite (scope run), validate its parameters, see the suites' schemas,
 * list and follow tasks (scope read), cancel (scope run). A project's token sees, starts and
 * cancels that project's tasks only; another project's task is answered 404, as if it did not
 * exist. Arbitrary commands need an admin token and a server started with --allow-commands.
 */
final class TaskRoutes implements RouteGroup {

  static final String TASKS = "/api/v1/tasks";

  private final TaskService tasks;

  TaskRoutes(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void register(Api api) {
    api.post(TASKS, Scope.RUN, this::submit);
    api.post(TASKS + "/validate", Scope.READ, this::validate);
    api.get(TASKS + "/schema", Scope.READ, this::schema);
    api.get(TASKS, Scope.READ, this::list);
    api.get(TASKS + "/{id}", Scope.READ, this::get);
    api.post(TASKS + "/{id}/cancel", Scope.RUN, this::cancel);
  }

  private void submit(Context ctx, Caller caller) {
    JsonNode body = body(ctx);
    Task task;
    if (body.has("command")) {
      if (!caller.may(Scope.ADMIN)) {
        throw new HttpProblem(403, "an arbitrary command needs a token with the admin scope");
      }
      String project = text(body, "project", caller.project());
      if (project == null || !caller.sees(project)) {
        throw new HttpProblem(403, "a command needs the project of the token, not " + project);
      }
      try {
        task =
            tasks.submitCommand(
                project, strings(body.get("command")), strings(body.get("results")), "api");
      } catch (CommandsNotAllowedException e) {
        throw new HttpProblem(403, e.getMessage());
      }
    } else {
      TaskRequest request = request(body);
      visibleSuite(caller, request.suite());
      List<String> models = TaskGroupRoutes.models(body);
      if (models != null) {
        TaskGroup group = tasks.submitModels(request, models);
        ctx.header("Location", TaskGroupRoutes.GROUPS + "/" + group.id());
        JsonBody.send(ctx, 202, TaskGroupRoutes.json(group));
        return;
      }
      task = tasks.submit(request);
    }
    ctx.header("Location", TASKS + "/" + task.id());
    JsonBody.send(ctx, 202, json(task));
  }

  private void validate(Context ctx, Caller caller) {
    JsonNode body = body(ctx);
    TaskRequest request = request(body);
    visibleSuite(caller, request.suite());
    List<String> models = TaskGroupRoutes.models(body);
    Tasks.Validation v = models == null ? tasks.validate(request) : tasks.validate(request, models);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("suite", v.suite());
    out.put("valid", v.valid());
    out.put("parameters", new java.util.TreeMap<>(v.parameters()));
    out.put("problems", v.problems());
    JsonBody.send(ctx, out);
  }

  private void schema(Context ctx, Caller caller) {
    String only = ctx.queryParam("suite");
    List<Map<String, Object>> suites = new ArrayList<>();
    for (TaskSuite s : tasks.suites()) {
      if (!caller.sees(s.project()) || (only != null && !only.equals(s.name()))) {
        continue;
      }
      Map<String, Object> suite = new LinkedHashMap<>();
      suite.put("name", s.name());
      suite.put("project", s.project());
      suite.put("parameters", s.parameters());
      suite.put(
          "defaults", new java.util.TreeMap<>(tasks.validate(request(s.name())).parameters()));
      suite.put("timeout_seconds", s.timeout() == null ? null : s.timeout().toSeconds());
      suite.put("concurrency", s.concurrency());
      suites.add(suite);
    }
    if (only != null && suites.isEmpty()) {
      throw new NotFoundException("no suite " + only);
    }
    JsonBody.send(ctx, Map.of("suites", suites));
  }

  private static TaskRequest request(String suite) {
    return new TaskRequest(suite, Map.of(), "api");
  }

  private void list(Context ctx, Caller caller) {
    String project = ctx.queryParam("project");
    if (project != null && !caller.sees(project)) {
      throw new HttpProblem(403, "token is for project " + caller.project() + ", not " + project);
    }
    if (project == null) {
      project = caller.project();
    }
    TaskState state = null;
    String s = ctx.queryParam("state");
    if (s != null) {
      try {
        state = TaskState.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest(
            "unknown state " + s + " (" + java.util.Arrays.toString(TaskState.values()) + ")");
      }
    }
    int limit = Params.limit(ctx, 50, 500);
    List<Task> page = tasks.page(project, state, Params.longParam(ctx, "cursor"), limit + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tasks", page.stream().limit(limit).map(TaskRoutes::json).toList());
    body.put(
        "next",
        page.size() > limit ? QueryRoutes.next(ctx, "cursor", page.get(limit - 1).id()) : null);
    JsonBody.send(ctx, body);
  }

  private void get(Context ctx, Caller caller) {
    JsonBody.send(ctx, json(visibleTask(ctx, caller)));
  }

  private void cancel(Context ctx, Caller caller) {
    Task task = visibleTask(ctx, caller);
    try {
      JsonBody.send(ctx, 202, json(tasks.cancel(task.id())));
    } catch (TaskNotCancelableException e) {
      throw new HttpProblem(409, e.getMessage());
    }
  }

  private Task visibleTask(Context ctx, Caller caller) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("task id must be a number, not " + ctx.pathParam("id"));
    }
    return tasks
        .get(id)
        .filter(t -> caller.sees(t.project()))
        .orElseThrow(() -> new NotFoundException("no task " + id));
  }

  /** A suite the caller's token may use; an unknown suite is left to the service's message. */
  private void visibleSuite(Caller caller, String name) {
    tasks
        .suite(name)
        .filter(s -> !caller.sees(s.project()))
        .ifPresent(
            s -> {
              throw new HttpProblem(
                  403,
                  "suite "
                      + name
                      + " runs in project "
                      + s.project()
                      + "; the token is for "
                      + caller.project());
            });
  }

  static Map<String, Object> json(Task t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("project", t.project());
    out.put("suite", t.suite());
    out.put("state", t.state().name());
    out.put("terminal", t.state().terminal());
    out.put("parameters", new java.util.TreeMap<>(t.parameters()));
    out.put("run_id", t.runId());
    out.put("created", t.created().toString());
    out.put("started", t.started() == null ? null : t.started().toString());
    out.put("finished", t.finished() == null ? null : t.finished().toString());
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("tests_done", t.testsDone() < 0 ? null : t.testsDone());
    progress.put("tests_failed", t.testsFailed() < 0 ? null : t.testsFailed());
    out.put("progress", progress);
    out.put("message", t.message());
    out.put("attempts", t.attempts());
    out.put("origin", t.origin());
    out.put("model", t.model());
    out.put("group", t.groupId());
    return out;
  }

  private static TaskRequest request(JsonNode body) {
    String suite = text(body, "suite", null);
    if (suite == null) {
      throw HttpProblem.badRequest("the body needs \"suite\": the name of a declared suite");
    }
    JsonNode p = body.get("parameters");
    if (p != null && !p.isNull() && !p.isObject()) {
      throw HttpProblem.badRequest("\"parameters\" must be an object");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (p != null && !p.isNull()) {
      // a null value asks for the default
      p.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  parameters.put(
                      e.getKey(), JsonBody.MAPPER.convertValue(e.getValue(), Object.class));
                }
              });
    }
    return new TaskRequest(suite, parameters, "api");
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = JsonBody.MAPPER.readTree(ctx.bodyAsBytes());
      if (body == null || !body.isObject()) {
        throw HttpProblem.badRequest("the body must be a JSON object: {\"suite\": ..}");
      }
      return body;
    } catch (IOException e) {
      throw HttpProblem.badRequest("the body is not JSON: " + e.getMessage());
    }
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node != null && !node.isNull()) {
      throw HttpProblem.badRequest("command and results must be lists of strings");
    }
    return out;
  }
}
