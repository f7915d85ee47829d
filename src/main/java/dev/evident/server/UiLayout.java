package dev.evident.server;

import io.javalin.http.Context;

/**
 * The frame of every web UI page: head, navigation (the project's pages when there is one), the
 * caller and a logout button when signed in with a token, and the security headers: a content
 * security policy that allows only this server's own script and style, so that markup smuggled into
 * test names could not run even if escaping failed.
 */
final class UiLayout {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private UiLayout() {}

  /** Sends a whole page with {@code body} inside its frame. */
  static void send(
      Context ctx, int status, String title, Caller caller, String project, Html body) {
    Html page = new Html();
    page.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    page.el("title", title + " · Evident");
    page.raw("<link rel=\"stylesheet\" href=\"/ui/static/ui.css\">");
    page.raw("<script src=\"/ui/static/ui.js\" defer></script></head><body>");
    nav(page, caller, project);
    page.raw("<main>").el("h1", title).raw(body.toString()).raw("</main>");
    page.raw("<footer>Every count is of stored results; rates say of what.</footer>");
    page.raw("</body></html>\n");
    headers(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(page.toString());
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  private static void nav(Html page, Caller caller, String project) {
    page.raw("<header><nav>");
    page.open("a", "href", "/ui/", "class", "brand").text("Evident").close("a");
    page.link("/ui/", "Projects");
    page.link("/ui/tasks", "Tasks");
    if (project != null) {
      String base = "/ui/projects/" + Html.enc(project);
      page.open("span", "class", "project").text(project).close("span");
      page.link(base + "/runs", "Runs");
      page.link(base + "/compare", "Compare");
      page.link(base + "/flaky", "Flaky");
      page.link(base + "/progress", "Progress");
      page.link(base + "/trend", "Trend");
      page.link(base + "/models", "Models");
    }
    page.raw("</nav>");
    if (caller != null && !caller.singleUser()) {
      page.open("form", "method", "post", "action", "/ui/logout", "class", "who");
      page.text("token " + caller.token().id() + " · project " + caller.project() + " ");
      page.raw("<button type=\"submit\">Log out</button></form>");
    }
    page.raw("</header>");
  }

  /** A short page saying what went wrong. */
  static void error(Context ctx, int status, String message, Caller caller) {
    Html body = new Html();
    body.el("p", message, "class", "error");
    body.raw("<p><a href=\"/ui/\">Projects</a></p>");
    send(ctx, status, status == 404 ? "Not found" : "Error " + status, caller, null, body);
  }
}
