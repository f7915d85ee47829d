package dev.evident.conformance;

import java.io.PrintStream;
import java.util.Locale;

/** Counts verdicts and prints the summary table at the end. */
final class Tally {
  int read;
  int agree;
  int accepted;
  int disagree;
  int rejectedAsExpected;
  int notRejected;
  int crashes;
  int noCounts;
  int groupsAgree;
  int groupsAccepted;
  int groupsDisagree;
  int stale;

  void crash(PrintStream out, String file, RuntimeException e) {
    crashes++;
    out.printf(Locale.ROOT, "%-10s %s: %s%n", "CRASH", file, e);
    e.printStackTrace(out);
  }

  void staleExceptions(PrintStream out, Accepted accepted) {
    for (Accepted.Entry e : accepted.unused()) {
      stale++;
      out.println(
          "STALE exception (no longer differs this way, remove or update it): "
              + e.subject()
              + " "
              + e.field());
    }
  }

  int failures() {
    return disagree + notRejected + crashes + groupsDisagree + stale;
  }

  void summary(PrintStream out) {
    out.println();
    out.println("Summary");
    out.printf(Locale.ROOT, "  files read                     %4d%n", read);
    out.printf(Locale.ROOT, "  agree with stated counts       %4d%n", agree);
    out.printf(Locale.ROOT, "  differ, accepted with a reason %4d%n", accepted);
    out.printf(Locale.ROOT, "  disagree (unlisted)            %4d%n", disagree);
    out.printf(Locale.ROOT, "  rejected as expected           %4d%n", rejectedAsExpected);
    out.printf(Locale.ROOT, "  must-reject but read           %4d%n", notRejected);
    out.printf(Locale.ROOT, "  no stated counts (read only)   %4d%n", noCounts);
    out.printf(Locale.ROOT, "  crashes                        %4d%n", crashes);
    out.printf(
        Locale.ROOT,
        "  groups agree / accepted / disagree  %d / %d / %d%n",
        groupsAgree,
        groupsAccepted,
        groupsDisagree);
    out.printf(Locale.ROOT, "  stale accepted differences     %4d%n", stale);
    out.println(
        failures() == 0
            ? "CONFORMANCE OK"
            : "CONFORMANCE FAILED: " + failures() + " problems above");
  }
}
