package dev.evident.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's task queue in the store's database, shared by every server on that database. A
 * worker claims a task with a lease ({@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL, one
 * write transaction on SQLite), renews it by heartbeats, and ends it; a task whose lease passed is
 * reaped. Every write that finishes or renews a task names its owner, so that a server whose lease
 * was taken from it can no longer change the task. Thread safe.
 */
public interface TaskStore {

  /** The task store over an open result store (the same database). */
  static TaskStore over(ResultStore store) {
    if (store instanceof JdbcStore jdbc) {
      return new JdbcTaskStore(jdbc);
    }
    throw new StoreException("tasks need a JDBC store, not " + store);
  }

  /** Queues a task; returns it as stored (QUEUED, with its id). */
  TaskRow insert(
      String project, String suite, Map<String, Object> parameters, String origin, Instant at);

  /**
   * Queues one task per model in one transaction, all with the first one's id as their group id;
   * returns them as stored, in the order of {@code models}.
   *
   * @param parameters each task's parameters, in the order of {@code models}
   */
  List<TaskRow> insertGroup(
      String project,
      String suite,
      List<String> models,
      List<Map<String, Object>> parameters,
      String origin,
      Instant at);

  Optional<TaskRow> get(long id);

  /** The tasks of a multi-model submission in id order; empty when there is no such group. */
  List<TaskRow> group(long groupId);

  /**
   * Tasks newest first, with ids below {@code beforeId} (all when null).
   *
   * @param project null for every project
   * @param state null for every state
   */
  List<TaskRow> list(String project, String state, Long beforeId, int limit);

  /**
   * Claims the oldest QUEUED task of one of {@code suites} for {@code owner}: RUNNING, attempts +1,
   * leased until {@code leaseUntil} (epoch ms). Empty when there is none (or all are being claimed
   * by other servers right now).
   */
  Optional<TaskRow> claim(Collection<String> suites, String owner, Instant at, long leaseUntil);

  /**
   * Renews the owner's lease and records progress; returns the task as it is then (with {@link
   * TaskRow#cancelRequested}), or empty when it is no more RUNNING under this owner (reaped, or
   * ended elsewhere).
   */
  Optional<TaskRow> heartbeat(
      long id, String owner, long leaseUntil, long testsDone, long testsFailed);

  /** Records the run of a task the owner holds; false when it does not hold it any more. */
  boolean runId(long id, String owner, long runId);

  /**
   * Ends a RUNNING task the owner holds; false (and nothing changed) when it does not hold it.
   *
   * @param state a terminal state's name
   */
  boolean finish(
      long id,
      String owner,
      String state,
      Long runId,
      String message,
      Instant at,
      long testsDone,
      long testsFailed);

  /** Ends a QUEUED task as CANCELLED; false when it was not queued any more. */
  boolean cancelQueued(long id, String message, Instant at);

  /** Asks the owner of a RUNNING task to stop it; false when it is not running. */
  boolean requestCancel(long id);

  /**
   * Reaps RUNNING tasks whose lease ended before {@code nowMillis}: back to QUEUED when they were
   * claimed fewer than {@code maxAttempts} times, else INTERRUPTED with {@code message}. Returns
   * the reaped tasks as they are now.
   *
   * @param exceptOwner a server whose tasks are left alone (the reaper's own, which it knows are
   *     alive: on SQLite a long write can delay their heartbeats), or null
   */
  List<TaskRow> reap(
      long nowMillis, int maxAttempts, String message, Instant at, String exceptOwner);

  /** How many tasks of a project are in a state. */
  record StateCount(String project, String state, long count) {}

  /** How many tasks are in each state, by project. */
  List<StateCount> countByState();
}
