package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.ReportMarkdown.Part;
import dev.evident.report.StatusReport.CategoryLine;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.Check;
import dev.evident.report.StatusReport.ErrorLine;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.FlakyTest;
import dev.evident.report.StatusReport.NextStep;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.ProgressSection;
import dev.evident.report.StatusReport.RootCauses;
import dev.evident.report.StatusReport.SkipReason;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.SuiteTime;
import dev.evident.report.StatusReport.Suspect;
import dev.evident.report.StatusReport.TimedTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Markdown of the report's sections after the headline and the change, within limits. */
final class ReportSections {

  private final StringBuilder out;
  private final Map<Part, Integer> limits;

  ReportSections(StringBuilder out, Map<Part, Integer> limits) {
    this.out = out;
    this.limits = limits;
  }

  void rootCauses(RootCauses r) {
    out.append("### Root causes (").append(Md.runs(r.runs())).append(")\n\n");
    if (r.failures() == 0) {
      out.append("No failed, errored or flaky test to diagnose.\n\n");
      return;
    }
    out.append(Numbers.count(r.failures()))
        .append(" failed, errored or flaky ")
        .append(r.failures() == 1 ? "test" : "tests")
        .append(" in ")
        .append(Numbers.count(r.causes().size(), "group", "groups"))
        .append(" by cause, the largest first.\n\n");
    int shown = Math.min(limits.get(Part.CAUSES), r.causes().size());
    int perCause = limits.get(Part.CAUSE_TESTS);
    for (int i = 0; i < shown; i++) {
      Cause c = r.causes().get(i);
      out.append("**")
          .append(i + 1)
          .append(". ")
          .append(c.category())
          .append(": ")
          .append(Numbers.count(c.count()))
          .append(" of ")
          .append(Numbers.count(r.failures()))
          .append(" (")
          .append(Numbers.percent(c.count(), r.failures()))
          .append(")**")
          .append(c.system() ? " · environment" : "")
          .append(" · group ")
          .append(Md.code(c.id().substring(0, Math.min(12, c.id().length()))))
          .append('\n');
      out.append("- Message: ").append(Md.code(c.message())).append('\n');
      if (!c.evidence().isEmpty() && !c.evidence().equals(c.message())) {
        out.append("- Evidence: ").append(Md.code(c.evidence())).append('\n');
      }
      if (!c.entities().isEmpty()) {
        List<String> entities = new ArrayList<>();
        new TreeMap<>(c.entities()).forEach((k, v) -> entities.add(Md.code(k + "=" + v)));
        out.append("- Entities: ").append(String.join(", ", entities)).append('\n');
      }
      if (!c.remediation().isEmpty()) {
        out.append("- What to do: ").append(Md.text(c.remediation())).append('\n');
      }
      if (!c.label().isEmpty()) {
        out.append("- Label: ").append(Md.text(c.label())).append('\n');
      }
      if (c.seenRuns() > 0) {
        out.append("- Seen before: in ")
            .append(Numbers.count(c.seenRuns(), "run", "runs"))
            .append(", first run ")
            .append(c.seenFirst())
            .append(", last run ")
            .append(c.seenLast())
            .append('\n');
      }
      List<String> tests = c.tests().subList(0, Math.min(perCause, c.tests().size()));
      out.append("- Tests: ").append(String.join(", ", tests.stream().map(Md::code).toList()));
      if (c.count() > tests.size()) {
        out.append(tests.isEmpty() ? "" : " ").append(Md.more(c.count() - tests.size(), ""));
      }
      out.append("\n\n");
    }
    if (r.causes().size() > shown) {
      long tests =
          r.causes().subList(shown, r.causes().size()).stream().mapToLong(Cause::count).sum();
      out.append(Md.more(r.causes().size() - shown, "causes"))
          .append(" (")
          .append(Numbers.count(tests, "test", "tests"))
          .append(").\n\n");
    }
  }

