package dev.evident.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Scope;
import dev.evident.service.EvalService;
import dev.evident.service.NotFoundException;
import dev.evident.service.Task;
import dev.evident.service.TaskGroup;
import dev.evident.service.TaskService;
import dev.evident.service.TaskState;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multi-model runs: a task submission with {@code "models": [...]} queues one task per model
 * (TaskRoutes takes it); {@code GET /api/v1/task-groups/{id}} answers the group's tasks, their runs
 * and the models side by side over the runs that have ended, as {@code compare --by model} adds
 * them up (pass rates with denominators, tokens, cost, duration, per package). Scope read; another
 * project's group is answered 404.
 */
final class TaskGroupRoutes implements RouteGroup {

  static final String GROUPS = "/api/v1/task-groups";

  private final TaskService tasks;
  private final EvalService evals;

  TaskGroupRoutes(TaskService tasks, EvalService evals) {
    this.tasks = tasks;
    this.evals = evals;
  }

  @Override
  public void register(Api api) {
    api.get(GROUPS + "/{id}", Scope.READ, this::get);
  }

  private void get(Context ctx, Caller caller) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("group id must be a number, not " + ctx.pathParam("id"));
    }
    TaskGroup group =
        tasks
            .group(id)
            .filter(g -> caller.sees(g.project()))
            .orElseThrow(() -> new NotFoundException("no task group " + id));
    Map<String, Object> out = json(group);
    EvalService.Output o = comparison(group, evals);
    out.put("comparison", o == null ? null : o.json());
    out.put("comparison_text", o == null ? null : o.text());
    JsonBody.send(ctx, out);
  }

  /** compare --by model over the group's ended runs, or null while none has ended. */
  static EvalService.Output comparison(TaskGroup group, EvalService evals) {
    List<Long> ended = new ArrayList<>();
    for (Task t : group.tasks()) {
      if (t.state().terminal() && t.runId() != null) {
        ended.add(t.runId());
      }
    }
    if (ended.isEmpty()) {
      return null;
    }
    String title =
        "task group %d (suite %s, %d of %d runs ended)"
            .formatted(group.id(), group.suite(), ended.size(), group.tasks().size());
    return evals.models(title, ended, null, Path.of(""));
  }

  /** A group as the submission's answer and the group's page show it (without the comparison). */
  static Map<String, Object> json(TaskGroup group) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("group", group.id());
    out.put("project", group.project());
    out.put("suite", group.suite());
    out.put("models", group.models());
    out.put("terminal", group.terminal());
    Map<String, Long> states = new TreeMap<>();
    group.tasks().forEach(t -> states.merge(t.state().name(), 1L, Long::sum));
    out.put("states", states);
    out.put("completed", states.getOrDefault(TaskState.COMPLETED.name(), 0L));
    out.put("tasks", group.tasks().stream().map(TaskRoutes::json).toList());
    out.put("url", GROUPS + "/" + group.id());
    return out;
  }

  /**
   * The {@code models} of a submission's body, or null when it has none.
   *
   * @throws HttpProblem 400 when it is not a list of strings
   */
  static List<String> models(JsonNode body) {
    JsonNode m = body.get("models");
    if (m == null || m.isNull()) {
      return null;
    }
    String shape = "\"models\" must be a list of model names, e.g. [\"m1\", \"m2\"]";
    if (!m.isArray()) {
      throw HttpProblem.badRequest(shape + ", not " + m.getNodeType().name().toLowerCase());
    }
    List<String> models = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) {
      if (!m.get(i).isTextual()) {
        throw HttpProblem.badRequest(
            shape + "; models[" + i + "] is " + m.get(i).getNodeType().name().toLowerCase());
      }
      models.add(m.get(i).asText());
    }
    return models;
  }
}
