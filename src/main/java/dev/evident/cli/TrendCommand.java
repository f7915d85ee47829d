package dev.evident.cli;

import dev.evident.service.TrendService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident trend}: a project, or one test, over its last runs. */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description =
        "A project over its last runs: each run's status, executed of collected, passed of"
            + " executed and test time, the totals, and the tests that took the most time with their"
            + " share of it. With TEST, that test's outcome and duration in each run.")
final class TrendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      arity = "0..1",
      paramLabel = "TEST",
      description = "A test as show prints it: 'Suite > name[parameters]' (quoted).")
  String test;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "The project (default: the project of the newest run).")
  String project;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "30",
      description = "How many of the newest runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--slowest",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many of the slowest tests to list (default: ${DEFAULT-VALUE}).")
  int slowest;

  @Option(names = "--json", description = "Print the trend as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      TrendService trends = workspace.trends();
      if (test != null) {
        var trend = trends.test(project, test, runs);
        out.print(json ? Json.write(TrendService.json(trend)) + "\n" : TrendService.text(trend));
      } else {
        var trend = trends.project(project, runs, slowest);
        out.print(json ? Json.write(TrendService.json(trend)) + "\n" : TrendService.text(trend));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
