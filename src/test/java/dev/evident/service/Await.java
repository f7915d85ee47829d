package dev.evident.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, looking every 20 ms; fails naming what it waited for. */
public final class Await {

  private Await() {}

  /** Returns the first value {@code probe} gives that is not null, or fails after {@code limit}. */
  public static <T> T until(String what, Duration limit, Supplier<T> probe) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + limit + " for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  public static void until(String what, Duration limit, java.util.function.BooleanSupplier test) {
    until(what, limit, () -> test.getAsBoolean() ? Boolean.TRUE : null);
  }
}
