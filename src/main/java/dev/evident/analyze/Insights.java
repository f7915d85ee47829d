package dev.evident.analyze;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Metrics of a run over its project's recent history, as CTRF's insights define them, each with its
 * value one run earlier. The window is the run and the runs before it ({@code runsAnalyzed} in
 * all); the baseline window is the same number of runs ending one run earlier, the window the
 * previous report had. Rates are per result (a test in a run), over executed results: passRate is
 * passed and flaky over executed, failRate failed and errored over executed, flakyRate flaky over
 * executed; durations are in milliseconds. A metric without a denominator (no executed result, no
 * known duration) is absent, never 0.
 *
 * <p>Built from the run's results and then each run of the two windows, one at a time: memory is a
 * few numbers per test of the run, however many runs are read.
 */
public final class Insights {

  /** A metric now and one run earlier; the baseline is null when there was nothing to measure. */
  public record Metric(double current, Double baseline) {
    /** current − baseline, or null without a baseline. */
    public Double change() {
      return baseline == null ? null : current - baseline;
    }
  }

  /**
   * One test's insights; metrics are null when the test has no executed result (or no known
   * duration) in the window.
   */
  public record TestInsights(
      Metric passRate,
      Metric failRate,
      Metric flakyRate,
      Metric averageTestDuration,
      int executedInRuns) {}

  /** Where a run falls: the run itself, in both windows, or only in the baseline window. */
  public enum Part {
    /** The run the report is about: in the window, not in the baseline window. */
    HEAD,
    /** Earlier runs in both windows. */
    SHARED,
    /** The oldest run of the baseline window, not in the window. */
    TAIL
  }

  private final RunResults tests;
  private final Tally[] parts;
  private final int[][] executed;
  private final int[][] failed;
  private final int[][] flaky;
  private final int[][] timed;
  private final long[][] micros;
  private final int runs;
  private final boolean hasBaseline;

  private Insights(Builder b) {
    this.tests = b.tests;
    this.parts = b.parts;
    this.executed = b.executed;
    this.failed = b.failed;
    this.flaky = b.flaky;
    this.timed = b.timed;
    this.micros = b.micros;
    this.runs = b.parts[0].runs + b.parts[1].runs;
    this.hasBaseline = b.parts[1].runs + b.parts[2].runs > 0;
  }

  public static Builder builder(RunResults run) {
    return new Builder(run);
  }

  /** How many runs the window holds, the run itself included. */
  public int runsAnalyzed() {
    return runs;
  }

  public Metric passRate() {
    return rate(t -> t.executed - t.failed);
  }

  public Metric failRate() {
    return rate(t -> t.failed);
  }

  public Metric flakyRate() {
    return rate(t -> t.flaky);
  }

  /** The mean duration of the runs whose start and end are known. */
  public Metric averageRunDuration() {
    return metric(
        mean(parts[0].runMillis, parts[1].runMillis), mean(parts[1].runMillis, parts[2].runMillis));
  }

  /** The 95th percentile (nearest rank) of those run durations. */
  public Metric p95RunDuration() {
    return metric(
        p95(parts[0].runMillis, parts[1].runMillis), p95(parts[1].runMillis, parts[2].runMillis));
  }

  /** The mean duration of the results whose duration is known. */
  public Metric averageTestDuration() {
    Tally h = parts[0];
    Tally s = parts[1];
    Tally t = parts[2];
    return metric(
        ratio((h.micros + s.micros) / 1000.0, h.timed + s.timed),
        ratio((s.micros + t.micros) / 1000.0, s.timed + t.timed));
  }

