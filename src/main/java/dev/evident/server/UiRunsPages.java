package dev.evident.server;

import static dev.evident.server.UiData.map;
import static dev.evident.server.UiData.num;
import static dev.evident.server.UiData.str;

import dev.evident.model.RunStatus;
import dev.evident.model.Scope;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The projects page (each with its latest run) and a project's runs, filtered and paginated. */
final class UiRunsPages implements UiRoutes.UiPages {

  static final int PAGE = 50;
  private static final ServerQueries.RunFilter ALL =
      new ServerQueries.RunFilter(null, Map.of(), null, null, null);

  private final ServerQueries queries;

  UiRunsPages(ServerQueries queries) {
    this.queries = queries;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, "/ui/", Scope.READ, this::projects);
    ui.page(api, HandlerType.GET, "/ui/projects/{project}", Scope.READ, this::toRuns);
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/runs", Scope.READ, this::runs);
  }

  static String base(String project) {
    return "/ui/projects/" + Html.enc(project);
  }

  private void toRuns(Context ctx, Caller caller) {
    ctx.redirect(base(ctx.pathParam("project")) + "/runs");
  }

  private void projects(Context ctx, Caller caller) {
    List<String> names = caller.singleUser() ? queries.projects() : List.of(caller.project());
    Html body = new Html();
    if (names.isEmpty()) {
      body.el("p", "No runs stored yet: evident ingest DIR --server URL uploads one.");
    }
    body.raw("<table class=\"projects\">");
    body.head(
        "Project", "Latest run", "Status", "Passed of executed", "Executed of collected", "Stored");
    body.raw("<tbody>");
    for (String name : names) {
      List<Object> latest = queries.runs(name, ALL, null, 1).items();
      body.raw("<tr>").open("td").link(base(name) + "/runs", name).close("td");
      if (latest.isEmpty()) {
        body.raw("<td colspan=\"5\">no runs stored yet</td></tr>");
        continue;
      }
      Object run = latest.get(0);
      runCells(body, name, run);
      body.raw("</tr>");
    }
    body.raw("</tbody></table>");
    UiLayout.send(ctx, 200, "Projects", caller, null, body);
  }

  /** Run, status, passed of executed, executed of collected, stored: the cells of a run's row. */
  static void runCells(Html body, String project, Object run) {
    long id = num(run, "run");
    Map<String, Object> counts = map(run, "counts");
    body.open("td").link(base(project) + "/runs/" + id, "run " + id).close("td");
    String status = str(run, "status");
    body.open("td").el("span", status, "class", UiData.statusClass(status)).close("td");
    body.el("td", UiData.passRate(counts), "class", "num");
    body.el(
        "td",
        UiData.of(num(counts, "executed"), num(counts, "collected"), "collected"),
        "class",
        "num");
    body.el("td", UiData.time(str(run, "created")));
  }

  private void runs(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    String branch = blank(ctx.queryParam("branch"));
    String label = blank(ctx.queryParam("label"));
    String status = blank(ctx.queryParam("status"));
    String since = blank(ctx.queryParam("since"));
    String until = blank(ctx.queryParam("until"));
    if (status != null) {
      try {
        status = RunStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest("unknown status " + status);
      }
    }
    Map<String, String> labels = label == null ? Map.of() : Params.pairs(List.of(label), "label");
    var filter = new ServerQueries.RunFilter(branch, labels, status, date(since), date(until));
    Long cursor = Params.longParam(ctx, "cursor");
    int limit = Params.limit(ctx, PAGE, 500);
    ServerQueries.Page page = queries.runs(project, filter, cursor, limit);
    Html body = new Html();
    filters(body, project, branch, label, status, since, until);
    body.raw("<table class=\"runs\">");
    body.head(
        "Run",
        "Status",
        "Passed of executed",
        "Executed of collected",
        "Stored",
        "Branch",
        "Summary");
    body.raw("<tbody>");
    for (Object run : page.items()) {
      body.raw("<tr>");
      runCells(body, project, run);
      Map<String, Object> labelsOf = map(run, "labels");
      String runBranch = str(map(run, "attributes"), "git.branch");
      body.el("td", runBranch.isEmpty() ? str(labelsOf, "branch") : runBranch);
      body.el("td", str(run, "summary"));
      body.raw("</tr>");
    }
    body.raw("</tbody></table>");
    if (page.items().isEmpty()) {
      body.el("p", "No run matches these filters.");
    }
    String[] kept = {
      "branch",
      branch,
      "label",
      label,
      "status",
      status,
      "since",
      since,
      "until",
      until,
      "limit",
      ctx.queryParam("limit")
    };
    body.open("p", "class", "pager");
    if (cursor != null) {
      body.link(base(project) + "/runs" + Html.query(kept), "Newest runs").text(" ");
    }
    if (page.next() != null) {
      String[] older = java.util.Arrays.copyOf(kept, kept.length + 2);
      older[kept.length] = "cursor";
      older[kept.length + 1] = String.valueOf(page.next());
      body.open("a", "href", base(project) + "/runs" + Html.query(older), "rel", "next");
      body.text("Older runs").close("a");
    }
    body.close("p");
    UiLayout.send(ctx, 200, "Runs of " + project, caller, project, body);
  }

  private static void filters(
      Html body,
      String project,
      String branch,
      String label,
      String status,
      String since,
      String until) {
    body.open("form", "method", "get", "action", base(project) + "/runs", "class", "filters");
    input(body, "branch", "Branch", branch, "main");
    input(body, "label", "Label", label, "key=value");
    body.raw("<label>Status <select name=\"status\"><option value=\"\">any</option>");
    for (RunStatus s : RunStatus.values()) {
      body.open("option", "value", s.name(), "selected", s.name().equals(status) ? "" : null);
      body.text(s.name()).close("option");
    }
    body.raw("</select></label>");
    input(body, "since", "Since", since, "2026-01-31");
    input(body, "until", "Until", until, "2026-12-31");
    body.raw("<button type=\"submit\">Filter</button> ");
    body.link(base(project) + "/runs", "Clear");
    body.close("form");
  }

  private static void input(Html body, String name, String label, String value, String hint) {
    body.open("label").text(label + " ");
    body.open("input", "name", name, "value", value == null ? "" : value, "placeholder", hint);
    body.close("label");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(value + " is not a date (2026-01-31 or 2026-01-31T08:00:00Z)");
    }
  }
}
