package dev.evident.service;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * With {@code EVIDENT_TIMING} set: one line on stderr at each point a command reaches (in main, the
 * command started, the results read...), with the wall time since the launcher started (without the
 * launcher, since the JVM did, to the kernel's clock tick) and the CPU time used so far by the JVM
 * and by the thread. Otherwise nothing, at the cost of one field read. For finding where a
 * command's time goes (bench/run-overhead).
 */
public final class Timing {

  private static final boolean ON = System.getenv("EVIDENT_TIMING") != null;
  private static final long ZERO = ON ? zero() : 0;
  private static final PrintStream OUT = System.err;

  private Timing() {}

  /** Prints a line for the point {@code phase} names, when timing is on. */
  public static void mark(String phase) {
    if (!ON) {
      return;
    }
    long now = Instant.now().toEpochMilli() * 1000;
    long cpu =
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    long thread =
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
            / 1_000_000;
    OUT.printf(
        "evident timing: %6.1f ms wall, %5d ms cpu (%4d ms this thread)  %s  [%s]%n",
        (now - ZERO) / 1000.0, cpu, thread, phase, Thread.currentThread().getName());
  }

  /** The launcher's start (its EPOCHREALTIME, in seconds), else the JVM's, in microseconds. */
  private static long zero() {
    String launched = System.getenv("EVIDENT_LAUNCHED");
    if (launched != null && launched.matches("\\d+[.,]\\d+")) {
      String[] parts = launched.split("[.,]");
      return Long.parseLong(parts[0]) * 1_000_000
          + Long.parseLong((parts[1] + "000000").substring(0, 6));
    }
    return ProcessHandle.current()
            .info()
            .startInstant()
            .map(Instant::toEpochMilli)
            .orElse(System.currentTimeMillis())
        * 1000;
  }
}
