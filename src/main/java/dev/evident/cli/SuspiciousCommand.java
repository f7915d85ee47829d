package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.model.SuspectReport;
import dev.evident.service.SuspectService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident suspicious}: what looks tested in a run but may not be. */
@Command(
    name = "suspicious",
    mixinStandardHelpOptions = true,
    description =
        "Flags what looks tested in a run but may not be, each with its reason and numbers:"
            + " tests of integration or e2e suites that passed in under 1 ms, tests skipped in"
            + " every one of the last runs, suites of which no test executed, and a jump in the"
            + " share of skipped tests against the median of the runs before. Exits 0 when it"
            + " could check, whatever it found.")
final class SuspiciousCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      paramLabel = "RUN",
      defaultValue = "latest",
      description = "A run id, or latest (default).")
  String run;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "With latest: the newest run of this project.")
  String project;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Runs of the project the history covers, this one included (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Flags to list of each kind in text (default: ${DEFAULT-VALUE}; all are counted, JSON lists all).")
  int max;

  @Option(names = "--json", description = "Print the flags as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run found = workspace.runs().resolve(run, project);
      SuspectReport report = workspace.suspects().find(found, runs);
      out.print(
          json
              ? Json.write(SuspectService.json(report)) + "\n"
              : SuspectService.text(report, Math.max(0, max)));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
