package dev.evident.report;

import dev.evident.model.CategoryProgress;
import dev.evident.model.CategoryProgress.TargetCheck;
import dev.evident.model.Counts;
import dev.evident.model.ProgressReport;
import dev.evident.model.TestCategory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code evident progress}: a table of the categories in the run (target, tests,
 * executed, passed, failed, skipped, pass rate, verdict), the same over the runs before it, and how
 * many targets are met.
 */
public final class ProgressText {

  private static final String NONE = "-";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ProgressText() {}

  public static String render(ProgressReport report, String config) {
    StringBuilder out = new StringBuilder();
    out.append("Progress of run ")
        .append(report.run().id())
        .append(" (project ")
        .append(report.run().project())
        .append(") against ")
        .append(Numbers.count(report.categories().size(), "category", "categories"))
        .append(" in ")
        .append(config)
        .append("\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "category",
          "target",
          "tests",
          "executed",
          "passed",
          "failed",
          "skipped",
          "pass rate (of tests)",
          "verdict"
        });
    for (CategoryProgress c : report.categories()) {
      rows.add(row(c));
    }
    rows.add(row(report.uncategorised()));
    Table.write(out, rows);
    out.append('\n').append(summary(report)).append('\n');
    if (report.history().size() > 1) {
      out.append('\n').append(history(report));
    }
    return out.toString();
  }

  private static String[] row(CategoryProgress c) {
    Counts n = c.counts();
    TestCategory.Target target =
        c.category() == null ? TestCategory.Target.NONE : c.category().target();
    boolean none = n.collected() == 0;
    return new String[] {
      c.name(),
      target(target),
      target.tests() == null
          ? Numbers.count(n.collected())
          : Numbers.count(n.collected()) + " of " + Numbers.count(target.tests()),
      none ? NONE : Numbers.count(n.executed()),
      none
          ? NONE
          : Numbers.count(c.passed())
              + (n.flaky() > 0 ? " (" + Numbers.count(n.flaky()) + " flaky)" : ""),
      none
          ? NONE
          : Numbers.count(n.failed() + n.errored())
              + (n.errored() > 0 ? " (" + Numbers.count(n.errored()) + " errored)" : ""),
      none ? NONE : Numbers.count(n.skipped()),
      none
          ? NONE
          : Numbers.count(c.passed())
              + " of "
              + Numbers.count(n.collected())
              + " ("
              + Numbers.percent(c.passed(), n.collected())
              + ")",
      verdict(c)
    };
  }

  static String target(TestCategory.Target t) {
    List<String> parts = new ArrayList<>();
    if (t.tests() != null) {
      parts.add(Numbers.count(t.tests(), "test", "tests"));
    }
    if (t.passed() != null) {
      parts.add(Numbers.count(t.passed()) + " passed");
    }
    if (t.passRate() != null) {
      parts.add(rate(t.passRate()) + " passed");
    }
    return parts.isEmpty() ? NONE : String.join(", ", parts);
  }

  /** "met", "NOT MET: why", or "no target". */
  static String verdict(CategoryProgress c) {
    if (!c.hasTarget()) {
      return c.category() == null ? "" : "no target";
    }
    if (c.met()) {
      return "met";
    }
    List<String> why = new ArrayList<>();
    long exist = c.counts().collected();
    for (TargetCheck check : c.checks()) {
      if (check.met()) {
        continue;
      }
      switch (check.kind()) {
        case TESTS ->
            why.add(
                Numbers.count(exist)
                    + " of "
                    + Numbers.count((long) check.goal())
                    + " tests exist");
        case PASSED ->
            why.add(
                Numbers.count(check.actual())
                    + " of "
                    + Numbers.count((long) check.goal())
                    + " needed passed");
        case PASS_RATE -> {
          if (exist == 0) {
            if (c.checks().stream().noneMatch(k -> k.kind() == TargetCheck.Kind.TESTS)) {
              why.add("no tests exist");
            }
          } else {
            why.add(
                Numbers.percent(check.actual(), exist) + " passed, target " + rate(check.goal()));
          }
        }
      }
    }
    return "NOT MET: " + String.join("; ", why);
  }

  private static String summary(ProgressReport report) {
    long targeted = 0;
    long existing = 0;
    for (CategoryProgress c : report.categories()) {
      if (c.category().target().tests() != null) {
        targeted += c.category().target().tests();
        existing += Math.min(c.counts().collected(), c.category().target().tests());
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("Targets met: ")
        .append(report.met())
        .append(" of ")
        .append(Numbers.count(report.withTarget(), "category", "categories"))
        .append(" with a target.");
    if (targeted > 0) {
      s.append(" Tests toward the test-count targets: ")
          .append(Numbers.count(existing))
          .append(" of ")
          .append(Numbers.count(targeted))
          .append(" exist.");
    }
    if (report.inSeveral() > 0) {
      s.append(' ')
          .append(Numbers.count(report.inSeveral(), "test is", "tests are"))
          .append(" in more than one category and counted in each.");
    }
    return s.toString();
  }

  private static String history(ProgressReport report) {
    List<CategoryProgress> all = new ArrayList<>(report.categories());
    all.add(report.uncategorised());
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[all.size() + 2];
    header[0] = "run";
    header[1] = "started";
    for (int c = 0; c < all.size(); c++) {
      header[c + 2] = all.get(c).name();
    }
    rows.add(header);
    for (int r = 0; r < report.history().size(); r++) {
      String[] row = new String[all.size() + 2];
      CategoryProgress.RunCounts first = all.get(0).history().get(r);
      row[0] = Long.toString(first.run());
      row[1] = first.when() == null ? "" : WHEN.format(first.when());
      for (int c = 0; c < all.size(); c++) {
        Counts n = all.get(c).history().get(r).counts();
        row[c + 2] =
            n.collected() == 0
                ? NONE
                : Numbers.count(n.passed() + n.flaky()) + "/" + Numbers.count(n.collected());
      }
      rows.add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append("Over the last ")
        .append(report.history().size())
        .append(" runs, passed/tests (- where a category had no tests):\n");
    Table.write(out, rows);
    return out.toString();
  }

  private static String rate(double share) {
    double percent = share * 100;
    return percent == Math.rint(percent)
        ? String.format(Locale.ROOT, "%.0f%%", percent)
        : String.format(
            Locale.ROOT,
            "%s%%",
            java.math.BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString());
  }
}
