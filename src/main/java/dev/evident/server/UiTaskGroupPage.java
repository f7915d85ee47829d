package dev.evident.server;

import dev.evident.model.Scope;
import dev.evident.service.EvalService;
import dev.evident.service.NotFoundException;
import dev.evident.service.TaskGroup;
import dev.evident.service.TaskService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * A task group's page: one task per model, with their states and runs (kept live like the tasks
 * page), then the models compared over the runs that have ended, as {@code GET
 * /api/v1/task-groups/{id}} gives it.
 */
final class UiTaskGroupPage implements UiRoutes.UiPages {

  static final String PATH = "/ui/task-groups/";

  private final TaskService tasks;
  private final EvalService evals;

  UiTaskGroupPage(TaskService tasks, EvalService evals) {
    this.tasks = tasks;
    this.evals = evals;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, PATH + "{id}", Scope.READ, this::group);
  }

  private void group(Context ctx, Caller caller) {
    String id = ctx.pathParam("id");
    TaskGroup group =
        (id.matches("\\d{1,18}") ? tasks.group(Long.parseLong(id)) : Optional.<TaskGroup>empty())
            .filter(g -> caller.sees(g.project()))
            .orElseThrow(() -> new NotFoundException("no task group " + id));
    Html body = new Html();
    body.el(
        "p", "Suite " + group.suite() + " in project " + group.project() + ", one task per model.");
    UiTaskPages.table(body, group.tasks(), caller);
    body.el("h2", "Models compared");
    EvalService.Output compared = TaskGroupRoutes.comparison(group, evals);
    if (compared == null) {
      body.el("p", "No run of this group has ended yet: reload when one has.");
    } else {
      body.el("pre", compared.text(), "class", "code");
    }
    UiLayout.send(ctx, 200, "Task group " + group.id(), caller, group.project(), body);
  }
}
