package dev.evident.cli;

import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.report.StatusReport;
import dev.evident.service.ExportService;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.ReportService;
import dev.evident.service.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident report}: the status report of a run, every number computed from the results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes the status report of a run: headline with denominators, change since the"
            + " baseline, root causes, what did not execute and why, flaky, quarantined and"
            + " suspicious tests, progress toward targets, slowest tests, next steps. Every section"
            + " names the runs its numbers come from. Markdown fits --max-bytes by cutting the"
            + " least important lists first. Exits 0 when it could report.")
final class ReportCommand implements Callable<Integer> {

  /** The environment variable GitHub Actions names the job summary file in. */
  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      paramLabel = "RUN",
      defaultValue = "latest",
      description = "A run id, latest (default), latest~N or branch:NAME.")
  String run;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "With latest, latest~N, branch:NAME: in this project.")
  String project;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "md",
      description =
          "md (Markdown, default), json (docs/report.schema.json), ctrf (CTRF with insights) or"
              + " junit (one merged JUnit XML).")
  String format;

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description =
          "The run to compare with (default: the previous run on the run's branch, else of its"
              + " project).")
  String baseline;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The project file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      defaultValue = "" + ReportService.DEFAULT_MAX_BYTES,
      description = "Markdown: at most N bytes (default: ${DEFAULT-VALUE}).")
  int maxBytes;

  @Option(
      names = "--github",
      description =
          "Append the Markdown report to the file $" + STEP_SUMMARY + " names (GitHub Actions).")
  boolean github;

  @Option(
      names = "--annotations",
      description = "Print GitHub workflow annotations (::error) for new failures first.")
  boolean annotations;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  /** Where --github writes; the environment unless a test set it. */
  String stepSummary = System.getenv(STEP_SUMMARY);

  @Override
  public Integer call() {
    String kind = format.strip().toLowerCase(Locale.ROOT);
    if (kind.equals("ctrf") || kind.equals("junit")) {
      return export(ExportService.Format.of(kind));
    }
    if (!kind.equals("md") && !kind.equals("markdown") && !kind.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "unknown --format '" + format + "': give md, json, ctrf or junit");
    }
    if (maxBytes < 1000) {
      throw new ParameterException(
          spec.commandLine(), "--max-bytes must be at least 1000, not " + maxBytes);
    }
    if (github && (stepSummary == null || stepSummary.isBlank())) {
      throw new ParameterException(
          spec.commandLine(),
          "--github writes to the file $"
              + STEP_SUMMARY
              + " names, and it is not set: run in a GitHub Actions step, or use --output FILE");
    }
    Optional<ProjectConfigs.Loaded> loaded = ProjectConfigs.load(Path.of(""), config);
    ProjectConfig projectConfig =
        loaded.map(ProjectConfigs.Loaded::config).orElse(ProjectConfig.EMPTY);
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run found = workspace.runs().resolve(run, project);
      StatusReport report =
          workspace
              .reports()
              .report(
                  found,
                  baseline,
                  projectConfig,
                  loaded.map(ProjectConfigs.Loaded::name).orElse(null));
      if (annotations) {
        out.print(ReportService.annotations(report));
      }
      String markdown = null;
      String text =
          switch (kind) {
            case "md", "markdown" -> markdown = ReportService.markdown(report, maxBytes);
            case "json" -> Json.write(ReportService.json(report)) + "\n";
            default -> throw new IllegalStateException(kind);
          };
      if (github) {
        String md = markdown != null ? markdown : ReportService.markdown(report, maxBytes);
        write(Path.of(stepSummary), md, true);
      }
      if (output != null) {
        write(output, text, false);
      } else if (!(github && markdown != null)) {
        out.print(text);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** ctrf and junit: the run's results as other tools read them, streamed (evident export). */
  private int export(ExportService.Format chosen) {
    if (github || annotations || baseline != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--github, --annotations and --baseline are for md and json; --format "
              + format
              + " exports the run's results");
    }
    try (Workspace workspace = global.open()) {
      ExportCommand.write(workspace, workspace.runs().resolve(run, project), chosen, output, spec);
      return ExitCodes.OK;
    }
  }

  private void write(Path file, String text, boolean append) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (append) {
        Files.writeString(
            file,
            text + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ReportOutputException("cannot write the report to " + file + ": " + e);
    }
  }
}
