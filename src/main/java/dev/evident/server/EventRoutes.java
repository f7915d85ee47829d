package dev.evident.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evident.model.Run;
import dev.evident.model.Scope;
import dev.evident.service.RunQueries;
import dev.evident.service.Task;
import dev.evident.service.TaskService;
import dev.evident.service.TaskState;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/v1/events}: Server-Sent Events of task state changes ({@code task}), tests
 * finishing during a task's run ({@code progress}, at each heartbeat) and stored runs ({@code run}:
 * uploads, task runs, CLI runs into the same database, found by looking for new run ids every
 * second; a task's run, which exists RUNNING from its start, again when the task ends). Filters:
 * {@code project}, {@code task}, {@code run}; a project's token gets its project's events only.
 * Each event has an id; a client that reconnects with {@code Last-Event-ID} gets the events it
 * missed from the last {@link EventLog#CAPACITY}, after a {@code gap} event when more were lost. A
 * comment every 15 s keeps idle connections open.
 */
final class EventRoutes implements RouteGroup, AutoCloseable {

  static final String EVENTS = "/api/v1/events";
  private static final int CLIENT_BUFFER = 10_000;

  private final EventLog log = new EventLog();
  private final RunQueries runs;
  private final AutoCloseable taskFeed;
  private final Map<Long, TaskState> lastState = new ConcurrentHashMap<>();
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller;
  private volatile long lastRun;

  EventRoutes(TaskService tasks, RunQueries runs) {
    this.runs = runs;
    this.lastRun = runs.runs(null, 1).stream().mapToLong(Run::id).max().orElse(0);
    this.taskFeed = tasks.subscribeAll(this::task);
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "evident-events-runs");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::newRuns, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void register(Api api) {
    api.get(EVENTS, Scope.READ, this::events);
  }

  private void task(Task t) {
    TaskState before =
        t.state().terminal() ? lastState.remove(t.id()) : lastState.put(t.id(), t.state());
    String type = before == t.state() ? "progress" : "task";
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("task", TaskRoutes.json(t));
    log.append(type, t.project(), t.id(), t.runId(), json(data));
    if (t.state().terminal() && t.runId() != null) {
      // The run appeared RUNNING when the task started; now it is complete.
      try {
        run(runs.resolve(Long.toString(t.runId()), t.project()));
      } catch (RuntimeException e) {
        // gone or unreadable: the task event says enough
      }
    }
  }

  private void run(Run run) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "run");
    data.put("run", RunQueries.json(run));
    String task = run.attributes().get("task.id");
    log.append(
        "run", run.project(), task == null ? null : Long.valueOf(task), run.id(), json(data));
  }

  private void newRuns() {
    try {
      for (Run run : runs.runsAfter(lastRun, 200)) {
        lastRun = Math.max(lastRun, run.id());
        run(run);
      }
    } catch (RuntimeException e) {
      // the database may be away for a moment: look again in a second
    }
  }

  void events(Context ctx, Caller caller) throws Exception {
    String project = ctx.queryParam("project");
    if (project != null && !caller.sees(project)) {
      throw new HttpProblem(403, "token is for project " + caller.project() + ", not " + project);
    }
    String onlyProject = project != null ? project : caller.project();
    Long task = Params.longParam(ctx, "task");
    Long run = Params.longParam(ctx, "run");
    String lastId = ctx.header("Last-Event-ID");
    if (lastId == null) {
      lastId = ctx.queryParam("lastEventId");
    }
    Long lastSeen;
    try {
      lastSeen = lastId == null || lastId.isBlank() ? null : Long.parseLong(lastId.strip());
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("Last-Event-ID must be a number, not " + lastId);
    }
    if (!"text/event-stream".equals(ctx.header("Accept"))) {
      throw new HttpProblem(
          406, "an event stream: send Accept: text/event-stream (as EventSource does; curl -N -H)");
    }
    // Subscribed before the response's head is sent: a client that acts once the stream is open
    // (submits a task) gets that action's events, which may come before the handler below runs.
    Filter filter = new Filter(onlyProject, task, run);
    BlockingQueue<EventLog.Event> queue = new ArrayBlockingQueue<>(CLIENT_BUFFER);
    AtomicReference<SseClient> opened = new AtomicReference<>();
    AtomicBoolean overflowed = new AtomicBoolean();
    EventLog.Subscription sub =
        log.subscribe(
            lastSeen,
            e -> {
              if (filter.matches(e) && !queue.offer(e)) {
                overflowed.set(true); // too slow to keep up: it reconnects with Last-Event-ID
                SseClient client = opened.get();
                if (client != null) {
                  client.close();
                }
              }
            });
    try {
      new SseHandler(
              client -> {
                opened.set(client);
                stream(client, sub, queue);
                if (overflowed.get()) {
                  client.close();
                }
              })
          .handle(ctx);
    } catch (Exception | Error e) {
      sub.cancel().run();
      throw e;
    }
  }

  private record Filter(String project, Long task, Long run) {
    boolean matches(EventLog.Event e) {
      return (project == null || project.equals(e.project()))
          && (task == null || task.equals(e.task()))
          && (run == null || run.equals(e.run()));
    }
  }

  private void stream(
      SseClient client, EventLog.Subscription sub, BlockingQueue<EventLog.Event> queue) {
    client.keepAlive();
    clients.add(client);
    Thread sender =
        Thread.ofVirtual()
            .name("evident-events-client")
            .start(
                () -> {
                  try {
                    if (sub.missed() > 0) {
                      client.sendEvent("gap", json(Map.of("type", "gap", "missed", sub.missed())));
                    }
                    while (!client.terminated()) {
                      EventLog.Event e = queue.poll(15, TimeUnit.SECONDS);
                      if (e == null) {
                        client.sendComment("keep-alive");
                      } else {
                        client.sendEvent(e.type(), e.json(), Long.toString(e.id()));
                      }
                    }
                  } catch (InterruptedException | RuntimeException e) {
                    // closed
                  } finally {
                    sub.cancel().run();
                    clients.remove(client);
                    client.close();
                  }
                });
    client.onClose(
        () -> {
          sub.cancel().run();
          clients.remove(client);
          sender.interrupt();
        });
  }

  private static String json(Object value) {
    try {
      return JsonBody.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends every stream (clients reconnect to another server) and stops looking for runs. */
  @Override
  public void close() {
    poller.shutdownNow();
    try {
      taskFeed.close();
    } catch (Exception e) {
      // nothing to release
    }
    for (SseClient c : List.copyOf(clients)) {
      c.close();
    }
  }
}
