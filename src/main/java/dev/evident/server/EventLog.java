package dev.evident.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's live events, numbered from 1 in the order they happened, the newest {@link
 * #CAPACITY} kept in memory so that a client that reconnects with {@code Last-Event-ID} gets what
 * it missed. Ids are per server process: a restarted server starts again at 1. Thread safe.
 */
final class EventLog {

  /** Events kept for clients that reconnect. */
  static final int CAPACITY = 10_000;

  /**
   * One event.
   *
   * @param type {@code task} (a state change), {@code progress} (tests done while running), or
   *     {@code run} (a run was stored: an upload, a task's run, a CLI run into the same database)
   * @param task the task's id, or null
   * @param run the run's id, or null
   * @param json the event's data
   */
  record Event(long id, String type, String project, Long task, Long run, String json) {}

  private final ArrayDeque<Event> events = new ArrayDeque<>();
  private final List<Consumer<Event>> listeners = new ArrayList<>();
  private long last;

  synchronized Event append(String type, String project, Long task, Long run, String json) {
    Event e = new Event(++last, type, project, task, run, json);
    events.add(e);
    if (events.size() > CAPACITY) {
      events.poll();
    }
    for (Consumer<Event> l : listeners) {
      l.accept(e);
    }
    return e;
  }

  /**
   * Hands {@code listener} the kept events after {@code lastSeen} (none when null), then every new
   * one, in order, until the returned handle runs. Returns how many events after lastSeen were
   * dropped from the log before they could be handed on.
   */
  synchronized Subscription subscribe(Long lastSeen, Consumer<Event> listener) {
    long missed = 0;
    if (lastSeen != null) {
      long oldest = events.isEmpty() ? last + 1 : events.peek().id();
      missed = Math.max(0, oldest - lastSeen - 1);
      for (Event e : events) {
        if (e.id() > lastSeen) {
          listener.accept(e);
        }
      }
    }
    listeners.add(listener);
    return new Subscription(missed, () -> remove(listener));
  }

  private synchronized void remove(Consumer<Event> listener) {
    listeners.remove(listener);
  }

  /** A subscription: how many events it lost, and how to end it. */
  record Subscription(long missed, Runnable cancel) {}
}
