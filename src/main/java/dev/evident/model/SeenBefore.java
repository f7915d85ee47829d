package dev.evident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a failure (or one similar to it) occurred in earlier runs: "seen before in run 12 (7 times
 * since 2026-11-02)".
 *
 * @param firstRun the earliest run it failed in
 * @param firstSeen when that run ran
 * @param lastRun the latest run it failed in
 * @param lastSeen when that run ran
 * @param runs in how many runs it failed
 * @param failures how many failed results it had in those runs (a run may have several)
 */
public record SeenBefore(
    long firstRun, Instant firstSeen, long lastRun, Instant lastSeen, int runs, long failures) {

  public SeenBefore {
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (runs < 1 || failures < runs) {
      throw new IllegalArgumentException("runs " + runs + ", failures " + failures);
    }
  }
}
