package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.ReportMarkdown.Part;
import dev.evident.report.StatusReport.CategoryLine;
import dev.evident.report.StatusReport.Check;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.FlakyTest;
import dev.evident.report.StatusReport.ProgressSection;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.SuiteTime;
import dev.evident.report.StatusReport.Suspect;
import dev.evident.report.StatusReport.TimedTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Markdown of the sections over history and time: flaky, quarantined and suspicious tests,
 * progress toward targets, slowest tests; within limits.
 */
final class ReportHistorySections {

  private final StringBuilder out;
  private final Map<Part, Integer> limits;

  ReportHistorySections(StringBuilder out, Map<Part, Integer> limits) {
    this.out = out;
    this.limits = limits;
  }

  void flaky(FlakyAndSuspicious f, long run) {
    out.append("### Flaky, quarantined and suspicious tests\n\n");
    int limit = limits.get(Part.FLAKY);
    out.append("- Failed, then passed on a rerun in run ")
        .append(run)
        .append(": ")
        .append(Numbers.count(f.flakyInRun().size(), "test", "tests"));
    names(f.flakyInRun(), limit);
    out.append("- Scored flaky over ")
        .append(Md.runs(f.window()))
        .append(": ")
        .append(
            f.scored() == 0
                ? "no test to score"
                : Numbers.count(f.flakyTests().size())
                    + " of "
                    + Numbers.count(f.scored(), "test", "tests"))
        .append('\n');
    for (FlakyTest t : f.flakyTests().subList(0, Math.min(limit, f.flakyTests().size()))) {
      out.append("  - ")
          .append(Md.code(t.test()))
          .append(" score ")
          .append(String.format(java.util.Locale.ROOT, "%.2f", t.score()))
          .append(" over ")
          .append(Numbers.count(t.runs(), "run", "runs"));
      if (!t.reasons().isEmpty()) {
        out.append(": ").append(Md.text(String.join("; ", t.reasons())));
      }
      if (!t.quarantine().isEmpty()) {
        out.append(" (quarantined: ").append(Md.text(t.quarantine())).append(')');
      }
      out.append('\n');
    }
    if (f.flakyTests().size() > limit) {
      out.append("  - ").append(Md.more(f.flakyTests().size() - limit, "")).append('\n');
    }
    out.append("- Quarantined among the failed and errored tests of run ")
        .append(run)
        .append(": ")
        .append(Numbers.count(f.quarantinedFailures()));
    names(new ArrayList<>(new TreeMap<>(f.quarantined()).keySet()), limit);
    int suspects = limits.get(Part.SUSPECTS);
    out.append("- Suspicious in ")
        .append(Md.runs(f.suspectRuns()))
        .append(": ")
        .append(Numbers.count(f.suspects().size(), "flag", "flags"))
        .append('\n');
    for (Suspect s : f.suspects().subList(0, Math.min(suspects, f.suspects().size()))) {
      out.append("  - ")
          .append(s.kind())
          .append(' ')
          .append(Md.code(s.subject()))
          .append(": ")
          .append(Md.text(s.reason()))
          .append('\n');
    }
    if (f.suspects().size() > suspects) {
      out.append("  - ").append(Md.more(f.suspects().size() - suspects, "")).append('\n');
    }
    out.append('\n');
  }

  private void names(List<String> names, int limit) {
    int shown = Math.min(limit, names.size());
    if (shown > 0) {
      out.append(": ")
          .append(String.join(", ", names.subList(0, shown).stream().map(Md::code).toList()));
    }
    if (names.size() > shown) {
      out.append(shown > 0 ? " " : ", ").append(Md.more(names.size() - shown, ""));
    }
    out.append('\n');
  }

