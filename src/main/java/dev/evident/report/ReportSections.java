package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.report.ReportMarkdown.Part;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.ErrorLine;
import dev.evident.report.StatusReport.NextStep;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.RootCauses;
import dev.evident.report.StatusReport.SkipReason;
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

  /**
   * The causes of the failed tests; {@code errorsOutside}: how many errors outside tests the run
   * has, whose causes are under "Not executed".
   */
  void rootCauses(RootCauses r, int errorsOutside) {
    out.append("### Root causes (").append(Md.runs(r.runs())).append(")\n\n");
    if (r.failures() == 0) {
      out.append("No failed, errored or flaky test to diagnose")
          .append(
              errorsOutside == 0
                  ? ".\n\n"
                  : "; the cause of each error outside tests is under Not executed.\n\n");
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
}
