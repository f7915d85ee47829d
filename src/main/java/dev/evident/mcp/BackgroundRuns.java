package dev.evident.mcp;

import dev.evident.service.RunService;
import dev.evident.service.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test runs started by {@code run_tests}, each on its own thread, known by a handle ({@code
 * task:1}) until the server stops. A run gets its id when its command has ended and its results are
 * stored; until then the handle is how it is followed. Thread safe.
 */
final class BackgroundRuns implements AutoCloseable {

  /** Runs at once; more are refused with the handles to wait for. */
  static final int MAX_RUNNING = 4;

  /** How long closing waits for stopped runs to be stored. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  /** One started run. */
  static final class Task {
    final String handle;
    final List<String> command;
    final String directory;
    final String project;
    final Instant started = Instant.now();
    final CompletableFuture<RunService.Ran> done = new CompletableFuture<>();
    final LiveOutput stdout = new LiveOutput();
    final LiveOutput stderr = new LiveOutput();
    private final RunService service;
    private volatile RunService.Progress progress;

    private Task(String handle, RunService.Request request, RunService service) {
      this.handle = handle;
      this.command = request.command();
      this.directory = request.workDir().toString();
      this.project = request.project();
      this.service = service;
    }

    boolean running() {
      return !done.isDone();
    }

    /** Tests finished and failed so far, from the runner's output; -1 each when it does not say. */
    long[] progress() {
      RunService.Progress p = progress;
      return p == null ? new long[] {-1, -1} : new long[] {p.finished(), p.failed()};
    }

    /** Waits up to {@code timeout} for the run to end; true when it has. */
    boolean await(Duration timeout) {
      if (timeout.isZero() || done.isDone()) {
        return done.isDone();
      }
      try {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return done.isDone();
    }
  }

  private final Workspace workspace;
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(
          Thread.ofPlatform().daemon().name("evident-mcp-run-", 1).factory());

  BackgroundRuns(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Starts a run and returns its task at once. */
  synchronized Task start(RunService.Request request) {
    List<Task> running = running();
    if (running.size() >= MAX_RUNNING) {
      throw new BadArgumentException(
          "run_tests: "
              + running.size()
              + " runs are running already ("
              + String.join(", ", running.stream().map(t -> t.handle).toList())
              + "); wait for one with get_run and wait_seconds, then start this one");
    }
    Task task = new Task("task:" + numbers.incrementAndGet(), request, workspace.runner());
    tasks.put(task.handle, task);
    threads.execute(
        () -> {
          try {
            task.done.complete(
                task.service.run(
                    request,
                    new RunService.Watcher() {
                      @Override
                      public void output(boolean stderr, byte[] bytes, int offset, int length) {
                        // for get_logs while it runs; the stored run keeps its own head and tail
                        (stderr ? task.stderr : task.stdout).append(bytes, offset, length);
                      }

                      @Override
                      public void started(Instant at, RunService.Progress progress) {
                        task.progress = progress;
                      }
                    }));
          } catch (Throwable e) {
            task.done.completeExceptionally(e);
          }
        });
    return task;
  }

  Optional<Task> find(String handle) {
    return Optional.ofNullable(tasks.get(handle));
  }

  /** The handles of this server for runs of the projects {@code visible} accepts, oldest first. */
  List<String> handles(java.util.function.Predicate<String> visible) {
    List<Task> all = new ArrayList<>(tasks.values());
    all.removeIf(t -> !visible.test(t.project));
    all.sort((a, b) -> a.started.compareTo(b.started));
    return all.stream().map(t -> t.handle).toList();
  }

  List<Task> running() {
    List<Task> running = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (t.running()) {
        running.add(t);
      }
    }
    running.sort((a, b) -> a.started.compareTo(b.started));
    return running;
  }

  /**
   * Stops the runs still going (they are stored as INTERRUPTED) and waits for them a while. May be
   * called more than once, and from several threads (a shutdown hook and the server's end).
   */
  @Override
  public void close() {
    List<Task> running = running();
    running.forEach(t -> t.service.cancel());
    Instant deadline = Instant.now().plus(STOP_GRACE);
    for (Task t : running) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (!left.isNegative()) {
        t.await(left);
      }
    }
    threads.shutdownNow();
  }
}
