package dev.evident.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console summaries of runners without an adapter of their own: TAP producers (node:test, tape)
 * with their "# pass N" totals or plain "ok"/"not ok" lines, node:test's spec reporter ("ℹ pass
 * 4"), and Mocha's spec reporter ("5 passing", "1 failing", "2 pending").
 */
final class ConsoleShapes {

  private static final Pattern TOTAL =
      Pattern.compile("^(?:#|ℹ) (tests|pass|fail|skip|skipped|todo|cancelled) (\\d+)$");
  private static final Pattern MOCHA =
      Pattern.compile("^(\\d+) (passing|failing|pending)(?: \\(.*\\))?$");
  private static final Pattern TAP_POINT =
      Pattern.compile("^(not )?ok\\b(?:.*#\\s*(SKIP|TODO)\\b.*)?.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAP_PLAN = Pattern.compile("^1\\.\\.\\d+");

  private ConsoleShapes() {}

  static Optional<ConsoleSummary> summarize(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).toList();
    return totals(lines).or(() -> mocha(lines)).or(() -> tapPoints(lines));
  }

  private static Optional<ConsoleSummary> totals(List<String> lines) {
    long[] counts = new long[4];
    var seen = new ArrayList<String>();
    for (String raw : lines) {
      String line = raw.strip();
      Matcher m = TOTAL.matcher(line);
      if (m.matches()) {
        long n = Long.parseLong(m.group(2));
        switch (m.group(1)) {
          case "pass" -> counts[0] = n;
          case "fail" -> counts[1] = n;
          case "cancelled" -> counts[2] = n;
          case "skip", "skipped", "todo" -> counts[3] += n;
          default -> {}
        }
        seen.add(line);
      }
    }
    if (seen.stream().noneMatch(l -> l.matches(".*(pass|fail) \\d+"))) {
      return Optional.empty();
    }
    return Optional.of(
        new ConsoleSummary(counts[0], counts[1], counts[2], counts[3], String.join("; ", seen)));
  }

  private static Optional<ConsoleSummary> mocha(List<String> lines) {
    long[] counts = new long[3];
    var seen = new ArrayList<String>();
    for (String raw : lines) {
      String line = raw.strip();
      Matcher m = MOCHA.matcher(line);
      if (m.matches()) {
        int slot =
            switch (m.group(2)) {
              case "passing" -> 0;
              case "failing" -> 1;
              default -> 2;
            };
        counts[slot] = Long.parseLong(m.group(1));
        seen.add(line);
      }
    }
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ConsoleSummary(counts[0], counts[1], 0, counts[2], String.join("; ", seen)));
  }

  /** Top-level TAP test points, counted only when a plan line shows the output is TAP. */
  private static Optional<ConsoleSummary> tapPoints(List<String> lines) {
    if (lines.stream().noneMatch(l -> TAP_PLAN.matcher(l).find())) {
      return Optional.empty();
    }
    long[] counts = new long[3];
    for (String line : lines) {
      Matcher m = TAP_POINT.matcher(line);
      if (m.matches()) {
        counts[m.group(2) != null ? 2 : m.group(1) != null ? 1 : 0]++;
      }
    }
    long total = counts[0] + counts[1] + counts[2];
    if (total == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ConsoleSummary(counts[0], counts[1], 0, counts[2], total + " TAP test points counted"));
  }

  /** Top-level TAP test points as they come. */
  static ProgressCounter tapProgress() {
    return new Counting() {
      @Override
      void read(String line) {
        Matcher m = TAP_POINT.matcher(line);
        if (m.matches()) {
          add(1, m.group(1) != null && m.group(2) == null ? 1 : 0);
        }
      }
    };
  }

  /**
   * Follows several runners' counters and settles on the first that counts anything, for output
   * whose runner is not known in advance. Both counts are -1 until then.
   */
  static ProgressCounter firstCounting(List<ProgressCounter> counters) {
    return new ProgressCounter() {
      private volatile ProgressCounter chosen;

      @Override
      public void line(String line) {
        if (chosen != null) {
          chosen.line(line);
          return;
        }
        for (ProgressCounter counter : counters) {
          counter.line(line);
          if (counter.finished() > 0 || counter.failed() > 0) {
            chosen = counter;
            return;
          }
        }
      }

      @Override
      public long finished() {
        ProgressCounter c = chosen;
        return c == null ? -1 : c.finished();
      }

      @Override
      public long failed() {
        ProgressCounter c = chosen;
        return c == null ? -1 : c.failed();
      }
    };
  }
}
