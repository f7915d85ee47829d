package dev.evident.analyze;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project over its last runs: each run's counts and test time, the totals over the window, and
 * the tests that took the most time in it.
 *
 * @param project the project
 * @param runs the runs of the window, oldest first
 * @param wholeHistory whether the window holds every run of the project
 * @param totalMicros the sum of every known test duration in the window
 * @param slowest the tests with the largest summed duration over the window, largest first
 * @param tests the identities of the slowest tests, by key, when known
 */
public record ProjectTrend(
    String project,
    List<RunPoint> runs,
    boolean wholeHistory,
    long totalMicros,
    List<SlowTest> slowest,
    Map<Long, TestId> tests) {

  public ProjectTrend {
    Objects.requireNonNull(project, "project");
    runs = List.copyOf(runs);
    slowest = List.copyOf(slowest);
    tests = Map.copyOf(tests);
  }

  /** The same trend with the identities of its slowest tests. */
  public ProjectTrend withTests(Map<Long, TestId> tests) {
    return new ProjectTrend(project, runs, wholeHistory, totalMicros, slowest, tests);
  }

  /** The identity of a test; a placeholder when the store had no name. */
  public TestId test(long key) {
    TestId id = tests.get(key);
    return id != null ? id : new TestId("", "test #" + key);
  }

  /**
   * One run of the window.
   *
   * @param run the run (its counts are the stored ones)
   * @param testMicros the sum of its tests' known durations
   */
  public record RunPoint(Run run, long testMicros) {}

  /**
   * A test's time over the window.
   *
   * @param test the test's key (the store's test ref)
   * @param totalMicros its summed known durations
   * @param runs the runs in which its duration was known
   * @param maxMicros its longest duration
   */
  public record SlowTest(long test, long totalMicros, int runs, long maxMicros) {
    /** Its mean duration over the runs in which it was known. */
    public long meanMicros() {
      return runs == 0 ? 0 : totalMicros / runs;
    }
  }

  /** The counts of every run of the window added up: results, not tests. */
  public Counts total() {
    Counts total = Counts.ZERO;
    for (RunPoint p : runs) {
      total = total.plus(p.run().counts());
    }
    return total;
  }

  /** How many runs of the window had each status, in status order. */
  public Map<dev.evident.model.RunStatus, Integer> statuses() {
    Map<dev.evident.model.RunStatus, Integer> statuses =
        new java.util.EnumMap<>(dev.evident.model.RunStatus.class);
    runs.forEach(p -> statuses.merge(p.run().status(), 1, Integer::sum));
    return statuses;
  }

  /** Collects the results of the runs of a window, one run after the other. */
  public static final class Builder {
    private final String project;
    private final List<RunPoint> runs = new ArrayList<>();
    private final TestTimes times = new TestTimes(1024);
    private Run current;
    private long currentMicros;

    public Builder(String project) {
      this.project = Objects.requireNonNull(project, "project");
    }

    /** Starts the next run; its results follow through {@link #add}. */
    public Builder run(Run run) {
      finishRun();
      current = Objects.requireNonNull(run, "run");
      currentMicros = 0;
      return this;
    }

    /** One result of the current run. */
    public void add(long test, Outcome outcome, long micros) {
      if (current == null) {
        throw new IllegalStateException("add a run before its results");
      }
      if (micros < 0) {
        return;
      }
      currentMicros += micros;
      times.add(test, micros);
    }

    private void finishRun() {
      if (current != null) {
        runs.add(new RunPoint(current, currentMicros));
        current = null;
      }
    }

    /**
     * The trend, its runs oldest first whatever order they came in.
     *
     * @param wholeHistory whether these are all the project's runs
     * @param slowest how many of the slowest tests to keep
     */
    public ProjectTrend build(boolean wholeHistory, int slowest) {
      finishRun();
      List<RunPoint> ordered = new ArrayList<>(runs);
      ordered.sort(Comparator.comparingLong(p -> p.run().id()));
      long total = 0;
      for (RunPoint p : ordered) {
        total += p.testMicros();
      }
      List<SlowTest> slow = times.largest(Math.max(0, slowest));
      return new ProjectTrend(project, ordered, wholeHistory, total, slow, Map.of());
    }
  }
}
