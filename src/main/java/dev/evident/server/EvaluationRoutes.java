package dev.evident.server;

import static dev.evident.server.QueryRoutes.PROJECT;

import dev.evident.model.Scope;
import dev.evident.service.EvalService;
import dev.evident.service.InputException;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * The evaluation views of a project (models, tokens, cost), as {@code evident cost|analyze|compare
 * --by model --json} print them.
 */
final class EvaluationRoutes implements RouteGroup {

  private final ServerQueries queries;

  EvaluationRoutes(ServerQueries queries) {
    this.queries = queries;
  }

  @Override
  public void register(Api api) {
    api.get(PROJECT + "/cost", Scope.READ, this::cost);
    api.get(PROJECT + "/runs/{run}/analysis", Scope.READ, this::analysis);
    api.get(PROJECT + "/compare/models", Scope.READ, this::models);
  }

  private void cost(Context ctx, Caller caller) {
    String run = ctx.queryParam("run");
    Instant since = since(ctx);
    if (run != null && since != null) {
      throw HttpProblem.badRequest("give run or since, not both: since picks the project's runs");
    }
    JsonBody.send(ctx, queries.cost(ctx.pathParam("project"), run, since));
  }

  private void analysis(Context ctx, Caller caller) {
    JsonBody.send(ctx, queries.analyze(ctx.pathParam("project"), ctx.pathParam("run")));
  }

  private void models(Context ctx, Caller caller) {
    JsonBody.send(ctx, queries.models(ctx.pathParam("project"), since(ctx)));
  }

  private static Instant since(Context ctx) {
    String since = ctx.queryParam("since");
    try {
      return EvalService.since(since == null || since.isBlank() ? null : since.strip());
    } catch (InputException e) {
      throw HttpProblem.badRequest(
          "since=" + since + " is not a date; give YYYY-MM-DD (UTC) or 2026-11-21T10:00:00Z");
    }
  }
}