  void progress(ProgressSection p) {
    out.append("### Progress toward targets (")
        .append(Md.text(p.config()))
        .append(", ")
        .append(Md.runs(p.runs()))
        .append(")\n\n");
    out.append(Numbers.count(p.met()))
        .append(" of ")
        .append(Numbers.count(p.withTarget()))
        .append(" categories with a target meet it.\n\n");
    int shown = Math.min(limits.get(Part.CATEGORIES), p.categories().size());
    if (shown > 0) {
      out.append(
          "| category | tests | executed | passed | target | met |\n|---|---:|---:|---:|---|---|\n");
    }
    for (CategoryLine c : p.categories().subList(0, shown)) {
      Counts n = c.counts();
      long passed = n.passed() + n.flaky();
      String before =
          c.first() == null
              ? ""
              : " (was " + Numbers.count(c.first().passed() + c.first().flaky()) + ")";
      out.append("| ")
          .append(Md.cell(Md.text(c.name())))
          .append(" | ")
          .append(Numbers.count(n.collected()))
          .append(" | ")
          .append(Numbers.count(n.executed()))
          .append(" of ")
          .append(Numbers.count(n.collected()))
          .append(" | ")
          .append(Numbers.count(passed))
          .append(" of ")
          .append(Numbers.count(n.collected()))
          .append(before)
          .append(" | ")
          .append(target(c.checks()))
          .append(" | ")
          .append(c.checks().isEmpty() ? "no target" : c.met() ? "yes" : "no")
          .append(" |\n");
    }
    if (p.categories().size() > shown) {
      out.append('\n').append(Md.more(p.categories().size() - shown, "categories")).append('\n');
    }
    out.append('\n');
  }

  private static String target(List<Check> checks) {
    List<String> parts = new ArrayList<>();
    for (Check c : checks) {
      parts.add(
          switch (c.kind()) {
            case "tests" ->
                "at least "
                    + Numbers.count((long) c.goal())
                    + " tests ("
                    + Numbers.count(c.actual())
                    + ")";
            case "passed" ->
                "at least "
                    + Numbers.count((long) c.goal())
                    + " passed ("
                    + Numbers.count(c.actual())
                    + ")";
            default ->
                String.format(java.util.Locale.ROOT, "pass rate %.1f%%", c.goal() * 100)
                    + " ("
                    + Numbers.count(c.actual())
                    + " of "
                    + Numbers.count(c.of())
                    + (c.of() > 0 ? ", " + Numbers.percent(c.actual(), c.of()) : "")
                    + ")";
          });
    }
    return parts.isEmpty() ? "" : String.join("; ", parts);
  }

  void slowest(Slowest s) {
    out.append("### Slowest tests and time per suite (").append(Md.runs(s.runs())).append(")\n\n");
    if (s.timed() == 0) {
      out.append("No test duration was reported.\n\n");
      return;
    }
    out.append("Known durations: ")
        .append(Numbers.count(s.timed()))
        .append(" of ")
        .append(Numbers.count(s.executed()))
        .append(" executed tests, ")
        .append(duration(s.totalMicros()))
        .append(" in all.\n\n");
    int tests = Math.min(limits.get(Part.SLOW_TESTS), s.tests().size());
    if (tests > 0) {
      out.append("| test | outcome | time | share of known time |\n|---|---|---:|---:|\n");
      for (TimedTest t : s.tests().subList(0, tests)) {
        out.append("| ")
            .append(Md.cell(Md.code(t.test())))
            .append(" | ")
            .append(t.outcome().name())
            .append(" | ")
            .append(duration(t.micros()))
            .append(" | ")
            .append(Numbers.percent(t.micros(), s.totalMicros()))
            .append(" |\n");
      }
      out.append('\n');
    }
    int suites = Math.min(limits.get(Part.SUITES), s.suites().size());
    if (suites > 0) {
      out.append("| suite | tests | time | share of known time |\n|---|---:|---:|---:|\n");
      for (SuiteTime t : s.suites().subList(0, suites)) {
        out.append("| ")
            .append(Md.cell(Md.code(t.suite().isEmpty() ? "(no suite)" : t.suite())))
            .append(" | ")
            .append(Numbers.count(t.tests()))
            .append(" | ")
            .append(duration(t.micros()))
            .append(" | ")
            .append(Numbers.percent(t.micros(), s.totalMicros()))
            .append(" |\n");
      }
      if (s.suites().size() > suites) {
        out.append('\n').append(Md.more(s.suites().size() - suites, "suites")).append('\n');
      }
      out.append('\n');
    }
  }

  private static String duration(long micros) {
    return micros < 1000 && micros > 0
        ? micros + " µs"
        : Numbers.duration(Duration.ofNanos(micros * 1000));
  }
}
