package dev.evident.server;

import dev.evident.model.EvidentException;
import dev.evident.model.ProjectConfig;
import dev.evident.service.ConfigException;
import dev.evident.service.InputException;
import dev.evident.service.NotFoundException;
import dev.evident.service.ServerQueries;
import dev.evident.service.TaskService;
import dev.evident.service.TokenService;
import dev.evident.service.Workspace;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * {@code evident serve}: the JSON API, metrics and health over one store. Starts on construction
 * and stops gracefully on {@link #close}: it stops accepting connections, lets requests in flight
 * (uploads) finish for up to the drain timeout, then returns. Route families are {@link
 * RouteGroup}s; add one to {@link #groups} to extend the server.
 */
public final class EvidentServer implements AutoCloseable {

  /**
   * Jetty and Javalin log through SLF4J to java.util.logging, whose handler writes to stderr:
   * warnings and errors only, the request log says the rest. Kept as a field: java.util.logging
   * holds its loggers weakly, and would forget the levels.
   */
  private static final List<Logger> LIBRARY_LOGS =
      quiet("org.eclipse.jetty", "io.javalin", "io.modelcontextprotocol");

  private static List<Logger> quiet(String... names) {
    List<Logger> loggers = new java.util.ArrayList<>();
    for (String name : names) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      loggers.add(logger);
    }
    return List.copyOf(loggers);
  }

  private final Javalin app;
  private final Api api;
  private final Auth auth;
  private final RequestLog log;
  private final ServerSettings settings;
  private final TaskService tasks;
  private final EventRoutes events;
  private final McpEndpoint mcp;

  private EvidentServer(
      Javalin app,
      Api api,
      Auth auth,
      RequestLog log,
      ServerSettings settings,
      TaskService tasks,
      EventRoutes events,
      McpEndpoint mcp) {
    this.app = app;
    this.events = events;
    this.api = api;
    this.auth = auth;
    this.log = log;
    this.settings = settings;
    this.tasks = tasks;
    this.mcp = mcp;
  }

  /** As the full {@code start}, with task workers at their defaults. */
  public static EvidentServer start(
      ServerSettings settings,
      Workspace workspace,
      ProjectConfig config,
      String configName,
      PrintStream logs) {
    return start(settings, workspace, config, configName, logs, TaskService.Settings.DEFAULT);
  }

  /**
   * Starts a server. Refuses (an {@link EvidentException}) to bind a non-loopback address unless
   * tokens are required or at least one valid token exists.
   *
   * @param config the server's evident.yaml (flaky settings, progress categories), or EMPTY
   * @param logs where one line per request, and start and stop, are written (stderr)
   * @param taskSettings how the task workers run the config's suites
   */
  public static EvidentServer start(
      ServerSettings settings,
      Workspace workspace,
      ProjectConfig config,
      String configName,
      PrintStream logs,
      TaskService.Settings taskSettings) {
    TokenService tokens = workspace.tokens();
    if (!settings.loopback() && !settings.requireTokens() && !tokens.enabled()) {
      throw new ServerRefusedException(
          "refusing to serve on "
              + settings.host()
              + " without tokens: anyone who can reach it could read and write every project."
              + " Create a token first (evident token create --project P --scope ingest), or"
              + " start with --require-token, or bind 127.0.0.1");
    }
    Path multipartDir = settings.uploadDir().resolve("multipart");
    try {
      Files.createDirectories(multipartDir);
    } catch (java.io.IOException e) {
      throw new ServerRefusedException(
          "cannot create upload directory " + multipartDir + ": " + e.getMessage());
    }
    ServerMetrics metrics = new ServerMetrics();
    ServerQueries queries = workspace.serverQueries(config, configName);
    for (String project : queries.projects()) {
      queries.latest(project).ifPresent(metrics::latest);
    }
    Auth auth =
        new Auth(tokens, settings.loopback(), settings.requireTokens(), settings.tokenCacheTtl());
    RequestLog log = new RequestLog(logs, metrics);
    TaskService tasks = workspace.tasks(config.suites(), taskSettings);
    McpEndpoint mcp = new McpEndpoint(workspace, tasks, settings, auth, log);
    long maxBytes = settings.limits().maxBytes();
    Javalin app;
    try {
      app = javalin(settings, multipartDir, maxBytes, mcp, log);
    } catch (RuntimeException e) {
      tasks.close();
      throw e;
    }
    Api api = new Api(app, auth);
    Uploads uploads = new Uploads(settings.limits(), settings.uploadDir());
    EventRoutes events = null;
    EvidentServer server;
    try {
      events = new EventRoutes(tasks, workspace.runs());
      tasks.subscribeAll(
          t -> {
            if (t.state().terminal()) {
              metrics.taskEnded(t);
            }
          });
      for (RouteGroup group : groups(queries, uploads, metrics, tasks)) {
        group.register(api);
      }
      new TaskGroupRoutes(tasks, workspace.evals()).register(api);
      events.register(api);
      new UiRoutes(auth, UiRoutes.pages(queries, workspace, tasks, events)).register(api);
      // A2A (issue 9): its runs are tasks of this queue.
      new A2aRoutes(new A2aTasks(tasks, workspace)).register(api);
      errors(app, logs);
      app.start(settings.host(), settings.port());
      server = new EvidentServer(app, api, auth, log, settings, tasks, events, mcp);
    } catch (RuntimeException e) {
      mcp.close();
      mcp.stopRuns();
      if (events != null) {
        events.close();
      }
      tasks.close();
      throw e;
    }
    log.event(
        "started url="
            + server.url()
            + " auth="
            + (auth.required() ? "tokens" : "none(single-user,loopback)"));
    return server;
  }

  private static Javalin javalin(
      ServerSettings settings, Path multipartDir, long maxBytes, McpEndpoint mcp, RequestLog log) {
    return Javalin.create(
        c -> {
          c.showJavalinBanner = false;
          c.startupWatcherEnabled = false;
          c.http.maxRequestSize = 1 << 20;
          c.jetty.multipartConfig.cacheDirectory(multipartDir.toString());
          c.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
          c.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
          c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
          c.jetty.modifyServer(
              server -> {
                server.setStopTimeout(settings.drainTimeout().toMillis());
                server.setHandler(new StatisticsHandler());
              });
          c.jetty.modifyServletContextHandler(mcp::mount);
          c.requestLogger.http(log::request);
        });
  }

  /** The route families this server has. */
  private static List<RouteGroup> groups(
      ServerQueries queries, Uploads uploads, ServerMetrics metrics, TaskService tasks) {
    return List.of(
        new HealthRoutes(queries, metrics, tasks),
        new QueryRoutes(queries),
        new AnalysisRoutes(queries),
        new EvaluationRoutes(queries),
        new IngestRoutes(queries, uploads, metrics),
        new TaskRoutes(tasks));
  }

  private static void errors(Javalin app, PrintStream logs) {
    app.exception(HttpProblem.class, (e, ctx) -> JsonBody.error(ctx, e.status(), e.getMessage()));
    app.exception(NotFoundException.class, (e, ctx) -> JsonBody.error(ctx, 404, e.getMessage()));
    app.exception(ConfigException.class, (e, ctx) -> JsonBody.error(ctx, 422, e.getMessage()));
    app.exception(InputException.class, (e, ctx) -> JsonBody.error(ctx, 400, e.getMessage()));
    app.exception(
        dev.evident.service.TaskNotCancelableException.class,
        (e, ctx) -> JsonBody.error(ctx, 409, e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          synchronized (logs) {
            logs.println("error " + ctx.method() + " " + ctx.path() + ": " + e);
            e.printStackTrace(logs);
          }
          JsonBody.error(
              ctx,
              500,
              "internal error: "
                  + (e instanceof EvidentException ? e.getMessage() : e.getClass().getSimpleName())
                  + " (see the server log)");
        });
    app.error(
        404,
        ctx -> {
          String type = ctx.res().getContentType();
          if (type == null
              || !(type.startsWith("application/json") || type.startsWith("text/html"))) {
            JsonBody.error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
          }
        });
  }

  public int port() {
    return app.port();
  }

  /** The server's base URL, {@code http://HOST:PORT}. */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port();
  }

  /** True when requests need a token now. */
  public boolean authRequired() {
    return auth.required();
  }

  /** Every route as {@code METHOD PATH}, for the OpenAPI check; the MCP endpoint's too. */
  public List<String> routes() {
    List<String> routes =
        new java.util.ArrayList<>(
            api.routes().stream().map(r -> r.method() + " " + r.path()).toList());
    for (String method : List.of("GET", "POST", "DELETE")) {
      routes.add(method + " " + McpEndpoint.PATH);
    }
    return routes;
  }

  /** The server's task queue (for A2A, MCP and the web UI to submit and follow tasks). */
  public TaskService tasks() {
    return tasks;
  }

  /**
   * Stops accepting connections, waits for requests in flight, then stops the task workers: running
   * tasks end INTERRUPTED with their partial runs stored, queued ones stay queued.
   */
  @Override
  public void close() {
    log.event("stopping: draining requests in flight (up to " + settings.drainTimeout() + ")");
    events.close(); // event streams never end by themselves: the drain would wait for them
    mcp.close();
    try {
      app.stop();
      mcp.stopRuns();
    } finally {
      log.event("stopping task workers: " + tasks.running() + " running task(s) interrupted");
      tasks.close();
    }
    log.event("stopped");
  }

  /** The server would be unsafe to start as asked. */
  public static final class ServerRefusedException extends EvidentException {
    public ServerRefusedException(String message) {
      super(message);
    }
  }
}
