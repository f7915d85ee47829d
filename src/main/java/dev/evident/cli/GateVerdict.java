package dev.evident.cli;

import dev.evident.model.GateReport;
import dev.evident.model.RunStatus;
import dev.evident.service.GateService;
import java.io.PrintWriter;

/** Turns a gate check into the exit code, saying on stderr why. */
final class GateVerdict {

  private GateVerdict() {}

  /**
   * 0 when every rule holds (saying so when the run itself is not PASSED), else 1 with the rules
   * that failed.
   */
  static int exitCode(GateReport report, PrintWriter err) {
    long id = report.run().id();
    if (report.passed()) {
      if (report.run().status() != RunStatus.PASSED) {
        err.println(
            "evident: exit 0: "
                + GateService.verdict(report)
                + "; run "
                + id
                + " is stored as "
                + report.run().status());
        err.flush();
      }
      return ExitCodes.OK;
    }
    err.println("evident: exit 1: " + GateService.verdict(report) + " (run " + id + ")");
    err.flush();
    return ExitCodes.RESULTS;
  }
}
