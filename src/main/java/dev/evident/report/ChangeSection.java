package dev.evident.report;

import dev.evident.model.Outcome;
import dev.evident.report.ReportMarkdown.Part;
import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.TestLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown of the change since the baseline: both runs' counts, then the buckets. */
final class ChangeSection {

  private ChangeSection() {}

  static void render(StringBuilder out, Change c, Map<Part, Integer> limits) {
    if (c.base() == null) {
      out.append("### Change\n\nNo baseline: ").append(Md.text(c.baseline())).append(".\n\n");
      return;
    }
    out.append("### Change since run ").append(c.base().id()).append("\n\n");
    out.append("Baseline: ")
        .append(Md.text(c.baseline()))
        .append(" (")
        .append(ReportMarkdown.describe(c.base()))
        .append(").\n\n");
    out.append("| | run ")
        .append(c.base().id())
        .append(" | run ")
        .append(c.runs().get(1))
        .append(" |\n");
    out.append("|---|---:|---:|\n");
    row(out, "collected", c.baseCounts().collected(), c.headCounts().collected(), -1, -1);
    row(
        out,
        "executed",
        c.baseCounts().executed(),
        c.headCounts().executed(),
        c.baseCounts().collected(),
        c.headCounts().collected());
    row(
        out,
        "passed",
        c.baseCounts().passed() + c.baseCounts().flaky(),
        c.headCounts().passed() + c.headCounts().flaky(),
        c.baseCounts().executed(),
        c.headCounts().executed());
    row(
        out,
        "failed or errored",
        c.baseCounts().failed() + c.baseCounts().errored(),
        c.headCounts().failed() + c.headCounts().errored(),
        c.baseCounts().executed(),
        c.headCounts().executed());
    row(
        out,
        "skipped",
        c.baseCounts().skipped(),
        c.headCounts().skipped(),
        c.baseCounts().collected(),
        c.headCounts().collected());
    out.append('\n');
    List<String> sizes = new ArrayList<>();
    for (BucketTests b : c.buckets()) {
      if (!b.tests().isEmpty()) {
        sizes.add(Numbers.count(b.tests().size()) + " " + title(b));
      }
    }
    out.append(
            sizes.isEmpty()
                ? "No test changed outcome, and none is slower or faster."
                : String.join(" · ", sizes))
        .append("\n\n");
    BucketTests fresh = c.bucket("newFailures");
    if (!fresh.tests().isEmpty()) {
      out.append("#### New failures (").append(Numbers.count(fresh.tests().size())).append(")\n\n");
      list(out, fresh.tests(), limits.get(Part.NEW_FAILURES), "new failures");
      out.append('\n');
    }
    for (BucketTests b : c.buckets()) {
      if (b.key().equals("newFailures") || b.tests().isEmpty()) {
        continue;
      }
      int limit = limits.get(Part.OTHER_BUCKETS);
      String title = Character.toUpperCase(b.title().charAt(0)) + b.title().substring(1);
      if (limit == 0) {
        continue; // counted in the line above
      }
      out.append("<details><summary>")
          .append(title)
          .append(" (")
          .append(Numbers.count(b.tests().size()))
          .append(")</summary>\n\n");
      list(out, b.tests(), limit, "");
      out.append("\n</details>\n\n");
    }
  }

  /** "1 new failure", "2 new failures": the bucket's title for its count. */
  private static String title(BucketTests b) {
    for (dev.evident.analyze.Bucket bucket : dev.evident.analyze.Bucket.values()) {
      if (bucket.key().equals(b.key())) {
        return bucket.title(b.tests().size());
      }
    }
    return b.title();
  }

  private static void row(
      StringBuilder out, String what, long base, long head, long baseOf, long headOf) {
    out.append("| ")
        .append(what)
        .append(" | ")
        .append(of(base, baseOf))
        .append(" | ")
        .append(of(head, headOf))
        .append(" |\n");
  }

  private static String of(long n, long whole) {
    return whole < 0 ? Numbers.count(n) : Numbers.count(n) + " of " + Numbers.count(whole);
  }

  private static void list(StringBuilder out, List<TestLine> tests, int limit, String what) {
    int shown = Math.min(limit, tests.size());
    for (TestLine t : tests.subList(0, shown)) {
      out.append("- ").append(Md.code(t.test())).append(' ').append(change(t));
      if (t.source() != null) {
        out.append(" (").append(Md.code(t.source().toString())).append(')');
      }
      if (!t.message().isEmpty()) {
        out.append(": ").append(Md.code(t.message()));
      }
      out.append('\n');
    }
    if (tests.size() > shown) {
      out.append("- ").append(Md.more(tests.size() - shown, what)).append('\n');
    }
  }

  private static String change(TestLine t) {
    if (t.after() == Outcome.PASSED && t.before() == Outcome.PASSED) {
      return Numbers.duration(Duration.ofNanos(t.beforeMicros() * 1000))
          + " → "
          + Numbers.duration(Duration.ofNanos(t.afterMicros() * 1000));
    }
    return (t.before() == null ? "(not in baseline)" : t.before().name())
        + " → "
        + (t.after() == null ? "(not in run)" : t.after().name());
  }
}
