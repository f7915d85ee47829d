package dev.evident.server;

import static dev.evident.server.UiData.list;
import static dev.evident.server.UiData.map;
import static dev.evident.server.UiData.num;
import static dev.evident.server.UiData.of;
import static dev.evident.server.UiData.str;

import dev.evident.model.Outcome;
import dev.evident.model.Scope;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * One run: its summary with every count and its denominator, root causes (diagnosis groups) and
 * next steps, failures with their messages, errors outside tests, what was not executed, flaky
 * tests and suspicious ones.
 */
final class UiRunPage implements UiRoutes.UiPages {

  /** Rows a list shows before saying how many more there are. */
  static final int SHOWN = 200;

  private final ServerQueries queries;

  UiRunPage(ServerQueries queries) {
    this.queries = queries;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/runs/{run}", Scope.READ, this::run);
  }

  static String testName(Object test) {
    String params = str(test, "parameters");
    String suite = str(test, "suite");
    return (suite.isEmpty() ? "" : suite + " > ")
        + str(test, "name")
        + (params.isEmpty() ? "" : "[" + params + "]");
  }

  private void run(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    Map<String, Object> run = queries.summary(project, ctx.pathParam("run"));
    long id = num(run, "run");
    String ref = String.valueOf(id);
    Html body = new Html();
    String status = str(run, "status");
    body.el("p", str(run, "summary"), "class", "statement " + UiData.statusClass(status));
    summary(body, run);
    String base = UiRunsPages.base(project);
    body.open("p", "class", "links");
    body.link(base + "/compare" + Html.query("head", ref), "Compare with the run before")
        .text(" · ");
    body.link(base + "/progress" + Html.query("run", ref), "Progress of this run").text(" · ");
    body.link("/api/v1/projects/" + Html.enc(project) + "/runs/" + id, "JSON");
    body.close("p");
    Map<String, Object> diagnosis;
    diagnosis = queries.diagnosis(project, ref, 20);
    UiRunSections.causes(body, diagnosis);
    UiRunSections.failures(body, run);
    UiRunSections.runErrors(body, run);
    UiRunSections.notExecuted(body, run, queries.tests(project, ref, Outcome.SKIPPED, 0, SHOWN));
    UiRunSections.flaky(body, queries.tests(project, ref, Outcome.FLAKY, 0, SHOWN));
    UiRunSections.suspicious(body, queries.suspicious(project, ref, 10));
    UiLayout.send(ctx, 200, "Run " + id + " of " + project, caller, project, body);
  }

  private static void summary(Html body, Map<String, Object> run) {
    Map<String, Object> c = map(run, "counts");
    long collected = num(c, "collected");
    long executed = num(c, "executed");
    body.raw("<table class=\"counts\"><tbody>");
    body.row("Collected", String.format("%,d", collected));
    body.row("Executed", of(executed, collected, "collected"));
    body.row("Passed", of(num(c, "passed"), executed, "executed"));
    body.row("Failed", of(num(c, "failed"), executed, "executed"));
    body.row("Errored", of(num(c, "errored"), executed, "executed"));
    body.row("Flaky (failed, then passed)", of(num(c, "flaky"), executed, "executed"));
    body.row("Skipped", of(num(c, "skipped"), collected, "collected"));
    body.row("Pass rate (passed and flaky of executed)", UiData.passRate(c));
    body.raw("</tbody></table>");
    body.raw("<table class=\"facts\"><tbody>");
    body.row("Stored", UiData.time(str(run, "created")));
    body.row("Source", str(run, "source"));
    if (run.get("command") != null) {
      body.row("Command", str(run, "command"));
    }
    if (run.get("exitCode") != null) {
      body.row("Exit code", str(run, "exitCode"));
    }
    body.row("Labels", pairs(map(run, "labels")));
    body.row("Attributes", pairs(map(run, "attributes")));
    List<Object> files = list(run, "files");
    StringBuilder f = new StringBuilder();
    for (Object file : files) {
      f.append(str(file, "path")).append(" (").append(str(file, "format")).append(", ");
      f.append(num(file, "tests")).append(" tests)\n");
    }
    body.row("Files", files.isEmpty() ? "none recorded" : f.toString().strip());
    body.raw("</tbody></table>");
    List<Object> problems = list(run, "problems");
    if (!problems.isEmpty()) {
      body.el("h2", "Problems reading the results (" + problems.size() + ")");
      body.raw("<ul class=\"problems\">");
      for (Object p : problems) {
        body.el(
            "li",
            str(p, "file")
                + ":"
                + str(p, "line")
                + ": "
                + str(p, "severity").toLowerCase()
                + ": "
                + str(p, "message"));
      }
      body.raw("</ul>");
    }
  }

  private static String pairs(Map<String, Object> map) {
    if (map.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    map.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    return b.toString().strip();
  }
}
