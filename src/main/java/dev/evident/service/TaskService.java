package dev.evident.service;

import dev.evident.model.TaskSuite;
import dev.evident.store.ResultStore;
import dev.evident.store.TaskRow;
import dev.evident.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link Tasks} over the store's task queue, with this server's workers ({@link TaskWorkers}).
 * Tasks are rows in the database, so that they outlive the server and several servers on one
 * PostgreSQL share them. Thread safe; {@link #close} stops the workers (running tasks end
 * INTERRUPTED, queued ones stay queued).
 */
public final class TaskService implements Tasks, AutoCloseable {

  /** The pseudo-suite of an arbitrary command (only when {@link Settings#allowCommands}). */
  public static final String COMMAND_SUITE = "(command)";

  /**
   * How the workers run.
   *
   * @param workers tasks one server runs at once
   * @param lease how long a claim holds without a heartbeat
   * @param heartbeat how often a running task renews its lease, records progress and looks for a
   *     cancel
   * @param poll how often the queue is looked at for tasks other servers queued
   * @param maxAttempts claims after which a task whose lease expired ends INTERRUPTED instead of
   *     going back to the queue
   * @param allowCommands whether arbitrary commands may be submitted (by an admin)
   */
  public record Settings(
      int workers,
      Duration lease,
      Duration heartbeat,
      Duration poll,
      int maxAttempts,
      boolean allowCommands) {
    public Settings {
      if (workers < 1) {
        throw new InputException("--workers must be 1 or more, not " + workers);
      }
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(heartbeat, "heartbeat");
      Objects.requireNonNull(poll, "poll");
    }

    public static final Settings DEFAULT =
        new Settings(
            4, Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofMillis(500), 3, false);

    public Settings withWorkers(int n) {
      return new Settings(n, lease, heartbeat, poll, maxAttempts, allowCommands);
    }

    public Settings withLease(Duration newLease, Duration newHeartbeat) {
      return new Settings(workers, newLease, newHeartbeat, poll, maxAttempts, allowCommands);
    }

    public Settings withAllowCommands(boolean allow) {
      return new Settings(workers, lease, heartbeat, poll, maxAttempts, allow);
    }
  }

  private final TaskStore store;
  private final Map<String, TaskSuite> suites = new LinkedHashMap<>();
  private final Settings settings;
  private final Clock clock;
  private final TaskListeners listeners = new TaskListeners();
  private final TaskWorkers workers;

  /** Starts the workers; they reap what a dead server left, then claim queued tasks. */
  public TaskService(ResultStore results, List<TaskSuite> suites, Settings settings, Clock clock) {
    this.store = TaskStore.over(results);
    suites.forEach(s -> this.suites.put(s.name(), s));
    this.settings = settings;
    this.clock = clock;
    this.workers = new TaskWorkers(store, results, this.suites, settings, clock, listeners);
    workers.start();
  }

  @Override
  public List<TaskSuite> suites() {
    return List.copyOf(suites.values());
  }

