package dev.evident.server;

import static dev.evident.server.UiData.list;
import static dev.evident.server.UiData.map;
import static dev.evident.server.UiData.num;
import static dev.evident.server.UiData.of;
import static dev.evident.server.UiData.str;

import dev.evident.model.Scope;
import dev.evident.service.EvalService;
import dev.evident.service.InputException;
import dev.evident.service.ServerQueries;
import dev.evident.service.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two runs compared test by test (new failures, fixed, still failing, ...), and the models of an
 * evaluation project side by side ({@code evident compare --by model}).
 */
final class UiComparePages implements UiRoutes.UiPages {

  private static final Map<String, String> BUCKETS =
      Map.of(
          "newFailures", "New failures",
          "fixed", "Fixed",
          "stillFailing", "Still failing",
          "newTests", "New tests",
          "removed", "Removed tests",
          "newlySkipped", "Newly skipped",
          "noLongerSkipped", "No longer skipped",
          "flaky", "Flaky in the head run",
          "slower", "Slower",
          "faster", "Faster");

  private final ServerQueries queries;
  private final Workspace workspace;

  UiComparePages(ServerQueries queries, Workspace workspace) {
    this.queries = queries;
    this.workspace = workspace;
  }

  @Override
  public void register(UiRoutes ui, Api api) {
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/compare", Scope.READ, this::compare);
    ui.page(api, HandlerType.GET, "/ui/projects/{project}/models", Scope.READ, this::models);
  }

  private void compare(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    String base = blank(ctx.queryParam("base"));
    String head = blank(ctx.queryParam("head"));
    Html body = new Html();
    body.open("form", "method", "get", "class", "filters");
    body.open("label").text("Base ");
    body.open(
        "input",
        "name",
        "base",
        "value",
        base == null ? "" : base,
        "placeholder",
        "the run before the head");
    body.close("label").open("label").text(" Head ");
    body.open("input", "name", "head", "value", head == null ? "" : head, "placeholder", "latest");
    body.close("label").raw(" <button type=\"submit\">Compare</button></form>");
    Map<String, Object> c;
    try {
      String headRef = head == null ? "latest" : head;
      String baseRef = base != null ? base : before(project, headRef);
      c = queries.compare(project, baseRef, headRef);
    } catch (InputException e) {
      body.el("p", "Nothing to compare: " + e.getMessage(), "class", "error");
      UiLayout.send(ctx, 200, "Compare runs of " + project, caller, project, body);
      return;
    }
    Map<String, Object> b = map(c, "base");
    Map<String, Object> h = map(c, "head");
    String root = UiRunsPages.base(project) + "/runs/";
    body.open("p").text("Base ").link(root + num(b, "run"), "run " + num(b, "run"));
    body.text(" (" + str(b, "status") + ") → head ");
    body.link(root + num(h, "run"), "run " + num(h, "run"));
    body.text(" (" + str(h, "status") + ")").close("p");
    Map<String, Object> bc = map(map(c, "counts"), "base");
    Map<String, Object> hc = map(map(c, "counts"), "head");
    body.raw("<table class=\"compare\">");
    body.head("", "Base", "Head");
    body.raw("<tbody>");
    body.row("Collected", num(bc, "collected"), num(hc, "collected"));
    body.row(
        "Executed",
        of(num(bc, "executed"), num(bc, "collected"), "collected"),
        of(num(hc, "executed"), num(hc, "collected"), "collected"));
    body.row("Passed (and flaky) of executed", UiData.passRate(bc), UiData.passRate(hc));
    body.row("Failed", num(bc, "failed"), num(hc, "failed"));
    body.row("Errored", num(bc, "errored"), num(hc, "errored"));
    body.row("Skipped", num(bc, "skipped"), num(hc, "skipped"));
    body.raw("</tbody></table>");
    Map<String, Object> summary = map(c, "summary");
    Map<String, Object> buckets = map(c, "buckets");
    for (String key : summary.keySet()) {
      long n = num(summary, key);
      String title = BUCKETS.getOrDefault(key, key);
      body.el("h2", title + " (" + n + ")");
      if (n == 0) {
        continue;
      }
      body.raw("<table class=\"bucket\">");
      body.head("Test", "Base", "Head");
      body.raw("<tbody>");
      int shown = 0;
      for (Object t : list(buckets, key)) {
        if (shown++ == UiRunPage.SHOWN) {
          break;
        }
        body.row(UiRunPage.testName(t), outcome(t, "base"), outcome(t, "head"));
      }
      body.raw("</tbody></table>");
      if (n > UiRunPage.SHOWN) {
        body.el("p", "Showing " + UiRunPage.SHOWN + " of " + n + ".", "class", "rest");
      }
    }
    UiLayout.send(ctx, 200, "Compare runs of " + project, caller, project, body);
  }

