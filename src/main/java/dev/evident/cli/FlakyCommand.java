package dev.evident.cli;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.ProjectConfig;
import dev.evident.service.FlakinessService;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident flaky}: the flaky tests of a project, with score and reasons. */
@Command(
    name = "flaky",
    mixinStandardHelpOptions = true,
    description =
        "Scores every test of a project over its newest runs: reruns (failed, then passed in one"
            + " run), different outcomes on one commit, and flips between passed and failed; runs"
            + " where most tests failed for one cause (outages) are left out, a test needs a few"
            + " runs for a verdict, and one that broke and stays broken is not flaky. Lists the"
            + " flaky tests with score and reasons; window and thresholds in evident.yaml (flaky:).")
final class FlakyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "The project (default: the project of the newest run).")
  String project;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Look at the newest N runs (default: flaky.window in evident.yaml, else 50).")
  Integer window;

  @Option(names = "--all", description = "List recovered and watched tests too.")
  boolean all;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The project file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    FlakySettings settings =
        ProjectConfigs.load(Path.of(""), config)
            .map(ProjectConfigs.Loaded::config)
            .orElse(ProjectConfig.EMPTY)
            .flaky();
    if (window != null) {
      if (window < 2) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--window must be 2 runs or more, not " + window);
      }
      settings = settings.withWindow(window);
    }
    try (Workspace workspace = global.open()) {
      FlakinessReport report = workspace.flakiness().score(project, settings);
      out.print(
          json
              ? Json.write(FlakinessService.json(report, all)) + "\n"
              : FlakinessService.text(report, all));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
