package dev.evident.cli;

import dev.evident.service.EvalService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident cost}: tokens to money, per model and per package. */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description =
        "Tokens and cost of an evaluation run, or of a project's runs, per model and per package."
            + " Cost given in the data (cost.usd) is used as given; otherwise it is computed from"
            + " tokens with a dated price table (built in, or --prices FILE, or prices: FILE in"
            + " evident.yaml). A model without a price is listed as such, never priced by guess.")
final class CostCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN",
      description = "A run id, latest, latest~N or branch:NAME; or use --project.")
  String run;

  @Option(names = "--project", paramLabel = "NAME", description = "Every run of this project.")
  String project;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "With --project: runs stored since this date (YYYY-MM-DD, UTC) or instant.")
  String since;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A YAML price table whose models replace or add to the built-in ones.")
  Path prices;

  @Option(names = "--json", description = "Print the totals as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (run == null && project == null) {
      throw new ParameterException(spec.commandLine(), "give a RUN or --project NAME");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      EvalService.Output o =
          workspace
              .evals()
              .cost(
                  run == null ? null : workspace.runs().resolve(run, project),
                  project,
                  EvalService.since(since),
                  prices,
                  Path.of(""));
      out.print(json ? Json.write(o.json()) + "\n" : o.text());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
