package dev.evident.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evident.model.Scope;
import dev.evident.model.TaskSuite;
import dev.evident.service.InputException;
import dev.evident.service.NotFoundException;
import dev.evident.service.Task;
import dev.evident.service.TaskNotCancelableException;
import dev.evident.service.TaskRequest;
import dev.evident.service.TaskService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tasks page: the suites the server declares (with their parameters' defaults), a form that
 * starts one, and the newest tasks with their state, run and progress, kept live by ui.js from the
 * server's event stream ({@code /ui/events}: {@code /api/v1/events} for the cookie session), and by
 * polling {@code /ui/tasks/live} when the stream is not available. A list of models starts a task
 * group ({@link UiTaskGroupPage}). A token sees and starts its project's tasks only.
 */
final class UiTaskPages implements UiRoutes.UiPages {

  private final TaskService tasks;
  private final EventRoutes events;

  UiTaskPages(TaskService tasks, EventRoutes events) {
    this.tasks = tasks;
    this.events = events;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, "/ui/tasks", Scope.READ, (ctx, c) -> list(ctx, c, 200, null));
    ui.page(api, HandlerType.POST, "/ui/tasks", Scope.RUN, this::start);
    ui.page(api, HandlerType.POST, "/ui/tasks/{id}/cancel", Scope.RUN, this::cancel);
    ui.page(api, HandlerType.GET, "/ui/tasks/live", Scope.READ, this::live);
    // The API's event stream, for the page's EventSource, which cannot send a bearer token: the
    // cookie session's caller applies instead (its project's events only).
    ui.page(api, HandlerType.GET, "/ui/events", Scope.READ, events::events);
  }

  private List<TaskSuite> suites(Caller caller) {
    return tasks.suites().stream().filter(s -> caller.sees(s.project())).toList();
  }

  private void list(Context ctx, Caller caller, int status, String problem) {
    Html body = new Html();
    List<TaskSuite> suites = suites(caller);
    if (problem != null) {
      body.el("p", problem, "class", "error");
    }
    if (suites.isEmpty()) {
      body.el(
          "p",
          "The server declares no suite"
              + (caller.singleUser() ? "" : " of your project")
              + ": a suites: section in its evident.yaml says what may run as a task.");
    } else if (caller.may(Scope.RUN)) {
      form(body, suites, ctx.formParam("suite"), ctx.formParam("parameters"));
    }
    Long cursor = Params.longParam(ctx, "cursor");
    List<Task> page = tasks.page(caller.project(), null, cursor, UiRunsPages.PAGE + 1);
    body.el("h2", "Tasks, newest first");
    table(body, page.subList(0, Math.min(UiRunsPages.PAGE, page.size())), caller);
    if (page.isEmpty()) {
      body.el("p", "No task yet.");
    }
    if (page.size() > UiRunsPages.PAGE) {
      body.open("p", "class", "pager");
      body.link("/ui/tasks?cursor=" + page.get(UiRunsPages.PAGE - 1).id(), "Older tasks");
      body.close("p");
    }
    UiLayout.send(ctx, status, "Tasks", caller, null, body);
  }

  private void form(Html body, List<TaskSuite> suites, String chosen, String parameters) {
    body.open("form", "method", "post", "action", "/ui/tasks", "class", "start");
    body.raw("<label>Suite <select name=\"suite\">");
    for (TaskSuite s : suites) {
      body.open("option", "value", s.name(), "selected", s.name().equals(chosen) ? "" : null);
      body.text(s.name() + " (project " + s.project() + ")").close("option");
    }
    body.raw("</select></label><label>Parameters (JSON; blank: the defaults) ");
    body.open(
        "input",
        "name",
        "parameters",
        "value",
        parameters == null ? "" : parameters,
        "placeholder",
        "{\"name\": \"value\"}",
        "class",
        "code",
        "size",
        "40");
    body.raw("</label><label>Models (comma-separated; blank: one task) ");
    body.open("input", "name", "models", "placeholder", "m1, m2", "size", "20");
    body.raw("</label><button type=\"submit\">Start task</button></form>");
    body.raw("<table class=\"suites\">");
    body.head("Suite", "Project", "Defaults", "Timeout", "At once");
    body.raw("<tbody>");
    for (TaskSuite s : suites) {
      var defaults = tasks.validate(new TaskRequest(s.name(), Map.of(), "ui")).parameters();
      body.row(
          s.name(),
          s.project(),
          json(new TreeMap<>(defaults)),
          s.timeout() == null ? "none" : s.timeout().toSeconds() + " s",
          s.concurrency());
    }
    body.raw("</tbody></table>");
  }

  /** Tasks as rows that ui.js keeps live from the event stream (or by polling). */
  static void table(Html body, List<Task> shown, Caller caller) {
    body.raw("<table class=\"tasks\" data-live=\"/ui/tasks/live\" data-events=\"/ui/events\">");
    body.head(
        "Task",
        "Suite",
        "Project",
        "State",
        "Run",
        "Tests done",
        "Failed",
        "Created",
        "Message",
        "");
    body.raw("<tbody>");
    for (Task t : shown) {
      row(body, t, caller);
    }
    body.raw("</tbody></table>");
  }

  private static void row(Html body, Task t, Caller caller) {
    String state = t.state().name();
    body.open("tr", "data-id", String.valueOf(t.id()));
    body.el("td", "task " + t.id()).open("td").text(t.suite());
    if (t.model() != null) {
      body.text(" · model " + t.model() + " · ");
      body.link(UiTaskGroupPage.PATH + t.groupId(), "group " + t.groupId());
    }
    body.close("td").el("td", t.project());
    body.open("td").el("span", state, "class", UiData.statusClass(state), "data-state", "");
    body.close("td").open("td", "data-field", "run");
    if (t.runId() != null) {
      body.link(UiRunsPages.base(t.project()) + "/runs/" + t.runId(), "run " + t.runId());
    }
    body.close("td");
    body.el("td", t.testsDone() < 0 ? "" : t.testsDone(), "data-field", "done", "class", "num");
    body.el(
        "td", t.testsFailed() < 0 ? "" : t.testsFailed(), "data-field", "failed", "class", "num");
    body.el("td", UiData.time(t.created().toString()));
    body.el("td", t.message() == null ? "" : t.message(), "data-field", "message");
    body.open("td", "data-field", "cancel");
    if (!t.state().terminal() && caller.may(Scope.RUN)) {
      body.open("form", "method", "post", "action", "/ui/tasks/" + t.id() + "/cancel");
      body.raw("<button type=\"submit\">Cancel</button></form>");
    }
    body.close("td").close("tr");
  }

  private void start(Context ctx, Caller caller) {
    String suite = ctx.formParam("suite");
    String text = ctx.formParam("parameters");
    Map<String, Object> parameters = new LinkedHashMap<>();
    try {
      if (suite == null || suite.isBlank()) {
        throw new InputException("choose a suite");
      }
      TaskSuite declared =
          tasks.suite(suite).orElseThrow(() -> new InputException("no suite " + suite));
      if (!caller.sees(declared.project())) {
        throw new HttpProblem(403, "suite " + suite + " runs in another project");
      }
      if (text != null && !text.isBlank()) {
        Object parsed = JsonBody.MAPPER.readValue(text, Object.class);
        if (!(parsed instanceof Map<?, ?> map)) {
          throw new InputException("parameters must be a JSON object: {\"name\": \"value\"}");
        }
        map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
      }
      String models = ctx.formParam("models");
      if (models != null && !models.isBlank()) {
        List<String> list = List.of(models.strip().split("\\s*,\\s*"));
        long group = tasks.submitModels(new TaskRequest(suite, parameters, "ui"), list).id();
        ctx.redirect(UiTaskGroupPage.PATH + group, HttpStatus.SEE_OTHER);
        return;
      }
      tasks.submit(new TaskRequest(suite, parameters, "ui"));
    } catch (JsonProcessingException e) {
      list(ctx, caller, 400, "parameters are not JSON: " + e.getOriginalMessage());
      return;
    } catch (InputException e) {
      list(ctx, caller, 400, e.getMessage());
      return;
    }
    ctx.redirect("/ui/tasks", HttpStatus.SEE_OTHER);
  }

  private void cancel(Context ctx, Caller caller) {
    long id = parse(ctx.pathParam("id"));
    Task task =
        tasks
            .get(id)
            .filter(t -> caller.sees(t.project()))
            .orElseThrow(() -> new NotFoundException("no task " + id));
    try {
      tasks.cancel(task.id());
    } catch (TaskNotCancelableException e) {
      list(ctx, caller, 409, e.getMessage());
      return;
    }
    ctx.redirect("/ui/tasks", HttpStatus.SEE_OTHER);
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("no task " + id);
    }
  }

  /** The shown tasks' states as JSON, for ui.js: {@code ?ids=3,4}. */
  private void live(Context ctx, Caller caller) {
    List<Object> out = new ArrayList<>();
    String ids = ctx.queryParam("ids");
    for (String id : ids == null ? new String[0] : ids.split(",")) {
      if (id.isBlank() || out.size() >= 200) {
        continue;
      }
      tasks
          .get(parse(id.strip()))
          .filter(t -> caller.sees(t.project()))
          .ifPresent(t -> out.add(live(t)));
    }
    UiLayout.headers(ctx);
    JsonBody.send(ctx, Map.of("tasks", out));
  }

  private static Map<String, Object> live(Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("state", t.state().name());
    m.put("terminal", t.state().terminal());
    m.put("run", t.runId());
    m.put(
        "runUrl", t.runId() == null ? null : UiRunsPages.base(t.project()) + "/runs/" + t.runId());
    m.put("done", t.testsDone() < 0 ? null : t.testsDone());
    m.put("failed", t.testsFailed() < 0 ? null : t.testsFailed());
    m.put("message", t.message());
    return m;
  }

  private static String json(Object value) {
    try {
      return JsonBody.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
