package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.Run;
import dev.evident.model.RunQuarantine;

/**
 * The one sentence that states a run's status with its numbers and their denominators, e.g.
 * "FAILED: 3 of 1,204 executed tests failed (2 failed, 1 errored)".
 */
public final class StatusLine {

  private StatusLine() {}

  public static String of(Run run) {
    return of(run, RunQuarantine.NONE);
  }

  /**
   * With how many of the failures are of quarantined tests: "FAILED: 3 of 20 executed tests failed
   * (2 failed, 1 errored); 2 of them quarantined".
   */
  public static String of(Run run, RunQuarantine quarantine) {
    Counts c = run.counts();
    String executed = Numbers.count(c.executed());
    return switch (run.status()) {
      case PASSED -> {
        String line = "PASSED: " + executed + " of " + executed + " executed tests passed";
        if (c.flaky() > 0) {
          line += ", " + Numbers.count(c.flaky()) + " of them only on a retry (flaky)";
          if (quarantine.flaky() > 0) {
            line += ", " + Numbers.count(quarantine.flaky()) + " of those quarantined";
          }
        }
        yield line + skipped(c);
      }
      case FAILED -> {
        long bad = c.failed() + c.errored();
        String line =
            "FAILED: "
                + Numbers.count(bad)
                + " of "
                + executed
                + " executed tests failed ("
                + Numbers.count(c.failed())
                + " failed, "
                + Numbers.count(c.errored())
                + " errored)";
        if (quarantine.broken() > 0) {
          line +=
              "; "
                  + (quarantine.broken() == bad ? "all " : "")
                  + Numbers.count(quarantine.broken())
                  + " of them quarantined";
        }
        if (run.runErrors() > 0) {
          line += "; " + Numbers.count(run.runErrors(), "error", "errors") + " outside tests";
        }
        yield line + skipped(c);
      }
      case EMPTY ->
          c.collected() == 0
              ? "EMPTY: no tests found; nothing executed"
              : "EMPTY: 0 of "
                  + Numbers.count(c.collected())
                  + " collected tests executed (all skipped)";
      case BROKEN ->
          "BROKEN: 0 of "
              + Numbers.count(c.collected())
              + " collected tests executed; "
              + Numbers.count(run.runErrors(), "error", "errors")
              + " outside tests kept them from running";
      case BLOCKED -> "BLOCKED: a preflight requirement failed; nothing was run";
      case INTERRUPTED ->
          "INTERRUPTED: stopped after "
              + executed
              + " executed tests ("
              + Numbers.count(c.failed() + c.errored())
              + " failed)";
      case QUEUED -> "QUEUED: waiting to run";
      case RUNNING -> "RUNNING: " + executed + " tests executed so far";
    };
  }

  private static String skipped(Counts c) {
    return c.skipped() == 0
        ? ""
        : "; "
            + Numbers.count(c.skipped())
            + " of "
            + Numbers.count(c.collected())
            + " collected tests skipped";
  }
}
