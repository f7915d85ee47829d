package dev.evident.formats;

import java.util.List;
import java.util.Map;

/** Checks the counts an NUnit file declares on its root element against its test cases. */
final class NunitCounts {

  private NunitCounts() {}

  /**
   * How the declared counts disagree with the test cases, e.g. {@code failed=1 but has 0}; empty
   * when they agree.
   *
   * @param found the test cases per result
   * @param executed how many test cases ran (NUnit 2's executed="True")
   */
  static String disagreement(
      boolean nunit2, Map<String, Long> declared, Tally found, long executed) {
    StringBuilder off = new StringBuilder();
    long all = found.total();
    if (nunit2) {
      // NUnit 2 counts executed tests in total; Pester and others count all of them.
      Long total = declared.get("total");
      if (total != null && total >= 0 && total != executed && total != all) {
        off.append("total=").append(total).append(" but has ").append(executed);
        off.append(" executed of ").append(all);
      }
      XmlParse.compare(off, "errors", declared.get("errors"), found.get("error", "cancelled"));
      XmlParse.compare(off, "failures", declared.get("failures"), found.get("failure"));
      XmlParse.compare(off, "not-run", declared.get("not-run"), all - executed);
      XmlParse.compare(
          off, "inconclusive", declared.get("inconclusive"), found.get("inconclusive"));
      XmlParse.compare(off, "ignored", declared.get("ignored"), found.get("ignored"));
      XmlParse.compare(off, "skipped", declared.get("skipped"), found.get("skipped"));
      XmlParse.compare(off, "invalid", declared.get("invalid"), found.get("notrunnable"));
    } else {
      XmlParse.compare(off, "total", declared.get("total"), all);
      for (String what : List.of("passed", "failed", "inconclusive", "skipped")) {
        XmlParse.compare(off, what, declared.get(what), found.get(what));
      }
      XmlParse.compare(off, "warnings", declared.get("warnings"), found.get("warning"));
    }
    return off.toString();
  }
}
