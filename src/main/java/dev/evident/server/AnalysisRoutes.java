package dev.evident.server;

import static dev.evident.server.QueryRoutes.PROJECT;

import dev.evident.model.Scope;
import dev.evident.service.ReportService;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import java.util.List;

/**
 * The analyses of a project, as {@code evident diagnose|compare|flaky|suspicious|progress|trend
 * --json} print them.
 */
final class AnalysisRoutes implements RouteGroup {

  private final ServerQueries queries;

  AnalysisRoutes(ServerQueries queries) {
    this.queries = queries;
  }

  @Override
  public void register(Api api) {
    api.get(PROJECT + "/runs/{run}/diagnosis", Scope.READ, this::diagnosis);
    api.get(PROJECT + "/runs/{run}/suspicious", Scope.READ, this::suspicious);
    api.get(PROJECT + "/runs/{run}/progress", Scope.READ, this::progress);
    api.get(PROJECT + "/compare", Scope.READ, this::compare);
    api.get(PROJECT + "/flaky", Scope.READ, this::flaky);
    api.get(PROJECT + "/trend", Scope.READ, this::trend);
    api.get(PROJECT + "/runs/{run}/report", Scope.READ, this::report);
  }

  private void report(Context ctx, Caller caller) {
    String format = ctx.queryParam("format") == null ? "md" : ctx.queryParam("format");
    if (!List.of("md", "json", "html").contains(format)) {
      throw HttpProblem.badRequest("format must be md, json or html, not " + format);
    }
    int maxBytes = Params.intParam(ctx, "maxBytes", ReportService.DEFAULT_MAX_BYTES);
    Object body =
        queries.report(
            ctx.pathParam("project"),
            ctx.pathParam("run"),
            ctx.queryParam("baseline"),
            format,
            maxBytes);
    if (body instanceof String text) {
      ctx.contentType(
              format.equals("md") ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8")
          .result(text);
    } else {
      JsonBody.send(ctx, body);
    }
  }

  private void diagnosis(Context ctx, Caller caller) {
    int tests = Params.intParam(ctx, "tests", 20);
    JsonBody.send(ctx, queries.diagnosis(ctx.pathParam("project"), ctx.pathParam("run"), tests));
  }

  private void suspicious(Context ctx, Caller caller) {
    JsonBody.send(
        ctx, queries.suspicious(ctx.pathParam("project"), ctx.pathParam("run"), runs(ctx, 10)));
  }

  private void progress(Context ctx, Caller caller) {
    JsonBody.send(
        ctx, queries.progress(ctx.pathParam("project"), ctx.pathParam("run"), runs(ctx, 10)));
  }

  private void compare(Context ctx, Caller caller) {
    JsonBody.send(
        ctx,
        queries.compare(ctx.pathParam("project"), ctx.queryParam("base"), ctx.queryParam("head")));
  }

  private void flaky(Context ctx, Caller caller) {
    Long window = Params.longParam(ctx, "window");
    if (window != null && window < 2) {
      throw HttpProblem.badRequest("window must be 2 runs or more, not " + window);
    }
    JsonBody.send(
        ctx,
        queries.flaky(
            ctx.pathParam("project"),
            window == null ? null : window.intValue(),
            "true".equalsIgnoreCase(ctx.queryParam("all"))));
  }

  private void trend(Context ctx, Caller caller) {
    JsonBody.send(
        ctx,
        queries.trend(
            ctx.pathParam("project"),
            ctx.queryParam("test"),
            runs(ctx, 30),
            Params.intParam(ctx, "slowest", 10)));
  }

  private static int runs(Context ctx, int fallback) {
    int runs = Params.intParam(ctx, "runs", fallback);
    if (runs < 1) {
      throw HttpProblem.badRequest("runs must be at least 1, not " + runs);
    }
    return runs;
  }
}
