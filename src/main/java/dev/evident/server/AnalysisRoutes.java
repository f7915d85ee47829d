package dev.evident.server;

import static dev.evident.server.QueryRoutes.PROJECT;

import dev.evident.model.Scope;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;

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
