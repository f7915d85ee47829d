package dev.evident.server;

import dev.evident.model.Outcome;
import dev.evident.model.RunStatus;
import dev.evident.model.Scope;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Projects, runs and a run's tests, JSON, paginated with a {@code next} link. */
final class QueryRoutes implements RouteGroup {

  static final String PROJECT = "/api/v1/projects/{project}";

  private final ServerQueries queries;

  QueryRoutes(ServerQueries queries) {
    this.queries = queries;
  }

  @Override
  public void register(Api api) {
    api.get("/api/v1/projects", Scope.READ, this::projects);
    api.get(PROJECT + "/runs", Scope.READ, this::runs);
    api.get(PROJECT + "/runs/{run}", Scope.READ, this::run);
    api.get(PROJECT + "/runs/{run}/tests", Scope.READ, this::tests);
  }

  private void projects(Context ctx, Caller caller) {
    List<String> names = caller.singleUser() ? queries.projects() : List.of(caller.project());
    JsonBody.send(ctx, Map.of("projects", names));
  }

  private void runs(Context ctx, Caller caller) {
    String project = ctx.pathParam("project");
    int limit = Params.limit(ctx, 50, 500);
    Long cursor = Params.longParam(ctx, "cursor");
    String status = ctx.queryParam("status");
    if (status != null) {
      try {
        status = RunStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest("unknown status " + status + " (PASSED, FAILED, BROKEN, ...)");
      }
    }
    var filter =
        new ServerQueries.RunFilter(
            ctx.queryParam("branch"),
            Params.pairs(ctx.queryParams("label"), "label"),
            status,
            instant(ctx, "since"),
            instant(ctx, "until"));
    ServerQueries.Page page = queries.runs(project, filter, cursor, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("runs", page.items());
    body.put("next", page.next() == null ? null : next(ctx, "cursor", page.next()));
    JsonBody.send(ctx, body);
  }

  private void run(Context ctx, Caller caller) {
    JsonBody.send(ctx, queries.summary(ctx.pathParam("project"), ctx.pathParam("run")));
  }

  private void tests(Context ctx, Caller caller) {
    int limit = Params.limit(ctx, 100, 1000);
    Long offset = Params.longParam(ctx, "offset");
    String outcome = ctx.queryParam("outcome");
    Outcome filter = null;
    if (outcome != null) {
      try {
        filter = Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest(
            "unknown outcome " + outcome + " (PASSED, FAILED, ERRORED, SKIPPED, FLAKY)");
      }
    }
    ServerQueries.Page page =
        queries.tests(
            ctx.pathParam("project"),
            ctx.pathParam("run"),
            filter,
            offset == null ? 0 : offset,
            limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("tests", page.items());
    body.put("next", page.next() == null ? null : next(ctx, "offset", page.next()));
    JsonBody.send(ctx, body);
  }

  private static Instant instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest(
          name + "=" + value + " is not a date (2026-01-31 or 2026-01-31T08:00:00Z)");
    }
  }

  /** This request's path and query with one parameter set to a new value. */
  static String next(Context ctx, String param, long value) {
    StringBuilder link = new StringBuilder(ctx.path()).append('?');
    for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
      if (q.getKey().equals(param)) {
        continue;
      }
      for (String v : q.getValue()) {
        link.append(enc(q.getKey())).append('=').append(enc(v)).append('&');
      }
    }
    return link.append(param).append('=').append(value).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
