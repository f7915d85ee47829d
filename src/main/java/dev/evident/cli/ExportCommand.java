package dev.evident.cli;

import dev.evident.model.Run;
import dev.evident.service.ExportService;
import dev.evident.service.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident export}: a stored run as CTRF JSON or JUnit XML, for other tools. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a stored run for other tools: --format ctrf (CTRF JSON with insights from the"
            + " project's last 10 runs) or --format junit (one merged, normalized JUnit XML document"
            + " in Surefire's dialect, flaky tests as flakyFailure). Streams: a run of any size.")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN",
      description = "A run id, latest (default), latest~N or branch:NAME.")
  String run = "latest";

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      required = true,
      description = "ctrf or junit.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to this file (default: standard output).")
  Path output;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "latest, latest~N and branch:NAME in this project.")
  String project;

  @Override
  public Integer call() {
    ExportService.Format chosen = ExportService.Format.of(format);
    try (Workspace workspace = global.open()) {
      write(workspace, workspace.runs().resolve(run, project), chosen, output, spec);
      return ExitCodes.OK;
    }
  }

  /** Writes the run in the format to the file, or to standard output when there is none. */
  static void write(
      Workspace workspace,
      Run exported,
      ExportService.Format chosen,
      Path output,
      CommandSpec spec) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      workspace.exports().export(exported, chosen, out);
      out.println();
      out.flush();
      return;
    }
    try (BufferedWriter file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      workspace.exports().export(exported, chosen, file);
      file.newLine();
    } catch (IOException e) {
      throw new dev.evident.service.InputException(
          "cannot write " + output + ": " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "evident: wrote run "
            + exported.id()
            + " as "
            + chosen.name().toLowerCase(java.util.Locale.ROOT)
            + " to "
            + output);
    err.flush();
  }
}
