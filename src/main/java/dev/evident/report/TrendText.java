package dev.evident.report;

import dev.evident.analyze.ProjectTrend;
import dev.evident.analyze.TestTrend;
import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code evident trend}: a project's runs in a table with their counts and test time,
 * the totals, and the tests that take the most time; or one test's outcome and duration per run.
 */
public final class TrendText {

  private TrendText() {}

  public static String render(ProjectTrend t) {
    StringBuilder out = new StringBuilder();
    List<ProjectTrend.RunPoint> runs = t.runs();
    out.append("Project ")
        .append(t.project())
        .append(" · ")
        .append(window(runs.stream().map(ProjectTrend.RunPoint::run).toList(), t.wholeHistory()));
    out.append("\n\n");
    row(
        out,
        "run",
        "when (UTC)",
        "status",
        "executed of collected",
        "passed of executed",
        "failed",
        "flaky",
        "test time");
    for (ProjectTrend.RunPoint p : runs) {
      Run r = p.run();
      Counts c = r.counts();
      row(
          out,
          Long.toString(r.id()),
          HistoryText.when(r),
          r.status().name(),
          HistoryText.of(c.executed(), c.collected()),
          passed(c),
          Numbers.count(c.failed() + c.errored()),
          Numbers.count(c.flaky()),
          p.testMicros() == 0 && c.executed() > 0 ? "n/a" : HistoryText.micros(p.testMicros()));
    }
    Counts total = t.total();
    out.append('\n').append("Over these ").append(Numbers.count(runs.size(), "run", "runs"));
    out.append(": ").append(statuses(t.statuses(), runs.size()));
    out.append("; passed ").append(share(total.passed() + total.flaky(), total.executed()));
    out.append(" executed results");
    if (total.flaky() > 0) {
      out.append(", ")
          .append(Numbers.count(total.flaky()))
          .append(" of them only on a rerun (flaky)");
    }
    out.append("; test time ").append(HistoryText.micros(t.totalMicros())).append('\n');
    if (!t.slowest().isEmpty() && t.totalMicros() > 0) {
      out.append('\n')
          .append("Slowest tests (their share of the ")
          .append(HistoryText.micros(t.totalMicros()))
          .append(" of test time in these runs):\n");
      int rank = 0;
      for (ProjectTrend.SlowTest s : t.slowest()) {
        out.append(HistoryText.padLeft(Integer.toString(++rank), 4))
            .append(". ")
            .append(HistoryText.padLeft(HistoryText.micros(s.totalMicros()), 11))
            .append("  ")
            .append(HistoryText.padLeft(Numbers.percent(s.totalMicros(), t.totalMicros()), 6))
            .append("  mean ")
            .append(HistoryText.pad(HistoryText.micros(s.meanMicros()), 10))
            .append(" in ")
            .append(HistoryText.pad(Numbers.count(s.runs(), "run", "runs"), 9))
            .append(' ')
            .append(t.test(s.test()))
            .append('\n');
      }
    }
    return out.toString();
  }

