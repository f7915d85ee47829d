package dev.evident.cli;

import dev.evident.model.Run;
import java.io.PrintWriter;

/** Turns a run's status into the exit code, saying on stderr why it is not 0. */
final class Verdict {

  private Verdict() {}

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
