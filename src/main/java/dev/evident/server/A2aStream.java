package dev.evident.server;

import dev.evident.service.Task;
import dev.evident.service.TaskGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one server task for one A2A request: as Server-Sent Events (message/stream,
 * SendStreamingMessage, resubscribe), or until it ends for a blocking SendMessage. Events keep the
 * task's order: the task first, a status update per change (progress), then the report artifact and
 * the final status update, after which the stream closes. A comment line every 10 s keeps quiet
 * connections open.
 */
final class A2aStream {

  private static final long KEEPALIVE_SECONDS = 10;

  private final A2aTasks tasks;

  A2aStream(A2aTasks tasks) {
    this.tasks = tasks;
  }

  /** Opens an SSE answer; events are JSON-RPC responses with the request's id. */
  static Sse sse(Context ctx, Object id) {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    try {
      return new Sse(ctx.res().getOutputStream(), id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One SSE answer. Not thread safe: one request thread writes it. */
  static final class Sse {
    private final OutputStream out;
    private final Object id;
    private long sent;

    Sse(OutputStream out, Object id) {
      this.out = out;
      this.id = id;
    }

    void event(Object result) throws IOException {
      String json = JsonBody.MAPPER.writeValueAsString(A2aRpc.result(id, result));
      write("id: " + ++sent + "\ndata: " + json + "\n\n");
    }

    void error(A2aError e) throws IOException {
      String json = JsonBody.MAPPER.writeValueAsString(A2aRpc.error(id, e));
      write("id: " + ++sent + "\ndata: " + json + "\n\n");
    }

    void keepalive() throws IOException {
      write(": keepalive\n\n");
    }

    private void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Streams a task that exists and is not over, from its state now until it ends. */
  void follow(Sse sse, A2aVersion v, Task task) throws IOException {
    BlockingQueue<Task> changes = new LinkedBlockingQueue<>();
    try (AutoCloseable ignored = tasks.subscribe(task, changes::add)) {
      Task last = take(changes, sse);
      A2aTask view = tasks.view(last);
      sse.event(A2aJson.taskEvent(v, view.withoutArtifacts()));
      while (!last.state().terminal()) {
        Task next = take(changes, sse);
        if (same(last, next)) {
          continue;
        }
        last = next;
        if (!next.state().terminal()) {
          sse.event(A2aJson.statusUpdate(v, tasks.view(next)));
        }
      }
      end(sse, v, tasks.view(last));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The end of a stream: each artifact, then the terminal status update. */
  static void end(Sse sse, A2aVersion v, A2aTask view) throws IOException {
    for (A2aTask.Artifact a : view.artifacts()) {
      sse.event(A2aJson.artifactUpdate(v, view, a));
    }
    sse.event(A2aJson.statusUpdate(v, view));
  }

  /** Waits until the task ends; whitespace every 10 s keeps the JSON answer's connection open. */
  A2aTask await(Context ctx, Task task) throws IOException {
    BlockingQueue<Task> changes = new LinkedBlockingQueue<>();
    ctx.status(200);
    ctx.res().setContentType("application/json");
    OutputStream out = ctx.res().getOutputStream();
    try (AutoCloseable ignored = tasks.subscribe(task, changes::add)) {
      Task last = task;
      while (!last.state().terminal()) {
        Task next = changes.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        if (next == null) {
          out.write(' ');
          out.flush();
        } else {
          last = next;
        }
      }
      return tasks.view(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for task " + task.id(), e);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Answers a message that queued a multi-model group: followed as SSE when {@code stream}, else
   * when {@code blocking} the group once every task ended, else the group now.
   */
  void group(
      Context ctx, A2aVersion v, Object id, TaskGroup group, boolean stream, boolean blocking)
      throws IOException {
    A2aGroups groups = tasks.groups();
    if (!stream && !blocking) {
      JsonBody.send(ctx, 200, A2aRpc.result(id, A2aJson.sendResult(v, groups.view(group))));
      return;
    }
    Sse sse = stream ? sse(ctx, id) : null;
    OutputStream out = null;
    if (!stream) {
      ctx.status(200);
      ctx.res().setContentType("application/json");
      out = ctx.res().getOutputStream();
    }
    BlockingQueue<Task> changes = new LinkedBlockingQueue<>();
    List<AutoCloseable> subscriptions = new ArrayList<>();
    try {
      for (Task t : group.tasks()) {
        subscriptions.add(tasks.subscribe(t, changes::add));
      }
      A2aTask last = groups.view(groups.now(group));
      if (stream) {
        sse.event(A2aJson.taskEvent(v, last.withoutArtifacts()));
      }
      long quiet = System.nanoTime();
      while (!last.state().terminal()) {
        // A change wakes it at once; a look every second also sees other servers' progress.
        changes.poll(1, TimeUnit.SECONDS);
        changes.clear();
        A2aTask now = groups.view(groups.now(group));
        if (now.state() != last.state() || !now.metadata().equals(last.metadata())) {
          if (stream && !now.state().terminal()) {
            sse.event(A2aJson.statusUpdate(v, now));
          }
          last = now;
          quiet = System.nanoTime();
        } else if (System.nanoTime() - quiet > TimeUnit.SECONDS.toNanos(KEEPALIVE_SECONDS)) {
          if (stream) {
            sse.keepalive();
          } else {
            out.write(' ');
            out.flush();
          }
          quiet = System.nanoTime();
        }
      }
      if (stream) {
        end(sse, v, last);
      } else {
        out.write(
            JsonBody.MAPPER.writeValueAsBytes(A2aRpc.result(id, A2aJson.sendResult(v, last))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (AutoCloseable s : subscriptions) {
        try {
          s.close();
        } catch (Exception e) {
          // closing a subscription does not fail
        }
      }
    }
  }

  private static Task take(BlockingQueue<Task> changes, Sse sse)
      throws InterruptedException, IOException {
    while (true) {
      Task next = changes.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
      if (next != null) {
        return next;
      }
      sse.keepalive();
    }
  }

  private static boolean same(Task a, Task b) {
    return a.state() == b.state()
        && a.testsDone() == b.testsDone()
        && a.testsFailed() == b.testsFailed()
        && java.util.Objects.equals(a.runId(), b.runId());
  }
}
