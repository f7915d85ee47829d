package dev.evident.service;

import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.TaskSuite;
import dev.evident.store.ResultStore;
import dev.evident.store.TaskRow;
import dev.evident.store.TaskStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One claimed task running on this server: its suite's command through {@link RunService} (so a
 * real run is stored), its lease renewed by {@link #heartbeat}, and its end written whatever
 * happens. Ends are: COMPLETED (the command ran and its run is stored, whatever its tests did),
 * FAILED (the command could not start, or the harness failed), TIMED_OUT, CANCELLED, INTERRUPTED
 * (this server stopped).
 */
final class TaskExecution implements Runnable {

  private final TaskRow row;
  private final TaskSuite suite;
  private final TaskStore store;
  private final ResultStore results;
  private final String owner;
  private final Clock clock;
  private final TaskListeners listeners;
  private final TaskWorkers workers;
  private final RunService runner;
  private volatile RunService.Progress progress;
  private volatile boolean cancelled;
  private volatile boolean shutdown;
  private volatile boolean lost;

  TaskExecution(
      TaskRow row,
      TaskSuite suite,
      TaskStore store,
      ResultStore results,
      String owner,
      Clock clock,
      TaskListeners listeners,
      TaskWorkers workers) {
    this.row = row;
    this.suite = suite;
    this.store = store;
    this.results = results;
    this.owner = owner;
    this.clock = clock;
    this.listeners = listeners;
    this.workers = workers;
    this.runner = new RunService(results).reservingTheRun();
    this.cancelled = row.cancelRequested();
  }

  long id() {
    return row.id();
  }

  String suiteName() {
    return row.suite();
  }

  void cancel() {
    cancelled = true;
    runner.cancel();
  }

  void stopForShutdown() {
    shutdown = true;
    runner.cancel();
  }

  /** Renews the lease, records progress, and stops the command when a cancel was asked. */
  void heartbeat(long leaseUntil) {
    RunService.Progress p = progress;
    long done = p == null ? -1 : p.finished();
    long failed = p == null ? -1 : p.failed();
    var now = store.heartbeat(row.id(), owner, leaseUntil, done, failed);
    if (now.isEmpty()) {
      // Reaped (this server was too slow) or ended elsewhere: the task is not ours to finish.
      lost = true;
      runner.cancel();
      return;
    }
    listeners.publish(now.get());
    if (now.get().cancelRequested() && !cancelled) {
      cancel();
    }
  }

  @Override
  public void run() {
    String state;
    String message = null;
    Long runId = null;
    try {
      if (suite == null) {
        state = "FAILED";
        message = "suite " + row.suite() + " is not declared in this server's config";
      } else {
        if (workers.stopping()) {
          shutdown = true;
        }
        if (cancelled || shutdown) {
          runner.cancel();
        }
        Run run = runner.run(request(), watcher()).run();
        runId = run.id();
        store.runId(row.id(), owner, runId);
        String[] end = end(run);
        state = end[0];
        message = end[1];
      }
    } catch (RuntimeException e) {
      state = "FAILED";
      message = "the task could not run: " + e.getMessage();
    }
    finish(state, runId, message);
  }

  private RunService.Request request() {
    Map<String, Object> values = new java.util.HashMap<>(row.parameters());
    values.put(SuiteCommands.TASK_ID, row.id());
    String model = model();
    Map<String, String> attributes = new java.util.HashMap<>();
    attributes.put("task.id", Long.toString(row.id()));
    attributes.put("task.suite", suite.name());
    Map<String, String> env = new java.util.HashMap<>(SuiteCommands.environment(row.parameters()));
    env.put("EVIDENT_TASK_ID", Long.toString(row.id()));
    if (model != null) {
      values.put(ModelList.PARAMETER, model);
      env.put("EVIDENT_MODEL", model);
      attributes.put(dev.evident.model.EvalKeys.MODEL, model);
    }
    if (row.groupId() != null) {
      attributes.put("task.group", Long.toString(row.groupId()));
    }
    List<String> command = SuiteCommands.command(suite.command(), values);
    Path workDir = suite.workDir() == null ? Path.of("").toAbsolutePath() : suite.workDir();
    return new RunService.Request(
        command,
        workDir,
        suite.project(),
        Map.of(),
        suite.timeout(),
        SuiteCommands.command(suite.results(), values),
        false,
        null,
        List.of(),
        System.getenv(),
        attributes,
        env);
  }

  /** The task's model: its group's, else a declared {@code model} parameter's value, else null. */
  private String model() {
    if (row.model() != null) {
      return row.model();
    }
    return row.parameters().get(ModelList.PARAMETER) instanceof String m && !m.isBlank() ? m : null;
  }

  private RunService.Watcher watcher() {
    return new RunService.Watcher() {
      @Override
      public void output(boolean stderr, byte[] bytes, int offset, int length) {
        // the run keeps the output; the task reports progress only
      }

      @Override
      public void started(Instant at, RunService.Progress p) {
        progress = p;
      }

      @Override
      public void runCreated(long runId) {
        if (store.runId(row.id(), owner, runId)) {
          store.get(row.id()).ifPresent(listeners::publish);
        }
      }
    };
  }

  /** The task's terminal state and message from how its run ended. */
  private String[] end(Run run) {
    if (shutdown) {
      return new String[] {
        "INTERRUPTED",
        "the server stopped while it ran; results until then are stored as run " + run.id()
      };
    }
    if (cancelled) {
      return new String[] {
        "CANCELLED", "cancelled on request; results until then are stored as run " + run.id()
      };
    }
    if (run.status() == RunStatus.BROKEN && run.exitCode() == null) {
      return new String[] {"FAILED", "the command could not start: " + why(run)};
    }
    if (run.status() == RunStatus.INTERRUPTED && suite.timeout() != null) {
      return new String[] {
        "TIMED_OUT",
        "stopped after the suite's timeout of "
            + suite.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
            + "; results until then are stored as run "
            + run.id()
      };
    }
    if (run.status() == RunStatus.BROKEN || run.status() == RunStatus.INTERRUPTED) {
      return new String[] {
        "COMPLETED",
        "the command ended but its run " + run.id() + " is " + run.status() + ": " + why(run)
      };
    }
    return new String[] {"COMPLETED", null};
  }

  private String why(Run run) {
    try {
      List<RunError> errors = results.detail(run.id(), 0).runErrors();
      return errors.isEmpty() ? "see run " + run.id() : errors.get(0).failure().message();
    } catch (RuntimeException e) {
      return "see run " + run.id();
    }
  }

  /** Ends a task that was claimed but never started (the server stopped). */
  void abandon(String message) {
    finish("INTERRUPTED", null, message);
  }

  private void finish(String state, Long runId, String message) {
    try {
      RunService.Progress p = progress;
      long done = p == null ? -1 : p.finished();
      long failed = p == null ? -1 : p.failed();
      if (!lost
          && store.finish(row.id(), owner, state, runId, message, clock.instant(), done, failed)) {
        store.get(row.id()).ifPresent(listeners::publish);
      }
    } finally {
      workers.ended(row.id());
    }
  }
}
