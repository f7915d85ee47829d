package dev.evident.server;

import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per request to the log (stderr): time, method, route template, status, milliseconds,
 * path; and the same request counted in the metrics by route template (never the raw path, whose
 * values would make a series per run id).
 */
final class RequestLog {

  private final PrintStream out;
  private final ServerMetrics metrics;

  RequestLog(PrintStream out, ServerMetrics metrics) {
    this.out = out;
    this.metrics = metrics;
  }

  void request(Context ctx, Float ms) {
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      route = null;
    }
    if (route == null || route.isEmpty() || route.equals("*")) {
      route = "unmatched";
    }
    request(ctx.method().name(), route, ctx.statusCode(), ms, ctx.path());
  }

  /** A request Javalin did not route (the MCP endpoint's servlet). */
  void request(String method, String route, int status, double ms, String path) {
    metrics.request(method, route, status, ms / 1000.0);
    String line =
        String.format(
            Locale.ROOT,
            "%s http method=%s route=%s status=%d ms=%.1f path=%s",
            Instant.now(),
            method,
            route,
            status,
            ms,
            path);
    out.println(line);
  }

  void event(String message) {
    out.println(Instant.now() + " server " + message);
  }
}