  public Optional<TaskSuite> suite(String name) {
    return Optional.ofNullable(suites.get(name));
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public Validation validate(TaskRequest request) {
    TaskSuite suite = suites.get(request.suite());
    if (suite == null) {
      return new Validation(request.suite(), request.parameters(), List.of(unknown(request)));
    }
    ParameterSchema.Applied applied =
        ParameterSchema.apply(suite.parameters(), request.parameters());
    return new Validation(suite.name(), applied.values(), applied.problems());
  }

  private String unknown(TaskRequest request) {
    return "unknown suite '"
        + request.suite()
        + "'"
        + (suites.isEmpty()
            ? ": the server's config declares none (suites: in evident.yaml)"
            : " (declared: " + String.join(", ", suites.keySet()) + ")");
  }

  @Override
  public Task submit(TaskRequest request) {
    Validation v = validate(request);
    if (!v.valid()) {
      throw new InputException(
          "cannot run " + request.suite() + ": " + String.join("; ", v.problems()));
    }
    TaskSuite suite = suites.get(request.suite());
    return queued(
        store.insert(
            suite.project(), suite.name(), v.parameters(), request.origin(), clock.instant()));
  }

  @Override
  public Validation validate(TaskRequest request, List<String> models) {
    TaskSuite suite = suites.get(request.suite());
    return suite == null ? validate(request) : ModelList.validate(suite, request, models);
  }

  @Override
  public TaskGroup submitModels(TaskRequest request, List<String> models) {
    Validation v = validate(request, models);
    if (!v.valid()) {
      throw new InputException(
          "cannot run " + request.suite() + ": " + String.join("; ", v.problems()));
    }
    TaskSuite suite = suites.get(request.suite());
    List<TaskRow> rows =
        store.insertGroup(
            suite.project(),
            suite.name(),
            models,
            ModelList.parameters(suite, request, models),
            request.origin(),
            clock.instant());
    rows.forEach(listeners::publish);
    workers.wakeUp();
    return new TaskGroup(
        rows.get(0).id(), suite.project(), suite.name(), rows.stream().map(Task::of).toList());
  }

  @Override
  public Optional<TaskGroup> group(long id) {
    List<Task> tasks = store.group(id).stream().map(Task::of).toList();
    return tasks.isEmpty()
        ? Optional.empty()
        : Optional.of(new TaskGroup(id, tasks.get(0).project(), tasks.get(0).suite(), tasks));
  }

  /**
   * Queues an arbitrary command (no declared suite) when the server allows it; the caller checks
   * that an admin asks.
   */
  public Task submitCommand(
      String project, List<String> command, List<String> results, String origin) {
    if (!settings.allowCommands()) {
      throw new CommandsNotAllowedException(
          "arbitrary commands are refused: run a declared suite, or start the server with"
              + " --allow-commands and use an admin token");
    }
    if (command.isEmpty()) {
      throw new InputException("command is empty: give [program, args]");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("command", List.copyOf(command));
    parameters.put("results", List.copyOf(results));
    return queued(store.insert(project, COMMAND_SUITE, parameters, origin, clock.instant()));
  }

  private Task queued(TaskRow row) {
    listeners.publish(row);
    workers.wakeUp();
    return Task.of(row);
  }

  @Override
  public Optional<Task> get(long id) {
    return store.get(id).map(Task::of);
  }

  @Override
  public List<Task> list(String project, TaskState state, int limit) {
    return page(project, state, null, limit);
  }

  /** As {@link #list}, with ids below {@code beforeId} (all when null): the next page. */
  public List<Task> page(String project, TaskState state, Long beforeId, int limit) {
    return store.list(project, state == null ? null : state.name(), beforeId, limit).stream()
        .map(Task::of)
        .toList();
  }

  @Override
  public Task cancel(long id) {
    TaskRow row = store.get(id).orElseThrow(() -> new NotFoundException("no task " + id));
    if (TaskState.valueOf(row.state()).terminal()) {
      throw new TaskNotCancelableException(
          "task " + id + " has already ended: " + row.state() + "; nothing to cancel");
    }
    if (store.cancelQueued(id, "cancelled before it started", clock.instant())) {
      TaskRow now = store.get(id).orElseThrow();
      listeners.publish(now);
      return Task.of(now);
    }
    if (store.requestCancel(id)) {
      workers.cancelLocal(id);
      TaskRow now = store.get(id).orElseThrow();
      listeners.publish(now);
      return Task.of(now);
    }
    // It ended between the read and the cancel.
    TaskRow now = store.get(id).orElseThrow();
    throw new TaskNotCancelableException(
        "task " + id + " has already ended: " + now.state() + "; nothing to cancel");
  }

  @Override
  public AutoCloseable subscribe(long id, Consumer<Task> listener) {
    if (store.get(id).isEmpty()) {
      throw new NotFoundException("no task " + id);
    }
    AutoCloseable handle = listeners.subscribe(id, row -> listener.accept(Task.of(row)));
    store.get(id).ifPresent(listeners::publish);
    return handle;
  }

  /** Calls {@code listener} on every change of every task this server sees, until closed. */
  public AutoCloseable subscribeAll(Consumer<Task> listener) {
    return listeners.subscribeAll(row -> listener.accept(Task.of(row)));
  }

  /** How many tasks are in each state, every state listed. */
  public Map<TaskState, Long> counts() {
    Map<TaskState, Long> counts = new LinkedHashMap<>();
    for (TaskState s : TaskState.values()) {
      counts.put(s, 0L);
    }
    for (TaskStore.StateCount c : store.countByState()) {
      counts.merge(TaskState.valueOf(c.state()), c.count(), Long::sum);
    }
    return counts;
  }

  /** How many tasks of each project are in each state (states without tasks left out). */
  public Map<String, Map<TaskState, Long>> countsByProject() {
    Map<String, Map<TaskState, Long>> counts = new java.util.TreeMap<>();
    for (TaskStore.StateCount c : store.countByState()) {
      counts
          .computeIfAbsent(c.project(), p -> new java.util.EnumMap<>(TaskState.class))
          .put(TaskState.valueOf(c.state()), c.count());
    }
    return counts;
  }

  /** Why the workers cannot take tasks, or empty when they can. */
  public List<String> notReady() {
    List<String> reasons = new ArrayList<>();
    if (!workers.alive()) {
      reasons.add("task workers are not running");
    }
    return reasons;
  }

  /** Tasks this server is running now. */
  public int running() {
    return workers.running();
  }

  @Override
  public void close() {
    workers.close();
  }
}
