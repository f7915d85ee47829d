package dev.evident.cli;

import dev.evident.model.ProgressReport;
import dev.evident.model.Run;
import dev.evident.service.ProgressService;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident progress}: where each category of tests stands against its target. */
@Command(
    name = "progress",
    mixinStandardHelpOptions = true,
    description =
        "For each category of tests that evident.yaml declares (categories:), in a run: the"
            + " target, the tests that exist, executed, passed, failed and skipped, the pass rate"
            + " of the tests that exist, whether the target is met, and the same over the runs"
            + " before it. Tests in no category are counted as uncategorised. Exits 0 when it"
            + " could measure, met or not; 2 when the file has errors or declares no categories.")
final class ProgressCommand implements Callable<Integer> {

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
      names = "--config",
      paramLabel = "FILE",
      description = "The configuration file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Runs the figures over time cover, this one included (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--json", description = "Print the progress as JSON.")
  boolean json;

  @Override
  public Integer call() {
    ProjectConfigs.Loaded loaded = ProgressService.categories(Path.of(""), config);
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run found = workspace.runs().resolve(run, project);
      ProgressReport report =
          workspace.progress().measure(found, loaded.config().categories(), runs);
      out.print(
          json
              ? Json.write(ProgressService.json(report, loaded.name())) + "\n"
              : ProgressService.text(report, loaded.name()));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
