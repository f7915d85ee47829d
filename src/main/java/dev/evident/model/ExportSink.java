package dev.evident.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Receives a whole stored run for an export, suite by suite: each suite as it starts, then its
 * results. Called on one thread.
 */
public interface ExportSink {

  /**
   * A suite of a run, as it starts.
   *
   * @param name the suite's name
   * @param counts its counts
   * @param duration its duration, or null when unknown
   * @param started when it started, or null when unknown
   */
  record Suite(String name, Counts counts, Duration duration, Instant started) {
    public Suite {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(counts, "counts");
    }
  }

  /** A suite starts; its results follow. */
  void suite(Suite suite);

  /**
   * A result of the suite last started.
   *
   * @param testRef the store's reference of the test, stable across the runs of its project
   * @param result the result with its failure, earlier attempts and source; no output or tags
   */
  void result(long testRef, TestResult result);
}
