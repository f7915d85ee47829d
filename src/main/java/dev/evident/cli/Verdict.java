package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.model.RunQuarantine;
import java.io.PrintWriter;

/** Turns a run's status into the exit code, saying on stderr why it is not 0. */
final class Verdict {

  private Verdict() {}

  /**
   * Like {@link #exitCode(Run, PrintWriter)}, but 0 for a FAILED run whose every failed and errored
   * test is quarantined (and nothing failed outside tests); the run stays FAILED, stderr says so.
   */
  static int exitCode(Run run, RunQuarantine quarantine, PrintWriter err) {
    if (quarantine.forgives(run)) {
      err.println(forgiven(run, quarantine));
      err.flush();
      return ExitCodes.OK;
    }
    return exitCode(run, err);
  }

  /** The stderr line when quarantine forgives a FAILED run. */
  static String forgiven(Run run, RunQuarantine quarantine) {
    return "evident: exit 0: "
        + (quarantine.broken() == 1
            ? "the 1 failure is of a quarantined test"
            : "all " + quarantine.broken() + " failures are of quarantined tests")
        + "; run "
        + run.id()
        + " is stored as FAILED (evident quarantine list)";
  }

  static int exitCode(Run run, PrintWriter err) {
    String why =
        switch (run.status()) {
          case PASSED, QUEUED, RUNNING -> null;
          case FAILED -> "the results contain failures or errors";
          case EMPTY -> "nothing executed";
          case BROKEN -> "nothing executed: errors outside tests kept them from running";
          case BLOCKED -> "nothing executed: a preflight requirement failed";
          case INTERRUPTED -> "the run was interrupted";
        };
    if (why == null) {
      return ExitCodes.OK;
    }
    err.println("evident: exit 1: " + why + " (run " + run.id() + ")");
    err.flush();
    return ExitCodes.RESULTS;
  }
}
