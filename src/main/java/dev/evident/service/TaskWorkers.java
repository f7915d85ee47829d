package dev.evident.service;

import dev.evident.model.TaskSuite;
import dev.evident.store.ResultStore;
import dev.evident.store.TaskRow;
import dev.evident.store.TaskStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One server's workers: a dispatcher that claims queued tasks while slots are free (woken at once
 * by a submit on this server, else every poll interval for tasks queued elsewhere), a pool that
 * runs them, a heartbeat that renews their leases, and a reaper of expired leases (at start, then
 * every few seconds). Thread safe.
 */
final class TaskWorkers implements AutoCloseable {

  private final TaskStore store;
  private final ResultStore results;
  private final Map<String, TaskSuite> suites;
  private final TaskService.Settings settings;
  private final Clock clock;
  private final TaskListeners listeners;
  private final String owner;
  private final ExecutorService pool;
  private final ScheduledExecutorService beats;
  private final Map<Long, TaskExecution> running = new ConcurrentHashMap<>();
  private final Object signal = new Object();
  private final Thread dispatcher;
  private volatile boolean stopping;
  private boolean wakeUp;

  TaskWorkers(
      TaskStore store,
      ResultStore results,
      Map<String, TaskSuite> suites,
      TaskService.Settings settings,
      Clock clock,
      TaskListeners listeners) {
    this.store = store;
    this.results = results;
    this.suites = suites;
    this.settings = settings;
    this.clock = clock;
    this.listeners = listeners;
    this.owner =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    this.pool = Executors.newFixedThreadPool(settings.workers(), named("evident-task"));
    this.beats = Executors.newSingleThreadScheduledExecutor(named("evident-task-heartbeat"));
    this.dispatcher = new Thread(this::dispatch, "evident-task-dispatcher");
    dispatcher.setDaemon(true);
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  void start() {
    reap();
    long every = settings.heartbeat().toMillis();
    beats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    dispatcher.start();
  }

  String owner() {
    return owner;
  }

  boolean alive() {
    return !stopping && dispatcher.isAlive() && !pool.isShutdown();
  }

  boolean stopping() {
    return stopping;
  }

  int running() {
    return running.size();
  }

  void wakeUp() {
    synchronized (signal) {
      wakeUp = true;
      signal.notifyAll();
    }
  }

  /** Stops a task this server runs now, at once (the store's cancel flag reaches other servers). */
  void cancelLocal(long id) {
    TaskExecution e = running.get(id);
    if (e != null) {
      e.cancel();
    }
  }

  private void dispatch() {
    long reapEvery = Math.max(1000, settings.lease().toMillis() / 3);
    long nextReap = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reapEvery);
    while (!stopping) {
      try {
        if (System.nanoTime() - nextReap >= 0) {
          reap();
          nextReap = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reapEvery);
        }
        while (!stopping && claimOne()) {
          // claim while there are free slots and queued tasks
        }
        pollFollowed();
        synchronized (signal) {
          if (!wakeUp && !stopping) {
            signal.wait(settings.poll().toMillis());
          }
          wakeUp = false;
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The database may be away for a moment: try again at the next poll.
        log("task dispatcher: " + e.getMessage());
        synchronized (signal) {
          try {
            signal.wait(settings.poll().toMillis());
          } catch (InterruptedException stop) {
            return;
          }
        }
      }
    }
  }

  /** Claims and starts one task; false when no slot is free or nothing is queued. */
  private boolean claimOne() {
    if (running.size() >= settings.workers()) {
      return false;
    }
    Map<String, Integer> bySuite = new HashMap<>();
    for (TaskExecution e : running.values()) {
      bySuite.merge(e.suiteName(), 1, Integer::sum);
    }
    List<String> free = new ArrayList<>();
    for (TaskSuite s : suites.values()) {
      if (bySuite.getOrDefault(s.name(), 0) < s.concurrency()) {
        free.add(s.name());
      }
    }
    if (settings.allowCommands()) {
      free.add(TaskService.COMMAND_SUITE);
    }
    Optional<TaskRow> claimed =
        store.claim(free, owner, clock.instant(), clock.millis() + settings.lease().toMillis());
    if (claimed.isEmpty()) {
      return false;
    }
    TaskRow row = claimed.get();
    TaskExecution execution =
        new TaskExecution(row, suiteOf(row), store, results, owner, clock, listeners, this);
    running.put(row.id(), execution);
    listeners.publish(row);
    try {
      pool.execute(execution);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.remove(row.id());
      execution.abandon("the server stopped before the task started");
    }
    return true;
  }

  private TaskSuite suiteOf(TaskRow row) {
    if (TaskService.COMMAND_SUITE.equals(row.suite())) {
      Object command = row.parameters().get("command");
      Object globs = row.parameters().get("results");
      return new TaskSuite(
          row.suite(),
          row.project(),
          command instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
          null,
          globs instanceof List<?> g ? g.stream().map(String::valueOf).toList() : List.of(),
          Map.of(),
          null,
          settings.workers());
    }
    return suites.get(row.suite());
  }

  /** The execution ended: its slot is free. */
  void ended(long id) {
    running.remove(id);
    wakeUp();
  }

  private void heartbeat() {
    long until = clock.millis() + settings.lease().toMillis();
    for (TaskExecution e : running.values()) {
      try {
        e.heartbeat(until);
      } catch (RuntimeException ex) {
        log("heartbeat of task " + e.id() + ": " + ex.getMessage());
      }
    }
  }

  private void reap() {
    try {
      for (TaskRow row :
          store.reap(
              clock.millis(),
              settings.maxAttempts(),
              "its server stopped answering (lease expired) after "
                  + settings.maxAttempts()
                  + " attempts",
              clock.instant())) {
        listeners.publish(row);
      }
    } catch (RuntimeException e) {
      log("task reaper: " + e.getMessage());
    }
  }

  /** Changes other servers made to tasks someone here follows. */
  private void pollFollowed() {
    for (long id : listeners.followed()) {
      if (!running.containsKey(id)) {
        store.get(id).ifPresent(listeners::publish);
      }
    }
  }

  private static void log(String message) {
    System.getLogger("dev.evident.tasks").log(System.Logger.Level.WARNING, message);
  }

  /**
   * Stops: no more claims; running commands are stopped (their process trees killed after the grace
   * period) and their tasks end INTERRUPTED with the partial run stored; queued tasks stay queued
   * for the next server.
   */
  @Override
  public void close() {
    stopping = true;
    wakeUp();
    for (TaskExecution e : running.values()) {
      e.stopForShutdown();
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(RunService.GRACE.toSeconds() + 30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
      dispatcher.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    beats.shutdownNow();
  }
}
