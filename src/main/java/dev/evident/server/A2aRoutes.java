package dev.evident.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Scope;
import dev.evident.service.InputException;
import dev.evident.service.NotFoundException;
import dev.evident.service.Task;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The A2A agent: its card at {@code /.well-known/agent-card.json} (and {@code agent.json}) and
 * JSON-RPC 2.0 at {@code POST /a2a}, in protocol 0.3 or 1.0 as the {@code A2A-Version} header asks
 * (absent: 0.3). A run needs a token with the run scope, reading tasks and verifying a report the
 * read scope, whenever the server requires tokens; a token sees its project's tasks only.
 */
final class A2aRoutes implements RouteGroup {

  static final String PATH = "/a2a";
  static final List<String> CARD_PATHS =
      List.of("/.well-known/agent-card.json", "/.well-known/agent.json");

  private final A2aTasks tasks;
  private final A2aStream streams;
  private Auth auth;

  A2aRoutes(A2aTasks tasks) {
    this.tasks = tasks;
    this.streams = new A2aStream(tasks);
  }

  @Override
  public void register(Api api) {
    this.auth = api.auth();
    for (String path : CARD_PATHS) {
      api.open(HandlerType.GET, path, this::card);
    }
    api.add(HandlerType.POST, PATH, null, this::rpc);
  }

  private void card(Context ctx) {
    A2aVersion v;
    try {
      v = A2aVersion.of(ctx.header("A2A-Version"));
    } catch (A2aError e) {
      throw new HttpProblem(400, e.getMessage());
    }
    String endpoint = ctx.scheme() + "://" + ctx.host() + PATH;
    JsonBody.send(ctx, A2aCard.card(v, endpoint, "0.1.0", auth.required(), tasks.suites()));
  }

  private void rpc(Context ctx, Caller caller) throws IOException {
    Object id = null;
    try {
      JsonNode request = parse(ctx.body());
      id = id(request);
      A2aVersion v = A2aVersion.of(ctx.header("A2A-Version"));
      String method = request.path("method").asText(null);
      if (!"2.0".equals(request.path("jsonrpc").asText()) || method == null) {
        throw new A2aError(
            A2aError.INVALID_REQUEST,
            "not a JSON-RPC 2.0 request: it needs \"jsonrpc\": \"2.0\", a \"method\" and an \"id\"");
      }
      JsonNode params = request.path("params");
      switch (v.op(method)) {
        case SEND -> send(ctx, v, id, params, caller, false);
        case STREAM -> send(ctx, v, id, params, caller, true);
        case GET -> reply(ctx, id, A2aJson.task(v, tasks.get(taskId(params), readable(caller))));
        case LIST -> reply(ctx, id, list(v, params, readable(caller)));
        case CANCEL -> reply(ctx, id, A2aJson.task(v, tasks.cancel(taskId(params), caller)));
        case SUBSCRIBE -> subscribe(ctx, v, id, params, readable(caller));
        case PUSH_CONFIG ->
            throw new A2aError(
                A2aError.PUSH_NOTIFICATION_NOT_SUPPORTED,
                "push notifications are not supported (capabilities.pushNotifications is false):"
                    + " follow a task with "
                    + (v == A2aVersion.V0_3
                        ? "message/stream or tasks/resubscribe"
                        : "SendStreamingMessage or SubscribeToTask"));
        case EXTENDED_CARD ->
            throw new A2aError(
                v == A2aVersion.V0_3
                    ? A2aError.EXTENDED_CARD_NOT_CONFIGURED
                    : A2aError.UNSUPPORTED_OPERATION,
                "there is no extended agent card: the public card at "
                    + CARD_PATHS.get(0)
                    + " is all");
      }
    } catch (A2aError e) {
      fail(ctx, id, e);
    } catch (NotFoundException e) {
      fail(ctx, id, new A2aError(A2aError.TASK_NOT_FOUND, e.getMessage()));
    } catch (InputException e) {
      fail(ctx, id, A2aError.invalidParams(e.getMessage()));
    } catch (IOException e) {
      if (!ctx.res().isCommitted()) {
        throw e;
      }
      // The client closed its stream: the subscription is closed, the task goes on.
    }
  }

  private void send(
      Context ctx, A2aVersion v, Object id, JsonNode params, Caller caller, boolean stream)
      throws IOException {
    JsonNode message = params.get("message");
    A2aAsk ask = A2aAsk.of(message);
    String contextId = message.path("contextId").asText(null);
    String taskId = message.path("taskId").asText(null);
    if (taskId != null && !taskId.isBlank()) {
      throw new A2aError(
          A2aError.UNSUPPORTED_OPERATION,
          "task "
              + taskId
              + " takes no further messages: send a new message without taskId to"
              + " start another task");
    }
    if (ask instanceof A2aAsk.Verify verify) {
      if (!caller.may(Scope.READ)) {
        throw new HttpProblem(403, "verifying a report needs a token with the read scope");
      }
      A2aTask done = tasks.verify(verify, contextId, caller);
      if (stream) {
        A2aStream.Sse sse = A2aStream.sse(ctx, id);
        sse.event(A2aJson.taskEvent(v, done.working()));
        A2aStream.end(sse, v, done);
      } else {
        reply(ctx, id, A2aJson.sendResult(v, done));
      }
      return;
    }
    if (!caller.may(Scope.RUN)) {
      throw new HttpProblem(403, "running a suite needs a token with the run scope");
    }
    if (ask instanceof A2aAsk.RunModels models) {
      var group = tasks.groups().submit(models, contextId, caller);
      streams.group(ctx, v, id, group, stream, blocking(v, params.path("configuration")));
      return;
    }
    Task task = tasks.submit((A2aAsk.RunSuite) ask, contextId, caller);
    if (stream) {
      streams.follow(A2aStream.sse(ctx, id), v, task);
    } else if (blocking(v, params.path("configuration"))) {
      A2aTask done = streams.await(ctx, task);
      ctx.res().getOutputStream().write(json(A2aRpc.result(id, A2aJson.sendResult(v, done))));
    } else {
      reply(ctx, id, A2aJson.sendResult(v, tasks.view(task)));
    }
  }

