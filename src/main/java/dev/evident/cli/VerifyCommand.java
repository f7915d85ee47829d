package dev.evident.cli;

import dev.evident.service.VerifyService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident verify}: checks a status report's claims against stored runs. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Checks a Markdown status report claim by claim: counts, rates, changes, universal and"
            + " readiness statements, claims about named tests, suites, files, tags or categories,"
            + " and table rows. Each claim is SUPPORTED, CONTRADICTED or UNVERIFIABLE against the runs"
            + " (default: the latest run, and the run before it for changes), or INCONSISTENT with"
            + " the report itself. Plans and targets are not claims. Exits 1 when any claim is"
            + " CONTRADICTED or INCONSISTENT.")
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "REPORT", description = "The Markdown report to check.")
  Path report;

  @Option(
      names = "--run",
      paramLabel = "RUN",
      description =
          "A run to check against (12, latest, latest~N, branch:NAME); repeat for several"
              + " (their results add up).")
  List<String> runs = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description = "The run change claims start from (default: the project's run before).")
  String baseline;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "With latest: the newest run of this project.")
  String project;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The project configuration, for its categories (default: evident.yaml, else"
              + " .evident/config.yaml).")
  Path config;

  @Option(
      names = "--include-quoted",
      description = "Also read claims in code blocks and block quotes (quoted output).")
  boolean includeQuoted;

  @Option(
      names = "--annotate",
      paramLabel = "OUT.md",
      description = "Write the report to OUT.md with a verdict after each claim.")
  Path annotate;

  @Option(names = "--json", description = "Print the verdicts as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      VerifyService.Verified verified =
          workspace
              .verifier()
              .verify(
                  new VerifyService.Request(
                      report,
                      report.toString(),
                      runs,
                      baseline,
                      project,
                      config,
                      Path.of(""),
                      includeQuoted));
      if (annotate != null) {
        VerifyService.writeAnnotated(verified, annotate);
      }
      out.print(json ? Json.write(verified.json()) + "\n" : verified.text());
      out.flush();
      return verified.hasFalseClaims() ? ExitCodes.RESULTS : ExitCodes.OK;
    }
  }
}
