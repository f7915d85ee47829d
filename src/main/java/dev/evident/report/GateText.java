package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.GateReport;
import dev.evident.model.GateReport.Check;
import dev.evident.model.TestId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate check as text: one line per rule with the numbers it was decided on and their
 * denominators, what was left out, then the verdict. E.g. "min-pass-rate 95%: 1,180 of 1,250
 * executed passed = 94.4%: FAILED".
 */
public final class GateText {

  private GateText() {}

  public static String render(GateReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Gate for run ")
        .append(report.run().id())
        .append(" · project ")
        .append(report.run().project())
        .append(" · status ")
        .append(report.run().status())
        .append('\n');
    if (report.baseline() != null) {
      out.append("  new failures counted against ")
          .append(
              report.baseline().run() == null
                  ? "nothing: " + report.baseline().how() + ", so every failed test is new"
                  : "run " + report.baseline().run().id() + ", " + report.baseline().how())
          .append('\n');
    }
    for (Check check : report.checks()) {
      out.append("  ").append(line(check, report)).append('\n');
      for (TestId test : check.tests()) {
        out.append("      ").append(test).append('\n');
      }
      long more = check.value() - check.tests().size();
      if (!check.tests().isEmpty() && more > 0) {
        out.append("      and ").append(Numbers.count(more)).append(" more\n");
      }
    }
    out.append("  ").append(leftOut(report)).append('\n');
    out.append(verdict(report)).append('\n');
    return out.toString();
  }

  /** "Gate PASSED: all 3 rules hold", "Gate FAILED: 1 of 3 rules failed: min-pass-rate". */
  public static String verdict(GateReport report) {
    int all = report.checks().size();
    List<Check> failed = report.failed();
    if (failed.isEmpty()) {
      return "Gate PASSED: " + (all == 1 ? "the 1 rule holds" : "all " + all + " rules hold");
    }
    List<String> names = new ArrayList<>();
    failed.forEach(c -> names.add(c.rule().option()));
    return "Gate FAILED: "
        + failed.size()
        + " of "
        + Numbers.count(all, "rule", "rules")
        + " failed: "
        + String.join(", ", names);
  }

  static String line(Check c, GateReport report) {
    String executed = Numbers.count(c.of());
    String text =
        switch (c.rule()) {
          case MAX_NEW_FAILURES ->
              "max-new-failures "
                  + Numbers.count(c.limit().longValue())
                  + ": "
                  + Numbers.count(c.value())
                  + " of "
                  + executed
                  + " executed "
                  + (c.value() == 1 ? "tests is a new failure" : "tests are new failures");
          case MIN_PASS_RATE -> passRate(c, report.counted());
          case MIN_EXECUTED ->
              "min-executed "
                  + Numbers.count(c.limit().longValue())
                  + ": "
                  + Numbers.count(c.value())
                  + " of "
                  + Numbers.count(c.of())
                  + " collected tests executed";
          case MAX_FLAKY ->
              "max-flaky "
                  + Numbers.count(c.limit().longValue())
                  + ": "
                  + Numbers.count(c.value())
                  + " of "
                  + executed
                  + " executed tests passed only on a retry (flaky)";
          case NO_BROKEN ->
              "no-broken: status "
                  + report.run().status()
                  + ", "
                  + Numbers.count(c.value(), "error", "errors")
                  + " outside tests";
        };
    return text + ": " + (c.passed() ? "PASSED" : "FAILED");
  }

  private static String passRate(Check c, Counts counted) {
    BigDecimal limit = (BigDecimal) c.limit();
    String head = "min-pass-rate " + limit.stripTrailingZeros().toPlainString() + "%: ";
    if (c.of() == 0) {
      return head
          + "no tests executed (0 of "
          + Numbers.count(counted.collected())
          + " collected), so no pass rate";
    }
    String line =
        head
            + Numbers.count(c.value())
            + " of "
            + Numbers.count(c.of())
            + " executed passed = "
            + floorPercent(c.value(), c.of(), Math.max(1, limit.stripTrailingZeros().scale()));
    if (counted.flaky() > 0) {
      line += " (" + Numbers.count(counted.flaky()) + " flaky counted as passed)";
    }
    return line;
  }

  /**
   * A percentage rounded down, so that a rate just below the limit never prints as the limit
   * (94.96% of a 95% gate is 94.9%, not 95.0%).
   */
  static String floorPercent(long part, long whole, int decimals) {
    BigDecimal p =
        BigDecimal.valueOf(part)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), decimals, RoundingMode.FLOOR);
    return p.toPlainString() + "%";
  }

  private static String leftOut(GateReport report) {
    Counts q = report.quarantined();
    if (q.collected() == 0) {
      return "quarantined: no test of this run is in quarantine; none left out";
    }
    StringBuilder s =
        new StringBuilder("quarantined: ")
            .append(Numbers.count(q.collected(), "test", "tests"))
            .append(" left out of every count (");
    List<String> parts = new ArrayList<>();
    add(parts, q.passed(), "passed");
    add(parts, q.failed(), "failed");
    add(parts, q.errored(), "errored");
    add(parts, q.flaky(), "flaky");
    add(parts, q.skipped(), "skipped");
    s.append(String.join(", ", parts)).append(')');
    if (report.quarantinedNewFailures() > 0) {
      long n = report.quarantinedNewFailures();
      s.append("; ")
          .append(Numbers.count(n))
          .append(n == 1 ? " of them a new failure" : " of them new failures");
    }
    return s.toString();
  }

  private static void add(List<String> parts, long n, String what) {
    if (n > 0) {
      parts.add(Numbers.count(n) + " " + what);
    }
  }
}
