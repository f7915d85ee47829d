package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.service.DiagnoseService;
import dev.evident.service.RunQueries;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident show}: one run's counts, suites, failures and problems. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Shows a stored run: counts with their denominators, suites, failures with type and first"
            + " message line, errors outside tests, and problems found while reading the input."
            + " Exits 1 when the run failed or executed nothing.")
final class ShowCommand implements Callable<Integer> {

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

  @Option(names = "--json", description = "Print the run as JSON.")
  boolean json;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      defaultValue = "20",
      description = "Failures to list in text output (default: ${DEFAULT-VALUE}; JSON lists all).")
  int maxFailures;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      RunQueries queries = workspace.runs();
      Run found = queries.resolve(run, project);
      RunDetail detail = queries.detail(found, json ? Integer.MAX_VALUE : maxFailures);
      RunQuarantine quarantine = workspace.quarantine().inRun(found);
      if (json) {
        out.print(Json.write(RunQueries.json(detail, quarantine)) + "\n");
      } else {
        String causes =
            detail.totalFailures() == 0
                ? ""
                : DiagnoseService.topCauses(workspace.diagnoses().diagnose(found, 0, false));
        out.print(RunQueries.text(detail, causes, quarantine));
      }
      out.flush();
      return Verdict.exitCode(found, quarantine, spec.commandLine().getErr());
    }
  }
}
