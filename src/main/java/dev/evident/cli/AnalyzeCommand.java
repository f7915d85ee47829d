package dev.evident.cli;

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

/** {@code evident analyze}: an evaluation run per package and per model. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "An evaluation run per package (the package property, else the suite) and per model: pass"
            + " rate as passed of executed, skipped, time, tokens and cost.")
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN",
      description = "A run id, latest (default), latest~N or branch:NAME.")
  String run = "latest";

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "latest, latest~N in this project.")
  String project;

  @Option(names = "--prices", paramLabel = "FILE", description = "A YAML price table; see cost.")
  Path prices;

  @Option(names = "--json", description = "Print the analysis as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      var o =
          workspace.evals().analyze(workspace.runs().resolve(run, project), prices, Path.of(""));
      out.print(json ? Json.write(o.json()) + "\n" : o.text());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