  /** The insights of a test of the run, by its key in the run's results; null for another. */
  public TestInsights test(long key) {
    int i = tests.indexOf(key);
    if (i < 0) {
      return null;
    }
    int[] e = column(executed, i);
    int[] f = column(failed, i);
    int[] k = column(flaky, i);
    int[] n = column(timed, i);
    double[] us = {micros[0][i], micros[1][i], micros[2][i]};
    return new TestInsights(
        metric(
            ratio(e[0] + e[1] - f[0] - f[1], e[0] + e[1]),
            base(e[1] + e[2] - f[1] - f[2], e[1] + e[2])),
        metric(ratio(f[0] + f[1], e[0] + e[1]), base(f[1] + f[2], e[1] + e[2])),
        metric(ratio(k[0] + k[1], e[0] + e[1]), base(k[1] + k[2], e[1] + e[2])),
        metric(
            ratio((us[0] + us[1]) / 1000, n[0] + n[1]), base((us[1] + us[2]) / 1000, n[1] + n[2])),
        e[0] + e[1]);
  }

  private Double base(double part, long whole) {
    return hasBaseline ? ratio(part, whole) : null;
  }

  private static int[] column(int[][] parts, int i) {
    return new int[] {parts[0][i], parts[1][i], parts[2][i]};
  }

  private interface Count {
    long of(Tally t);
  }

  private Metric rate(Count count) {
    Tally h = parts[0];
    Tally s = parts[1];
    Tally t = parts[2];
    return metric(
        ratio(count.of(h) + count.of(s), h.executed + s.executed),
        hasBaseline ? ratio(count.of(s) + count.of(t), s.executed + t.executed) : null);
  }

  private static Metric metric(Double current, Double baseline) {
    return current == null ? null : new Metric(current, baseline);
  }

  private static Double ratio(double part, long whole) {
    return whole == 0 ? null : part / whole;
  }

  private static Double mean(List<Long> a, List<Long> b) {
    long sum = 0;
    for (long v : a) {
      sum += v;
    }
    for (long v : b) {
      sum += v;
    }
    return ratio(sum, a.size() + b.size());
  }

  private static Double p95(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    if (all.isEmpty()) {
      return null;
    }
    all.sort(null);
    int rank = (int) Math.ceil(0.95 * all.size());
    return (double) all.get(rank - 1);
  }

  /** Counts of one part of the windows. */
  private static final class Tally {
    int runs;
    long executed;
    long failed;
    long flaky;
    long timed;
    long micros;
    final List<Long> runMillis = new ArrayList<>();
  }

  /** Reads the runs of the windows one at a time. */
  public static final class Builder {
    private final RunResults tests;
    private final Tally[] parts = {new Tally(), new Tally(), new Tally()};
    private final int[][] executed;
    private final int[][] failed;
    private final int[][] flaky;
    private final int[][] timed;
    private final long[][] micros;

    private Builder(RunResults tests) {
      this.tests = tests;
      int n = tests.size();
      executed = new int[3][n];
      failed = new int[3][n];
      flaky = new int[3][n];
      timed = new int[3][n];
      micros = new long[3][n];
    }

    /** Adds one run of the windows with its results; the run itself comes as {@link Part#HEAD}. */
    public Builder add(Run run, RunResults results, Part part) {
      int p = part.ordinal();
      Tally t = parts[p];
      t.runs++;
      if (run.started() != null && run.finished() != null) {
        t.runMillis.add(Duration.between(run.started(), run.finished()).toMillis());
      }
      for (int r = 0; r < results.size(); r++) {
        Outcome o = results.outcome(r);
        if (!o.executed()) {
          continue;
        }
        boolean bad = o.broken();
        boolean isFlaky = o == Outcome.FLAKY;
        long us = results.micros(r);
        t.executed++;
        t.failed += bad ? 1 : 0;
        t.flaky += isFlaky ? 1 : 0;
        if (us >= 0) {
          t.timed++;
          t.micros += us;
        }
        int i = tests.indexOf(results.test(r));
        if (i >= 0) {
          executed[p][i]++;
          failed[p][i] += bad ? 1 : 0;
          flaky[p][i] += isFlaky ? 1 : 0;
          if (us >= 0) {
            timed[p][i]++;
            micros[p][i] += us;
          }
        }
      }
      return this;
    }

    public Insights build() {
      return new Insights(this);
    }
  }
}
