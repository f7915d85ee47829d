package dev.evident.server;

import static dev.evident.server.UiData.list;
import static dev.evident.server.UiData.map;
import static dev.evident.server.UiData.num;
import static dev.evident.server.UiData.of;
import static dev.evident.server.UiData.str;

import dev.evident.model.Run;
import dev.evident.model.Scope;
import dev.evident.service.ConfigException;
import dev.evident.service.ServerQueries;
import dev.evident.service.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a project's history says: flaky tests, progress toward the targets, and the trend. */
final class UiHistoryPages implements UiRoutes.UiPages {

  private final ServerQueries queries;
  private final Workspace workspace;

  UiHistoryPages(ServerQueries queries, Workspace workspace) {
    this.queries = queries;
    this.workspace = workspace;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/flaky", Scope.READ, this::flaky);
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/progress", Scope.READ, this::progress);
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/trend", Scope.READ, this::trend);
  }

  private void flaky(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    Map<String, Object> f = queries.flaky(project, null, false);
    Map<String, Object> window = map(f, "window");
    Map<String, Object> counts = map(f, "counts");
    Map<String, Object> settings = map(f, "settings");
    Html body = new Html();
    body.el(
        "p",
        "Window: the last "
            + num(window, "runs")
            + " runs (runs "
            + str(window, "first")
            + "-"
            + str(window, "last")
            + "); a verdict needs "
            + num(settings, "minRuns")
            + " runs of a test.");
    long tests = num(counts, "tests");
    body.raw("<table class=\"counts\"><tbody>");
    body.row("Tests with a verdict", of(num(counts, "withVerdict"), tests, "tests"));
    body.row("Flaky", of(num(counts, "flaky"), tests, "tests"));
    body.row("Recovered", of(num(counts, "recovered"), tests, "tests"));
    body.row("Too few runs for a verdict", of(num(counts, "tooFewRuns"), tests, "tests"));
    body.raw("</tbody></table>");
    tests(body, "Flaky tests", list(f, "flaky"));
    tests(body, "Recovered (no longer flaky)", list(f, "recovered"));
    List<Object> outages = list(f, "outages");
    if (!outages.isEmpty()) {
      body.el("h2", "Outages (runs where many tests failed together; not counted as flakiness)");
      body.raw("<ul>");
      for (Object o : outages) {
        body.el(
            "li",
            "run "
                + num(o, "run")
                + ": "
                + num(o, "failed")
                + " of "
                + num(o, "executed")
                + " executed failed"
                + (str(o, "cause").isEmpty() ? "" : " (" + str(o, "cause") + ")"));
      }
      body.raw("</ul>");
    }
    UiLayout.send(ctx, 200, "Flaky tests of " + project, caller, project, body);
  }

  private static void tests(Html body, String title, List<Object> tests) {
    body.el("h2", title + " (" + tests.size() + ")");
    if (tests.isEmpty()) {
      return;
    }
    body.raw("<table class=\"flaky\">");
    body.head("Test", "Score", "Runs", "Flips", "Reruns", "Why");
    body.raw("<tbody>");
    for (Object t : tests) {
      Object reasons = ((Map<?, ?>) t).get("reasons");
      body.row(
          str(t, "test"),
          String.format(Locale.ROOT, "%.3f", UiData.dbl(t, "score")),
          num(t, "runs"),
          num(t, "flips"),
          num(t, "reruns"),
          reasons instanceof List<?> l
              ? String.join("\n", l.stream().map(String::valueOf).toList())
              : "");
    }
    body.raw("</tbody></table>");
  }

  private void progress(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    String run = ctx.queryParam("run");
    Html body = new Html();
    Map<String, Object> p;
    try {
      p = queries.progress(project, run == null || run.isBlank() ? "latest" : run, 10);
    } catch (ConfigException e) {
      body.el("p", e.getMessage(), "class", "error");
      UiLayout.send(ctx, 200, "Progress of " + project, caller, project, body);
      return;
    }
    body.el(
        "p",
        num(p, "met")
            + " of "
            + num(p, "withTarget")
            + " categories with a target met"
            + " in run "
            + num(p, "run")
            + " (categories from "
            + str(p, "config")
            + ").");
    body.raw("<table class=\"progress\">");
    body.head("Category", "Target", "Checks", "Passed of executed", "Executed of collected", "Met");
    body.raw("<tbody>");
    for (Object c : list(p, "categories")) {
      Map<String, Object> counts = map(c, "counts");
      StringBuilder checks = new StringBuilder();
      for (Object k : list(c, "checks")) {
        checks
            .append(str(k, "kind"))
            .append(": ")
            .append(num(k, "actual"))
            .append(" of ")
            .append(num(k, "of"))
            .append(Boolean.TRUE.equals(((Map<?, ?>) k).get("met")) ? " (met)\n" : " (not met)\n");
      }
      Object met = ((Map<?, ?>) c).get("met");
      body.open("tr", "data-k", Boolean.TRUE.equals(met) ? "met" : "failed");
      body.el("td", str(c, "name")).el("td", target(map(c, "target")));
      body.el("td", checks.toString().strip()).el("td", UiData.passRate(counts), "class", "num");
      body.el(
          "td", of(num(counts, "executed"), num(counts, "collected"), "collected"), "class", "num");
      body.el("td", met == null ? "no target" : Boolean.TRUE.equals(met) ? "yes" : "no");
      body.close("tr");
    }
    Map<String, Object> rest = map(p, "uncategorised");
    Map<String, Object> counts = map(rest, "counts");
    body.row(
        "(uncategorised)",
        "",
        "",
        UiData.passRate(counts),
        of(num(counts, "executed"), num(counts, "collected"), "collected"),
        "");
    body.raw("</tbody></table>");
    UiLayout.send(ctx, 200, "Progress of " + project, caller, project, body);
  }

  private static String target(Map<String, Object> t) {
    StringBuilder b = new StringBuilder();
    if (t.get("tests") != null) {
      b.append("at least ").append(num(t, "tests")).append(" tests\n");
    }
    if (t.get("passed") != null) {
      b.append("at least ").append(num(t, "passed")).append(" passed\n");
    }
    Double rate = UiData.dbl(t, "passRate");
    if (rate != null) {
      b.append(String.format(Locale.ROOT, "pass rate at least %.1f%%", rate * 100));
    }
    return b.toString().strip();
  }

  private void trend(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    int runs = Math.max(2, Math.min(500, Params.intParam(ctx, "runs", 30)));
    Run latest = queries.run(project, "latest");
    Html body = new Html();
    body.el(
        "p",
        "The last "
            + runs
            + " runs at most, up to run "
            + latest.id()
            + "; a run with no executed test has no pass rate and leaves a gap.");
    body.raw(workspace.reportPages().trendCharts(latest, runs));
    Map<String, Object> trend = queries.trend(project, null, runs, 10);
    body.raw("<table class=\"runs\">");
    body.head(
        "Run", "Status", "Passed of executed", "Executed of collected", "Stored", "Test time");
    body.raw("<tbody>");
    List<Object> points = list(trend, "runs");
    for (int i = points.size() - 1; i >= 0; i--) {
      Object r = points.get(i);
      body.raw("<tr>");
      UiRunsPages.runCells(body, project, r);
      body.el("td", UiData.micros(num(r, "testMicros")), "class", "num");
      body.raw("</tr>");
    }
    body.raw("</tbody></table>");
    UiLayout.send(ctx, 200, "Trend of " + project, caller, project, body);
  }
}
