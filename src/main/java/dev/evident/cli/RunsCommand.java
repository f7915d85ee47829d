package dev.evident.cli;

import dev.evident.model.Counts;
import dev.evident.model.Run;
import dev.evident.service.EvalService;
import dev.evident.service.RunQueries;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident runs}: lists stored runs, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists stored runs, newest first.")
final class RunsCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "Only runs of this project (default: all).")
  String project;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "Only runs with samples of this model (the run's model attribute or a test's).")
  String model;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only runs stored since this date (YYYY-MM-DD, UTC) or instant.")
  String since;

  @Option(names = "--json", description = "Print the runs as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      List<Run> runs =
          model == null && since == null
              ? workspace.runs().runs(project, limit)
              : workspace.evals().runs(project, EvalService.since(since), model, limit);
      if (json) {
        List<Object> list = new ArrayList<>();
        runs.forEach(r -> list.add(RunQueries.json(r)));
        out.println(Json.write(list));
      } else if (runs.isEmpty()) {
        out.println(
            model != null || since != null
                ? "No runs match"
                    + (model == null ? "" : " --model " + model)
                    + (since == null ? "" : " --since " + since)
                    + "."
                : project == null
                    ? "No runs stored yet."
                    : "No runs of project " + project + " stored yet.");
      } else {
        out.println(
            String.format(
                Locale.ROOT,
                "%6s  %-16s  %-20s  %-11s  %-23s  %s",
                "RUN",
                "STORED (UTC)",
                "PROJECT",
                "STATUS",
                "EXECUTED / COLLECTED",
                "PASSED FAILED ERRORED SKIPPED FLAKY"));
        for (Run r : runs) {
          Counts c = r.counts();
          String labels =
              r.labels().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(","));
          out.println(
              String.format(
                  Locale.ROOT,
                  "%6d  %-16s  %-20s  %-11s  %,10d / %,-10d  %,6d %,6d %,7d %,7d %,5d%s",
                  r.id(),
                  WHEN.format(r.created()),
                  r.project(),
                  r.status(),
                  c.executed(),
                  c.collected(),
                  c.passed(),
                  c.failed(),
                  c.errored(),
                  c.skipped(),
                  c.flaky(),
                  labels.isEmpty() ? "" : "  " + labels));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