  public static String render(TestTrend t) {
    StringBuilder out = new StringBuilder();
    List<TestTrend.Point> points = t.points();
    out.append("Test ").append(t.test()).append(" · project ");
    out.append(points.get(0).run().project()).append(" · ");
    out.append(window(points.stream().map(TestTrend.Point::run).toList(), t.wholeHistory()));
    out.append("\n\n");
    out.append(HistoryText.pad("run", 7))
        .append("  ")
        .append(HistoryText.pad("when (UTC)", 16))
        .append("  outcome   duration\n");
    for (TestTrend.Point p : points) {
      out.append(HistoryText.pad(Long.toString(p.run().id()), 7))
          .append("  ")
          .append(HistoryText.when(p.run()))
          .append("  ")
          .append(HistoryText.pad(p.outcome() == null ? "absent" : p.outcome().name(), 8))
          .append("  ")
          .append(p.micros() < 0 ? "" : HistoryText.micros(p.micros()))
          .append('\n');
    }
    out.append('\n').append("In these ").append(Numbers.count(points.size(), "run", "runs"));
    out.append(": passed in ").append(share(t.passed(), t.executed()));
    out.append(" runs that executed it");
    if (t.count(Outcome.FLAKY) > 0) {
      out.append(", ")
          .append(Numbers.count(t.count(Outcome.FLAKY)))
          .append(" of them only on a rerun (flaky)");
    }
    out.append("; failed in ").append(Numbers.count(t.count(Outcome.FAILED)));
    out.append(", errored in ").append(Numbers.count(t.count(Outcome.ERRORED)));
    out.append(", skipped in ").append(Numbers.count(t.count(Outcome.SKIPPED)));
    out.append(", absent from ").append(Numbers.count(t.absent())).append('\n');
    long[] d = t.durations();
    if (d.length > 0) {
      long min = Long.MAX_VALUE;
      long max = 0;
      for (long m : d) {
        min = Math.min(min, m);
        max = Math.max(max, m);
      }
      out.append("Duration in the ")
          .append(Numbers.count(d.length, "run", "runs"))
          .append(" that recorded one: median ")
          .append(HistoryText.micros(t.medianMicros()))
          .append(", min ")
          .append(HistoryText.micros(min))
          .append(", max ")
          .append(HistoryText.micros(max))
          .append("; first ")
          .append(HistoryText.micros(d[0]))
          .append(", last ")
          .append(HistoryText.micros(d[d.length - 1]))
          .append('\n');
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out,
      String run,
      String when,
      String status,
      String executed,
      String passed,
      String failed,
      String flaky,
      String time) {
    out.append(HistoryText.pad(run, 7))
        .append("  ")
        .append(HistoryText.pad(when, 16))
        .append("  ")
        .append(HistoryText.pad(status, 11))
        .append("  ")
        .append(HistoryText.pad(executed, 21))
        .append("  ")
        .append(HistoryText.pad(passed, 25))
        .append("  ")
        .append(HistoryText.padLeft(failed, 7))
        .append("  ")
        .append(HistoryText.padLeft(flaky, 6))
        .append("  ")
        .append(time)
        .append('\n');
  }

  /** "the last 30 runs (runs 971 to 1,000)", or "all 3 runs (...)". */
  private static String window(List<Run> runs, boolean whole) {
    Run first = runs.get(0);
    Run last = runs.get(runs.size() - 1);
    String which =
        whole
            ? (runs.size() == 1 ? "its only run" : "all " + Numbers.count(runs.size()) + " runs")
            : "the last " + Numbers.count(runs.size(), "run", "runs");
    if (runs.size() == 1) {
      return which + " (run " + first.id() + ", " + HistoryText.when(first) + " UTC)";
    }
    return which
        + " (runs "
        + first.id()
        + " to "
        + last.id()
        + ", "
        + HistoryText.when(first)
        + " to "
        + HistoryText.when(last)
        + " UTC)";
  }

  /** "1,569 of 1,984 (79.1%)"; "0 of 0" has no percentage. */
  private static String share(long part, long whole) {
    String of = HistoryText.of(part, whole);
    return whole == 0 ? of : of + " (" + Numbers.percent(part, whole) + ")";
  }

  private static String passed(Counts c) {
    return c.executed() == 0
        ? "none executed"
        : HistoryText.of(c.passed() + c.flaky(), c.executed())
            + " ("
            + Numbers.percent(c.passed() + c.flaky(), c.executed())
            + ")";
  }

  private static String statuses(Map<RunStatus, Integer> statuses, int runs) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<RunStatus, Integer> e : statuses.entrySet()) {
      out.append(out.isEmpty() ? "" : ", ")
          .append(Numbers.count(e.getValue()))
          .append(" of ")
          .append(Numbers.count(runs))
          .append(' ')
          .append(e.getKey().name());
    }
    return out.toString();
  }
}
