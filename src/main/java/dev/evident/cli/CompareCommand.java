package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.service.CompareService;
import dev.evident.service.EvalService;
import dev.evident.service.RunQueries;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident compare}: what changed, test by test, from one run to another. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compares two runs test by test: new failures, fixed, still failing, new and removed"
            + " tests, newly and no longer skipped, flaky, slower and faster (at least 1.5 times and"
            + " 100 ms), after both runs' counts with their denominators. Without runs, compares the"
            + " latest run with the one before it. Exits 0 when it could compare.")
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      arity = "0..2",
      paramLabel = "RUN",
      description =
          "BASE and HEAD: a run id, latest, latest~N (the Nth run before the latest) or"
              + " branch:NAME (the newest run on a branch). One run: BASE, with HEAD latest;"
              + " with --baseline: HEAD. None: latest~1 and latest.")
  List<String> runs = List.of();

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description =
          "The base run; branch:NAME is the newest run on that branch other than HEAD itself.")
  String baseline;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "latest, latest~N and branch:NAME in this project.")
  String project;

  @Option(
      names = "--across-projects",
      description =
          "Allow runs of different projects; tests are matched by suite, name and parameters.")
  boolean acrossProjects;

  @Option(
      names = "--json",
      description = "Print the comparison as JSON, every test of every bucket.")
  boolean json;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "10",
      description = "Tests to list per bucket in text output (default: ${DEFAULT-VALUE}).")
  int max;

  @Option(
      names = "--by",
      paramLabel = "model",
      description =
          "Compare models side by side instead of two runs: each model's newest run (of --project,"
              + " since --since) with pass rate as passed of executed, tokens, cost, time, and"
              + " per package.")
  String by;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "With --by model: runs stored since this date (YYYY-MM-DD, UTC).")
  String since;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "With --by model: a YAML price table; see cost.")
  java.nio.file.Path prices;

  @Override
  public Integer call() {
    if (by != null) {
      return byModel();
    }
    if (baseline != null && runs.size() > 1) {
      throw new ParameterException(
          spec.commandLine(), "give the base either as --baseline or as the first run, not both");
    }
    if (max < 0) {
      throw new ParameterException(spec.commandLine(), "--max must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      RunQueries queries = workspace.runs();
      Run head;
      Run base;
      if (runs.size() == 1 && baseline == null) {
        // "compare 12": what changed since run 12, in its project.
        base = queries.resolve(runs.get(0), project);
        head = queries.resolve("latest", project == null ? base.project() : project);
      } else {
        // HEAD: the second run, or the only one beside --baseline, else the latest.
        String headRef = runs.size() == 2 ? runs.get(1) : runs.size() == 1 ? runs.get(0) : "latest";
        head = queries.resolve(headRef, project);
        // The base is resolved in the head's project: latest~1 is the run before the latest there.
        String baseRef = baseline != null ? baseline : runs.isEmpty() ? "latest~1" : runs.get(0);
        base = queries.baseline(baseRef, project, head);
      }
      var comparison = workspace.compares().compare(base, head, acrossProjects);
      out.print(
          json
              ? Json.write(CompareService.json(comparison)) + "\n"
              : CompareService.text(comparison, max));
      out.flush();
      return ExitCodes.OK;
    }
  }

  private int byModel() {
    if (!by.equals("model")) {
      throw new ParameterException(spec.commandLine(), "--by takes 'model', not '" + by + "'");
    }
    if (!runs.isEmpty() || baseline != null) {
      throw new ParameterException(
          spec.commandLine(), "--by model compares a project's runs: give --project, not runs");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      var o =
          workspace
              .evals()
              .models(project, EvalService.since(since), prices, java.nio.file.Path.of(""));
      out.print(json ? Json.write(o.json()) + "\n" : o.text());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
