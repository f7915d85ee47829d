package dev.evident.server;

import dev.evident.model.Scope;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where route groups register their routes: each route with the scope it needs, checked before its
 * handler runs (and the {@code {project}} of its path against the token's project). Keeps the list
 * of routes, which the OpenAPI document must cover.
 */
final class Api {

  /** A registered route; {@code scope} null for the few open ones (health, readiness, docs). */
  record Route(String method, String path, Scope scope) {}

  /** A handler that knows its caller. */
  @FunctionalInterface
  interface Handler {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  private final Javalin app;
  private final Auth auth;
  private final List<Route> routes = new ArrayList<>();

  Api(Javalin app, Auth auth) {
    this.app = app;
    this.auth = auth;
  }

  void get(String path, Scope scope, Handler handler) {
    add(HandlerType.GET, path, scope, handler);
  }

  void post(String path, Scope scope, Handler handler) {
    add(HandlerType.POST, path, scope, handler);
  }

  /** A route anyone may call, token or not. */
  void open(HandlerType method, String path, io.javalin.http.Handler handler) {
    routes.add(new Route(method.name(), path, null));
    app.addHttpHandler(method, path, handler);
  }

  /**
   * A web UI page or asset: HTML for browsers, not part of the JSON API (nor of its OpenAPI
   * document); the UI checks its caller itself (a cookie session).
   */
  void page(HandlerType method, String path, io.javalin.http.Handler handler) {
    app.addHttpHandler(method, path, handler);
  }

  /**
   * A route that needs a token (when the server requires tokens) with {@code scope}; when its path
   * has {@code {project}}, the token must be of that project.
   */
  void add(HandlerType method, String path, Scope scope, Handler handler) {
    routes.add(new Route(method.name(), path, scope));
    boolean scoped = path.contains("{project}");
    app.addHttpHandler(
        method,
        path,
        ctx -> {
          Caller caller = auth.check(ctx, scope, scoped ? ctx.pathParam("project") : null);
          handler.handle(ctx, caller);
        });
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  Auth auth() {
    return auth;
  }
}
