package dev.evident.formats;

import java.util.List;
import java.util.Map;

/**
 * Checks a TRX file's ResultSummary/Counters against the results it holds. vstest fills only total,
 * executed, passed and failed (the other counters stay 0 whatever the results), and before 2026
 * counted each data-driven summary besides its rows; neither is reported as a disagreement.
 */
final class TrxCounters {

  /** Counters that only some writers fill; checked only when the file fills any of them. */
  private static final List<String> MINOR =
      List.of(
          "error",
          "timeout",
          "aborted",
          "inconclusive",
          "passedButRunAborted",
          "notRunnable",
          "notExecuted",
          "disconnected",
          "warning",
          "completed",
          "inProgress",
          "pending");

  private TrxCounters() {}

  /**
   * How the declared counters disagree with the results, e.g. {@code total=3 but has 2}; empty when
   * they agree, with or without the data-driven summaries counted.
   *
   * @param results the outcomes of the results read as tests
   * @param summaries the outcomes of data-driven summaries that were replaced by their rows
   */
  static String disagreement(Map<String, Long> declared, Tally results, Tally summaries) {
    String off = describe(declared, results);
    if (!off.isEmpty() && !summaries.isEmpty()) {
      Tally all = new Tally();
      all.addAll(results);
      all.addAll(summaries);
      if (describe(declared, all).isEmpty()) {
        return "";
      }
    }
    return off;
  }

  private static String describe(Map<String, Long> declared, Tally tally) {
    long total = tally.total();
    StringBuilder off = new StringBuilder();
    XmlParse.compare(off, "total", declared.get("total"), total);
    XmlParse.compare(
        off,
        "executed",
        declared.get("executed"),
        total - tally.get("notExecuted", "notRunnable", "pending"));
    XmlParse.compare(off, "passed", declared.get("passed"), tally.get("passed"));
    XmlParse.compare(off, "failed", declared.get("failed"), tally.get("failed"));
    if (MINOR.stream().anyMatch(c -> declared.getOrDefault(c, 0L) > 0)) {
      for (String counter : MINOR) {
        XmlParse.compare(off, counter, declared.get(counter), tally.get(counter));
      }
    }
    return off.toString();
  }
}
