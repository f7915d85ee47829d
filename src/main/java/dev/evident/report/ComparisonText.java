package dev.evident.report;

import dev.evident.analyze.Bucket;
import dev.evident.analyze.Comparison;
import dev.evident.analyze.DurationRule;
import dev.evident.analyze.RunComparison;
import dev.evident.analyze.TestChange;
import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code evident compare}: both runs, their counts side by side with their
 * denominators, then each bucket with its count and its first tests.
 */
public final class ComparisonText {

  private ComparisonText() {}

  /** Renders a comparison, listing up to {@code max} tests of each bucket. */
  public static String render(RunComparison rc, int max) {
    Comparison c = rc.comparison();
    StringBuilder out = new StringBuilder();
    out.append("Compared run ")
        .append(rc.head().id())
        .append(" (head) with run ")
        .append(rc.base().id())
        .append(" (base) · project ")
        .append(rc.head().project());
    if (rc.acrossProjects()) {
      out.append(" with project ")
          .append(rc.base().project())
          .append(" (tests matched by suite, name and parameters)");
    }
    out.append('\n');
    out.append("  base  ").append(HistoryText.identity(rc.base()));
    out.append(" · ").append(rc.base().status()).append('\n');
    out.append("  head  ").append(HistoryText.identity(rc.head()));
    out.append(" · ").append(rc.head().status()).append('\n');
    counts(out, c.base(), c.head());
    out.append("  test time  ");
    if (c.baseMicros() == 0 && c.headMicros() == 0) {
      out.append("no durations recorded\n");
    } else {
      out.append(HistoryText.micros(c.baseMicros()))
          .append(" → ")
          .append(HistoryText.micros(c.headMicros()))
          .append(" (")
          .append(HistoryText.microsDelta(c.headMicros() - c.baseMicros()))
          .append(", the sum of the tests' durations)\n");
    }
    out.append('\n').append("Changes: ");
    String sep = "";
    for (Bucket b : Bucket.values()) {
      out.append(sep)
          .append(Numbers.count(c.tests(b).size()))
          .append(' ')
          .append(b.title(c.tests(b).size()));
      sep = " · ";
    }
    out.append('\n');
    for (Bucket b : Bucket.values()) {
      List<TestChange> tests = c.tests(b);
      if (tests.isEmpty()) {
        continue;
      }
      out.append('\n')
          .append(capitalized(b.title()))
          .append(" (")
          .append(Numbers.count(tests.size()))
          .append("): ")
          .append(meaning(b, c.rule()))
          .append('\n');
      List<TestChange> shown = rc.ordered(b);
      List<TestChange> listed = shown.subList(0, Math.min(max, shown.size()));
      int width =
          Math.min(
              80,
              listed.stream().mapToInt(t -> rc.test(t.test()).toString().length()).max().orElse(0));
      for (TestChange t : listed) {
        out.append("  ")
            .append(HistoryText.pad(rc.test(t.test()).toString(), width))
            .append("  ")
            .append(change(b, t))
            .append('\n');
      }
      if (shown.size() > max) {
        out.append("  and ").append(Numbers.count(shown.size() - max)).append(" more\n");
      }
    }
    return out.toString();
  }

  private static void counts(StringBuilder out, Counts base, Counts head) {
    line(out, "collected", base.collected(), -1, head.collected(), -1);
    line(out, "executed", base.executed(), base.collected(), head.executed(), head.collected());
    line(out, "passed", base.passed(), base.executed(), head.passed(), head.executed());
    line(out, "failed", base.failed(), base.executed(), head.failed(), head.executed());
    line(out, "errored", base.errored(), base.executed(), head.errored(), head.executed());
    line(out, "flaky", base.flaky(), base.executed(), head.flaky(), head.executed());
    line(out, "skipped", base.skipped(), base.collected(), head.skipped(), head.collected());
    out.append("  pass rate  ")
        .append(HistoryText.rate(base.passed() + base.flaky(), base.executed()))
        .append(" → ")
        .append(HistoryText.rate(head.passed() + head.flaky(), head.executed()))
        .append('\n');
  }

  /** "passed 0 of 18 → 1 of 18 (+1)": counts with denominators, the change as a count. */
  private static void line(
      StringBuilder out, String what, long base, long baseOf, long head, long headOf) {
    out.append("  ").append(HistoryText.pad(what, 9)).append("  ");
    out.append(baseOf < 0 ? Numbers.count(base) : HistoryText.of(base, baseOf));
    out.append(" → ");
    out.append(headOf < 0 ? Numbers.count(head) : HistoryText.of(head, headOf));
    if (head != base) {
      out.append(" (").append(HistoryText.delta(head - base)).append(')');
    }
    out.append('\n');
  }

  private static String meaning(Bucket b, DurationRule rule) {
    return switch (b) {
      case NEW_FAILURE -> "failed or errored now; passed, flaky, skipped or absent before";
      case FIXED -> "failed or errored before; passed now (flaky: on a rerun)";
      case STILL_FAILING -> "failed or errored in both runs";
      case NEW_TEST -> "not in the base run";
      case REMOVED -> "not in the head run";
      case NEWLY_SKIPPED -> "skipped now, not before";
      case NO_LONGER_SKIPPED -> "skipped before, not now";
      case FLAKY -> "failed, then passed on a rerun in the head run";
      case SLOWER, FASTER ->
          String.format(
              Locale.ROOT,
              "passed in both, and at least %s times and %s %s",
              new java.text.DecimalFormat(
                      "0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                  .format(rule.factor()),
              HistoryText.micros(rule.floorMicros()),
              b == Bucket.SLOWER ? "slower" : "faster");
    };
  }

  private static String change(Bucket b, TestChange t) {
    if (b == Bucket.SLOWER || b == Bucket.FASTER) {
      String text =
          HistoryText.micros(t.beforeMicros())
              + " → "
              + HistoryText.micros(t.afterMicros())
              + " ("
              + HistoryText.microsDelta(t.deltaMicros());
      long shorter = Math.min(t.beforeMicros(), t.afterMicros());
      if (shorter >= 1000) {
        // A factor from under a millisecond says more about the timer than about the test.
        double factor = (double) Math.max(t.beforeMicros(), t.afterMicros()) / shorter;
        text +=
            String.format(
                Locale.ROOT, ", %.1fx %s", factor, b == Bucket.SLOWER ? "slower" : "faster");
      }
      return text + ")";
    }
    return outcome(t.before()) + " → " + outcome(t.after());
  }

  private static String outcome(Outcome o) {
    return o == null ? "absent" : o.name();
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