  /**
   * Whether SendMessage waits for the end: 1.0's {@code returnImmediately} (default false, so it
   * waits), else {@code blocking} (0.3's default: false).
   */
  private static boolean blocking(A2aVersion v, JsonNode configuration) {
    if (configuration.has("returnImmediately")) {
      return !configuration.get("returnImmediately").asBoolean();
    }
    if (configuration.has("blocking")) {
      return configuration.get("blocking").asBoolean();
    }
    return v == A2aVersion.V1_0;
  }

  private void subscribe(Context ctx, A2aVersion v, Object id, JsonNode params, Caller caller)
      throws IOException {
    String taskId = taskId(params);
    A2aTask known = tasks.get(taskId, caller);
    if (known.state().terminal()) {
      throw new A2aError(
          A2aError.UNSUPPORTED_OPERATION,
          "task "
              + taskId
              + " is "
              + known.state().name().toLowerCase()
              + ": there is nothing to"
              + " follow; "
              + (v == A2aVersion.V0_3 ? "tasks/get" : "GetTask")
              + " returns it",
          Map.of("taskId", taskId));
    }
    if (A2aGroups.isGroup(taskId)) {
      streams.group(ctx, v, id, tasks.groups().group(taskId, caller), true, false);
      return;
    }
    streams.follow(A2aStream.sse(ctx, id), v, tasks.task(taskId, caller));
  }

  private Map<String, Object> list(A2aVersion v, JsonNode params, Caller caller) {
    A2aState state =
        params.hasNonNull("status") ? A2aState.parse(params.get("status").asText()) : null;
    int pageSize = params.has("pageSize") ? params.get("pageSize").asInt(-1) : 50;
    if (pageSize < 1 || pageSize > 100) {
      throw A2aError.invalidParams("pageSize must be 1 to 100");
    }
    int offset = 0;
    String token = params.path("pageToken").asText("");
    if (!token.isEmpty()) {
      try {
        offset = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw A2aError.invalidParams("pageToken " + token + " is not one this server gave");
      }
    }
    String context = params.path("contextId").asText(null);
    boolean artifacts = params.path("includeArtifacts").asBoolean(false);
    List<A2aTask> all = new ArrayList<>();
    for (A2aTask t : tasks.list(caller, state, 1000)) {
      if (context == null || context.equals(t.contextId())) {
        all.add(t);
      }
    }
    List<Object> page = new ArrayList<>();
    for (A2aTask t :
        all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()))) {
      page.add(A2aJson.task(v, artifacts ? t : t.withoutArtifacts()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", page);
    m.put("nextPageToken", offset + pageSize < all.size() ? String.valueOf(offset + pageSize) : "");
    m.put("pageSize", pageSize);
    m.put("totalSize", all.size());
    return m;
  }

  private static Caller readable(Caller caller) {
    if (!caller.may(Scope.READ)) {
      throw new HttpProblem(403, "reading tasks needs a token with the read scope");
    }
    return caller;
  }

  private static String taskId(JsonNode params) {
    JsonNode id = params.get("id");
    if (id == null || id.isNull() || id.asText().isBlank()) {
      throw A2aError.invalidParams("params.id must name a task: {\"id\": \"12\"}");
    }
    return id.asText();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JsonBody.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new A2aError(
            A2aError.INVALID_REQUEST, "the body must be one JSON-RPC request object (no batches)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new A2aError(A2aError.PARSE_ERROR, "the body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static Object id(JsonNode request) {
    JsonNode id = request.get("id");
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.isNumber()) {
      return id.numberValue();
    }
    return id.asText();
  }

  /** An error answer; on a stream already begun, its last event. */
  private static void fail(Context ctx, Object id, A2aError e) throws IOException {
    if (ctx.res().isCommitted()) {
      byte[] event =
          ("data: " + JsonBody.MAPPER.writeValueAsString(A2aRpc.error(id, e)) + "\n\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ctx.res().getOutputStream().write(event);
      return;
    }
    reply(ctx, A2aRpc.error(id, e));
  }

  private static void reply(Context ctx, Object id, Object result) {
    reply(ctx, A2aRpc.result(id, result));
  }

  private static void reply(Context ctx, Map<String, Object> body) {
    JsonBody.send(ctx, 200, body);
  }

  private static byte[] json(Object value) throws JsonProcessingException {
    return JsonBody.MAPPER.writeValueAsBytes(value);
  }
}
