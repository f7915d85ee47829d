package dev.evident.server;

import dev.evident.model.Scope;
import dev.evident.service.ConfigException;
import dev.evident.service.InputException;
import dev.evident.service.NotFoundException;
import dev.evident.service.ServerQueries;
import dev.evident.service.TaskService;
import dev.evident.service.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The web UI under {@code /ui/}: server-rendered pages over the same service calls as the JSON API.
 * Without tokens (loopback, single user) every page is open; otherwise a token entered on {@code
 * /ui/login} opens a cookie session, and the token's project and scopes apply to every page as they
 * do to the API. Forms post only from this server's own pages (Origin checked).
 */
final class UiRoutes implements RouteGroup {

  /** A page handler that knows its caller. */
  @FunctionalInterface
  interface Page {
    void render(Context ctx, Caller caller) throws Exception;
  }

  private final UiSessions sessions;
  private final List<UiPages> pages;

  /** Page families: each registers its pages with {@link #page}. */
  interface UiPages {
    void register(UiRoutes ui, Api api);
  }

  /** The page families of the UI. */
  static List<UiPages> pages(
      ServerQueries queries, Workspace workspace, TaskService tasks, EventRoutes events) {
    return List.of(
        new UiRunsPages(queries),
        new UiTaskPages(tasks, events),
        new UiTaskGroupPage(tasks, workspace.evals()),
        new UiRunPage(queries),
        new UiComparePages(queries, workspace),
        new UiHistoryPages(queries, workspace));
  }

  UiRoutes(Auth auth, List<UiPages> pages) {
    this.sessions = new UiSessions(auth);
    this.pages = List.copyOf(pages);
  }

  @Override
  public void register(Api api) {
    api.page(HandlerType.GET, "/", ctx -> ctx.redirect("/ui/"));
    api.page(HandlerType.GET, "/ui/static/ui.css", ctx -> asset(ctx, "ui.css", "text/css"));
    api.page(HandlerType.GET, "/ui/static/ui.js", ctx -> asset(ctx, "ui.js", "text/javascript"));
    api.page(HandlerType.GET, "/ui/login", this::loginForm);
    api.page(HandlerType.POST, "/ui/login", this::login);
    api.page(HandlerType.POST, "/ui/logout", this::logout);
    for (UiPages family : pages) {
      family.register(this, api);
    }
  }

  /** Registers a page that needs {@code scope}, and the token's project when its path has one. */
  void page(Api api, HandlerType method, String path, Scope scope, Page page) {
    api.page(method, path, ctx -> guarded(ctx, scope, page));
  }

  private void guarded(Context ctx, Scope scope, Page page) throws Exception {
    Optional<Caller> found = sessions.caller(ctx);
    if (found.isEmpty()) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/ui/login?next=" + Html.enc(ctx.path()));
      } else {
        UiLayout.error(ctx, 401, "sign in first: your session ended", null);
      }
      return;
    }
    Caller caller = found.get();
    try {
      if (ctx.method() == HandlerType.POST && !sameOrigin(ctx)) {
        throw new HttpProblem(403, "this form may only be sent from this server's own pages");
      }
      String project = ctx.pathParamMap().get("project");
      if (project != null && !caller.sees(project)) {
        throw new HttpProblem(
            403, "your token is for project " + caller.project() + ", not " + project);
      }
      if (!caller.may(scope)) {
        throw new HttpProblem(403, "your token lacks the " + scope.id() + " scope");
      }
      page.render(ctx, caller);
    } catch (HttpProblem e) {
      UiLayout.error(ctx, e.status(), e.getMessage(), caller);
    } catch (NotFoundException e) {
      UiLayout.error(ctx, 404, e.getMessage(), caller);
    } catch (ConfigException e) {
      UiLayout.error(ctx, 422, e.getMessage(), caller);
    } catch (InputException e) {
      UiLayout.error(ctx, 400, e.getMessage(), caller);
    }
  }

  /**
   * A form post comes from this server's pages: its Origin (sent by browsers on every POST) names
   * this host. A post without Origin is not from a browser page of another site.
   */
  static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return !"cross-site".equals(ctx.header("Sec-Fetch-Site"));
    }
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private void loginForm(Context ctx) {
    if (!sessions.required()) {
      ctx.redirect("/ui/");
      return;
    }
    form(ctx, 200, null);
  }

  private void form(Context ctx, int status, String problem) {
    Html body = new Html();
    body.el(
        "p",
        "This server requires a token. Enter one (evident token create --project P"
            + " --scope read); its project and scopes apply to every page.");
    if (problem != null) {
      body.el("p", problem, "class", "error");
    }
    body.open("form", "method", "post", "action", "/ui/login", "class", "login");
    body.open("input", "type", "hidden", "name", "next", "value", next(ctx.queryParam("next")));
    body.raw("<label>Token <input type=\"password\" name=\"token\" autocomplete=\"off\"");
    body.raw(" required autofocus></label> <button type=\"submit\">Sign in</button></form>");
    UiLayout.send(ctx, status, "Sign in", null, null, body);
  }

  private void login(Context ctx) {
    if (!sameOrigin(ctx)) {
      UiLayout.error(ctx, 403, "this form may only be sent from this server's own pages", null);
      return;
    }
    if (!sessions.required()) {
      ctx.redirect("/ui/");
      return;
    }
    if (sessions.login(ctx, ctx.formParam("token")).isEmpty()) {
      form(ctx, 401, "unknown or revoked token");
      return;
    }
    ctx.redirect(next(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    if (!sameOrigin(ctx)) {
      UiLayout.error(ctx, 403, "this form may only be sent from this server's own pages", null);
      return;
    }
    sessions.logout(ctx);
    ctx.redirect(sessions.required() ? "/ui/login" : "/ui/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Where to go after signing in: a path of the UI, never another site. */
  private static String next(String next) {
    if (next == null || !next.startsWith("/ui/") || next.startsWith("//") || next.contains("\\")) {
      return "/ui/";
    }
    return next;
  }

  private static void asset(Context ctx, String name, String type) {
    try (InputStream in = UiRoutes.class.getResourceAsStream("ui/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/evident/server/ui/" + name);
      }
      ctx.header("Cache-Control", "max-age=300");
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
