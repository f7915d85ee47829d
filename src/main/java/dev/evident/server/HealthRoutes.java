package dev.evident.server;

import dev.evident.model.Scope;
import dev.evident.service.ServerQueries;
import dev.evident.service.TaskService;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations: {@code /health} (the process answers), {@code /ready} (the database answers and is
 * migrated, the task workers run), {@code /metrics} (Prometheus), and the OpenAPI document. Health,
 * readiness and the document need no token; metrics need one when the server requires tokens, and
 * then show the token's project only.
 */
final class HealthRoutes implements RouteGroup {

  static final String OPENAPI = "/api/v1/openapi.json";

  private final ServerQueries queries;
  private final ServerMetrics metrics;
  private final String openApi;
  private final TaskService tasks;

  HealthRoutes(ServerQueries queries, ServerMetrics metrics, TaskService tasks) {
    this.queries = queries;
    this.metrics = metrics;
    this.tasks = tasks;
    this.openApi = resource("openapi.json");
  }

  @Override
  public void register(Api api) {
    api.open(HandlerType.GET, "/health", ctx -> JsonBody.send(ctx, Map.of("status", "UP")));
    api.open(
        HandlerType.GET,
        "/ready",
        ctx -> {
          List<String> reasons = new java.util.ArrayList<>(queries.notReady());
          reasons.addAll(tasks.notReady());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
          body.put("reasons", reasons);
          JsonBody.send(ctx, reasons.isEmpty() ? 200 : 503, body);
        });
    api.open(HandlerType.GET, OPENAPI, ctx -> ctx.contentType("application/json").result(openApi));
    api.get(
        "/metrics",
        Scope.READ,
        (ctx, caller) -> {
          metrics.tasks(tasks.countsByProject(), tasks.running(), tasks.settings().workers());
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
              .result(metrics.scrape(caller.project()));
        });
  }

  static String resource(String name) {
    try (InputStream in = HealthRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
