package dev.evident.report;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestFlakiness.Verdict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The plain text {@code evident flaky} prints. */
public final class FlakyText {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FlakyText() {}

  /** The report; {@code all} lists recovered and watched tests instead of counting them. */
  public static String render(FlakinessReport r, boolean all) {
    StringBuilder out = new StringBuilder();
    int flaky = r.count(Verdict.FLAKY);
    int withVerdict = r.total() - r.count(Verdict.TOO_FEW_RUNS);
    out.append(flaky == 0 ? "No flaky tests in project " : "Flaky tests of project ")
        .append(r.project())
        .append(": ")
        .append(Numbers.count(flaky))
        .append(" of ")
        .append(Numbers.count(withVerdict, "test", "tests"))
        .append(" with a verdict\n");
    out.append(window(r)).append('\n');
    if (!r.outages().isEmpty()) {
      out.append(outages(r.outages())).append('\n');
    }
    section(out, "Flaky", r.with(Verdict.FLAKY));
    List<TestFlakiness> recovered = r.with(Verdict.RECOVERED);
    List<TestFlakiness> watch = r.with(Verdict.WATCH);
    if (all) {
      section(out, "Recovered", recovered);
      section(out, "Watch (some evidence, below the threshold)", watch);
    }
    out.append('\n');
    if (!all && !recovered.isEmpty()) {
      out.append("Recovered: ")
          .append(Numbers.count(recovered.size(), "test", "tests"))
          .append(" flaky earlier in the window, consistent for ")
          .append(r.settings().recoveryRuns())
          .append(" runs or more since (--all lists them)\n");
    }
    if (!all && !watch.isEmpty()) {
      out.append("Watch: ")
          .append(Numbers.count(watch.size(), "test", "tests"))
          .append(" with some evidence of flakiness, scoring below ")
          .append(score(r.settings().threshold()))
          .append(" (--all lists them)\n");
    }
    out.append("Not flaky: ")
        .append(Numbers.count(r.count(Verdict.CONSISTENT)))
        .append(" with one outcome throughout, ")
        .append(Numbers.count(r.count(Verdict.CHANGED)))
        .append(" that changed once (broke or were fixed)");
    if (r.count(Verdict.TOO_FEW_RUNS) > 0) {
      out.append("; no verdict for ")
          .append(Numbers.count(r.count(Verdict.TOO_FEW_RUNS)))
          .append(" with fewer than ")
          .append(r.settings().minRuns())
          .append(" runs (skipped, new or gone)");
    }
    out.append(".\n");
    return out.toString();
  }

  private static String window(FlakinessReport r) {
    FlakySettings s = r.settings();
    List<Long> runs = r.runs();
    StringBuilder line = new StringBuilder("Window: ");
    if (runs.isEmpty()) {
      line.append("no runs");
    } else {
      line.append(runs.size() < s.window() ? "all " : "the last ")
          .append(Numbers.count(runs.size(), "run", "runs"))
          .append(" (")
          .append(runs.size() == 1 ? "run " + runs.get(0) : runs.get(0) + " to " + runs.getLast())
          .append(')');
    }
    if (!r.outages().isEmpty()) {
      line.append(", ")
          .append(Numbers.count(r.outages().size(), "outage", "outages"))
          .append(" left out");
    }
    return line.append("; a verdict needs ")
        .append(s.minRuns())
        .append(" runs; flaky from score ")
        .append(score(s.threshold()))
        .append("; recovered after ")
        .append(s.recoveryRuns())
        .append(" consistent runs")
        .toString();
  }

  private static String outages(List<FlakinessReport.Outage> outages) {
    StringBuilder line = new StringBuilder("Outages (most tests failed for one cause): ");
    line.append(outages.size() == 1 ? "run " : "runs ");
    int shown = Math.min(10, outages.size());
    for (int i = 0; i < shown; i++) {
      line.append(i == 0 ? "" : ", ").append(outages.get(i).run());
    }
    if (outages.size() > shown) {
      line.append(" and ").append(outages.size() - shown).append(" more");
    }
    FlakinessReport.Outage last = outages.getLast();
    return line.append(outages.size() == 1 ? " (" : "; the newest, run " + last.run() + " (")
        .append(Numbers.count(last.failed()))
        .append(" of ")
        .append(Numbers.count(last.executed()))
        .append(" executed tests failed, ")
        .append(Numbers.count(last.sharedCause()))
        .append(" with ")
        .append(truncate(last.cause(), 100))
        .append(')')
        .toString();
  }

  private static void section(StringBuilder out, String title, List<TestFlakiness> tests) {
    if (tests.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(" (").append(Numbers.count(tests.size())).append("):\n");
    for (TestFlakiness t : tests) {
      out.append("  ").append(score(t.score())).append("  ").append(t.test());
      if (t.quarantine() != null) {
        out.append("  (quarantined")
            .append(t.quarantine().isEmpty() ? "" : ": " + t.quarantine())
            .append(')');
      }
      out.append('\n');
      out.append("        ").append(String.join("; ", t.reasons())).append('\n');
      if (t.lastSeen() > 0) {
        out.append("        last seen in run ").append(t.lastSeen());
        if (t.lastSeenAt() != null) {
          out.append(" (").append(DATE.format(t.lastSeenAt())).append(')');
        }
        out.append('\n');
      }
    }
  }

  /** A score as printed: two decimals. */
  static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
