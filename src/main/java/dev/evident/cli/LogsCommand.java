package dev.evident.cli;

import dev.evident.model.Excerpt;
import dev.evident.model.Run;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident logs RUN}: what the command of a run printed. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description =
        "Prints what the command of a run printed (kept by evident run: the head and tail of stdout"
            + " and stderr, with the full size noted).")
final class LogsCommand implements Callable<Integer> {

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
      names = "--stream",
      paramLabel = "STREAM",
      description = "stdout or stderr (default: both).")
  String stream;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run found = workspace.runs().resolve(run, project);
      Map<String, Excerpt> logs = workspace.runs().logs(found);
      if (logs.isEmpty()) {
        out.println(
            "Run "
                + found.id()
                + " has no logs: only runs made by evident run keep their command's output.");
        out.flush();
        return ExitCodes.OK;
      }
      for (var entry : logs.entrySet()) {
        if (stream != null && !stream.equalsIgnoreCase(entry.getKey())) {
          continue;
        }
        Excerpt e = entry.getValue();
        if (stream == null) {
          out.println(
              "== "
                  + entry.getKey()
                  + " ("
                  + e.fullLength()
                  + " bytes"
                  + (e.truncated() ? ", head and tail kept" : "")
                  + ")");
        }
        out.print(e.text());
        if (!e.text().isEmpty() && !e.text().endsWith("\n")) {
          out.println();
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