  /** The project's run stored before the head run. */
  private String before(String project, String head) {
    long id = queries.run(project, head).id();
    var filter = new ServerQueries.RunFilter(null, Map.of(), null, null, null);
    List<Object> older = queries.runs(project, filter, id, 1).items();
    if (older.isEmpty()) {
      throw new InputException("run " + id + " is the first run of " + project);
    }
    return String.valueOf(num(older.get(0), "run"));
  }

  private static String outcome(Object test, String side) {
    String o = str(test, side);
    Object micros = ((Map<?, ?>) test).get(side + "Micros");
    String time = micros instanceof Number m ? ", " + UiData.micros(m.longValue()) : "";
    return (o.isEmpty() ? "absent" : o) + time;
  }

  private void models(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    String since = blank(ctx.queryParam("since"));
    EvalService.Output out =
        workspace
            .evals()
            .models(project, since == null ? null : EvalService.since(since), null, Path.of(""));
    Map<String, Object> json = out.json();
    Html body = new Html();
    body.open("form", "method", "get", "class", "filters").open("label").text("Since ");
    body.open(
        "input", "name", "since", "value", since == null ? "" : since, "placeholder", "2026-01-31");
    body.close("label").raw(" <button type=\"submit\">Show</button></form>");
    Map<String, Object> byModel = map(json, "byModel");
    if (byModel.isEmpty()) {
      body.el(
          "p",
          "No run of "
              + project
              + " has samples with a model: see \"Evaluation runs\""
              + " in the README for the attributes Evident reads.");
      UiLayout.send(ctx, 200, "Models of " + project, caller, project, body);
      return;
    }
    body.el(
        "p",
        "Each model's newest run; cost is as the data gives it, else computed from"
            + " tokens with the price table.");
    Map<String, Object> runByModel = map(json, "runByModel");
    body.raw("<table class=\"models\">");
    body.head(
        "Model",
        "Run",
        "Passed of executed",
        "Skipped",
        "Time",
        "Tokens in",
        "Cached",
        "Out",
        "Cost (USD)");
    body.raw("<tbody>");
    String root = UiRunsPages.base(project) + "/runs/";
    for (Map.Entry<String, Object> e : byModel.entrySet()) {
      Object m = e.getValue();
      Map<String, Object> tokens = map(m, "tokens");
      body.raw("<tr>").el("td", e.getKey()).open("td");
      long run = num(runByModel, e.getKey());
      body.link(root + run, "run " + run).close("td");
      body.el("td", of(num(m, "passed"), num(m, "executed"), "executed"), "class", "num");
      body.el("td", num(m, "skipped") + " of " + num(m, "samples"), "class", "num");
      body.el("td", UiData.micros(num(m, "durationMicros")), "class", "num");
      boolean known = num(tokens, "samplesWithTokens") > 0;
      for (String k : List.of("input", "cached", "output")) {
        body.el(
            "td",
            known ? String.format(Locale.ROOT, "%,d", num(tokens, k)) : "unknown",
            "class",
            "num");
      }
      Double usd = UiData.dbl(map(m, "cost"), "usd");
      body.el(
          "td",
          usd == null
              ? "unknown"
              : String.format(Locale.ROOT, "%.4f", usd) + " (" + str(map(m, "cost"), "from") + ")",
          "class",
          "num");
      body.raw("</tr>");
    }
    body.raw("</tbody></table>");
    packages(
        body,
        byModel.keySet().stream().toList(),
        map(json, "byModelAndPackage"),
        map(json, "byPackage").keySet().stream().sorted().toList());
    UiLayout.send(ctx, 200, "Models of " + project, caller, project, body);
  }

  private static void packages(
      Html body, List<String> models, Map<String, Object> cells, List<String> packages) {
    body.el("h2", "Per package, passed of executed");
    body.raw("<table class=\"packages\"><thead><tr><th>Package</th>");
    for (String m : models) {
      body.el("th", m);
    }
    body.raw("</tr></thead><tbody>");
    for (String p : packages) {
      body.raw("<tr>").el("td", p);
      for (String m : models) {
        Map<String, Object> cell = map(map(cells, m), p);
        body.el(
            "td",
            cell.isEmpty()
                ? "no samples"
                : of(num(cell, "passed"), num(cell, "executed"), "executed"),
            "class",
            "num");
      }
      body.raw("</tr>");
    }
    body.raw("</tbody></table>");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
