package dev.evident.service;

import dev.evident.execute.CommandRunner;
import dev.evident.execute.RunnerAdapter;
import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.store.RunWriter;
import java.time.Duration;
import java.util.List;

/** How a command's run ended, as ARCHITECTURE.md defines the run statuses. */
final class RunStatuses {

  private RunStatuses() {}

  /** The run's status from how the command ended and what it executed; adds the run errors. */
  static RunStatus of(
      RunService.Request request,
      RunnerAdapter adapter,
      CommandRunner.Outcome outcome,
      RunWriter writer,
      List<String> tail) {
    String command = request.command().get(0);
    String details = String.join("\n", tail);
    if (!outcome.ran()) {
      writer.runError(
          new RunError(
              RunError.Kind.COMMAND, command, new Failure("", outcome.startError(), ""), null));
      return RunStatus.BROKEN;
    }
    if (outcome.stopped()) {
      String why =
          outcome.timedOut()
              ? "stopped after the timeout of "
                  + human(request.timeout())
                  + "; results written until then are kept"
              : "interrupted (Ctrl-C or cancel); results written until then are kept";
      writer.runError(
          new RunError(RunError.Kind.COMMAND, command, new Failure("", why, details), null));
      return RunStatus.INTERRUPTED;
    }
    Counts counts = writer.counts();
    int exit = outcome.exitCode();
    if (counts.executed() == 0) {
      if (exit == 0 || adapter.meansNoTests(exit)) {
        return RunStatus.EMPTY;
      }
      String why =
          adapter.whyBroken(tail).orElse("exited with code " + exit + " before any test executed");
      writer.runError(
          new RunError(RunError.Kind.COMMAND, command, new Failure("", why, details), null));
      return RunStatus.BROKEN;
    }
    if (exit != 0 && counts.failed() + counts.errored() == 0) {
      writer.runError(
          new RunError(
              RunError.Kind.COMMAND,
              command,
              new Failure(
                  "", "exited with code " + exit + " although no executed test failed", details),
              null));
      return RunStatus.FAILED;
    }
    return null;
  }

  private static String human(Duration d) {
    return d == null ? "" : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
