package dev.evident.service;

import dev.evident.store.TaskRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands task changes to subscribers, each change once and in order: a row is delivered only when
 * its version is newer than the last one a subscriber got, so that changes seen by two threads (a
 * heartbeat, the worker ending the task, a poll of the store) never go backwards. Thread safe.
 */
final class TaskListeners {

  private final Map<Long, List<Subscription>> byTask = new HashMap<>();
  private final List<Subscription> all = new CopyOnWriteArrayList<>();

  private final class Subscription implements AutoCloseable {
    private final Long task;
    private final Consumer<TaskRow> listener;
    private final Map<Long, Long> delivered = new HashMap<>();
    private final java.util.ArrayDeque<Long> ended = new java.util.ArrayDeque<>();

    Subscription(Long task, Consumer<TaskRow> listener) {
      this.task = task;
      this.listener = listener;
    }

    synchronized void deliver(TaskRow row) {
      Long last = delivered.get(row.id());
      if (last != null && last >= row.version()) {
        return;
      }
      boolean terminal = TaskState.valueOf(row.state()).terminal();
      delivered.put(row.id(), terminal ? Long.MAX_VALUE : row.version());
      if (terminal) {
        // Ended tasks are remembered (against late duplicates) boundedly.
        ended.add(row.id());
        if (ended.size() > 10_000) {
          delivered.remove(ended.poll());
        }
      }
      try {
        listener.accept(row);
      } catch (RuntimeException e) {
        // A failing listener must not stop the worker that reports the change.
      }
    }

    @Override
    public void close() {
      if (task == null) {
        all.remove(this);
      } else {
        synchronized (byTask) {
          List<Subscription> list = byTask.get(task);
          if (list != null) {
            list.remove(this);
            if (list.isEmpty()) {
              byTask.remove(task);
            }
          }
        }
      }
    }
  }

  AutoCloseable subscribe(long task, Consumer<TaskRow> listener) {
    Subscription s = new Subscription(task, listener);
    synchronized (byTask) {
      byTask.computeIfAbsent(task, k -> new ArrayList<>()).add(s);
    }
    return s;
  }

  AutoCloseable subscribeAll(Consumer<TaskRow> listener) {
    Subscription s = new Subscription(null, listener);
    all.add(s);
    return s;
  }

  /** The ids of tasks someone follows: polled from the store for changes other servers make. */
  List<Long> followed() {
    synchronized (byTask) {
      return List.copyOf(byTask.keySet());
    }
  }

  void publish(TaskRow row) {
    List<Subscription> targets;
    synchronized (byTask) {
      targets = new ArrayList<>(byTask.getOrDefault(row.id(), List.of()));
    }
    for (Subscription s : targets) {
      s.deliver(row);
    }
    for (Subscription s : all) {
      s.deliver(row);
    }
  }
}