  void notExecuted(NotExecuted n) {
    Counts c = n.counts();
    out.append("### Not executed (").append(Md.runs(n.runs())).append(")\n\n");
    if (c.collected() == 0) {
      out.append("No test was collected.\n\n");
    } else {
      out.append(Numbers.count(c.executed()))
          .append(" of ")
          .append(Numbers.count(c.collected()))
          .append(" collected tests executed; ")
          .append(Numbers.count(c.skipped()))
          .append(" skipped.\n\n");
    }
    List<ErrorLine> blocked = n.blocked();
    if (!blocked.isEmpty()) {
      out.append("Missing requirements (").append(blocked.size()).append("): nothing was run.\n\n");
      for (ErrorLine e : blocked) {
        out.append("- ").append(Md.code(e.scope())).append(": ").append(Md.text(e.message()));
        if (!e.remediation().isEmpty()) {
          out.append(" → ").append(Md.text(e.remediation()));
        }
        out.append('\n');
      }
      out.append('\n');
    }
    List<ErrorLine> errors =
        n.errors().stream().filter(e -> !e.kind().equals("PREFLIGHT")).toList();
    if (!errors.isEmpty()) {
      out.append("Errors outside tests (").append(Numbers.count(errors.size())).append("):\n\n");
      out.append("| kind | scope | cause | message |\n|---|---|---|---|\n");
      int shown = Math.min(limits.get(Part.ERRORS), errors.size());
      for (ErrorLine e : errors.subList(0, shown)) {
        String scope = e.scope().isEmpty() ? "(whole run)" : e.scope();
        if (e.where() != null) {
          scope += " at " + e.where();
        }
        out.append("| ")
            .append(e.kind().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(Md.cell(Md.code(scope)))
            .append(" | ")
            .append(e.category())
            .append(" | ")
            .append(Md.cell(Md.code(e.message())))
            .append(" |\n");
      }
      out.append(
              errors.size() > shown ? "\n" + Md.more(errors.size() - shown, "errors") + "\n" : "")
          .append('\n');
    }
    if (!n.skipReasons().isEmpty()) {
      out.append("Skipped (")
          .append(Numbers.count(c.skipped()))
          .append(" of ")
          .append(Numbers.count(c.collected()))
          .append(" collected), by reason:\n\n");
      int shown = Math.min(limits.get(Part.SKIPS), n.skipReasons().size());
      for (SkipReason s : n.skipReasons().subList(0, shown)) {
        out.append("- ")
            .append(Numbers.count(s.count(), "test", "tests"))
            .append(": ")
            .append(s.reason().isEmpty() ? "no reason given" : Md.code(s.reason()));
        if (!s.example().isEmpty()) {
          out.append(" (")
              .append(s.count() == 1 ? "" : "e.g. ")
              .append(Md.code(s.example()))
              .append(')');
        }
        out.append('\n');
      }
      if (n.skipReasons().size() > shown) {
        long rest =
            n.skipReasons().subList(shown, n.skipReasons().size()).stream()
                .mapToLong(SkipReason::count)
                .sum();
        out.append("- ")
            .append(Md.more(n.skipReasons().size() - shown, "reasons"))
            .append(" (")
            .append(Numbers.count(rest, "test", "tests"))
            .append(")\n");
      }
      out.append('\n');
    }
    if (!n.problems().isEmpty()) {
      out.append("Problems reading the input (")
          .append(Numbers.count(n.problems().size()))
          .append("):\n\n");
      int shown = Math.min(limits.get(Part.PROBLEMS), n.problems().size());
      n.problems().subList(0, shown).forEach(p -> out.append("- ").append(Md.code(p)).append('\n'));
      if (n.problems().size() > shown) {
        out.append("- ").append(Md.more(n.problems().size() - shown, "")).append('\n');
      }
      out.append('\n');
    }
  }

  void nextSteps(List<NextStep> steps, long run) {
    out.append("### Next steps (run ").append(run).append(", by tests unblocked)\n\n");
    if (steps.isEmpty()) {
      out.append("No failure or error to act on.\n\n");
      return;
    }
    int shown = Math.min(limits.get(Part.STEPS), steps.size());
    for (int i = 0; i < shown; i++) {
      NextStep s = steps.get(i);
      out.append(i + 1).append(". ").append(Md.text(s.action())).append(" (");
      if (s.tests() < 0) {
        out.append(
            s.blocked().isEmpty()
                ? "kept the whole run from running"
                : "kept "
                    + String.join(", ", s.blocked().stream().limit(5).map(Md::code).toList())
                    + (s.blocked().size() > 5 ? " " + Md.more(s.blocked().size() - 5, "") : "")
                    + " from running");
      } else {
        out.append(Numbers.count(s.tests(), "test", "tests"));
      }
      out.append(")\n");
    }
    if (steps.size() > shown) {
      out.append(Md.more(steps.size() - shown, "steps")).append('\n');
    }
    out.append('\n');
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
