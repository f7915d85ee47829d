package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunQuarantine;
import dev.evident.service.DiagnoseService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident diagnose}: why a run's tests failed, grouped by cause, and what to do. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description =
        "Classifies every failure of a run by root cause (see docs/rules.md), groups the failures"
            + " that share a cause, and lists the groups by the number of tests they affect, with"
            + " the evidence, what to do, and where the failure was seen before; then the next steps,"
            + " by tests they would unblock. An environment problem (most failures sharing one"
            + " system-level cause) comes first.")
final class DiagnoseCommand implements Callable<Integer> {

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

  @Option(names = "--json", description = "Print the diagnosis as JSON.")
  boolean json;

  @Option(
      names = "--max-groups",
      paramLabel = "N",
      defaultValue = "10",
      description = "Groups to list in text output (default: ${DEFAULT-VALUE}; JSON lists all).")
  int maxGroups;

  @Option(
      names = "--tests",
      paramLabel = "N",
      defaultValue = "20",
      description = "Tests to list per group in JSON (default: ${DEFAULT-VALUE}; all are counted).")
  int tests;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run found = workspace.runs().resolve(run, project);
      RunDiagnosis d = workspace.diagnoses().diagnose(found, json ? tests : 3, true);
      RunQuarantine quarantine = workspace.quarantine().inRun(found);
      out.print(
          json
              ? Json.write(DiagnoseService.json(d, quarantine)) + "\n"
              : DiagnoseService.text(d, maxGroups, quarantine));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
