package dev.evident.cli;

import dev.evident.model.GateReport;
import dev.evident.model.GateRules;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.service.GateService;
import dev.evident.service.IngestService;
import dev.evident.service.RunQueries;
import dev.evident.service.Timing;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident ingest}: reads result files as one run and stores it. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Reads test result files as one run, stores it and prints its summary. Takes files,"
            + " directories (read recursively; files in them that are not test results are skipped)"
            + " and globs (quote them: 'build/**/TEST-*.xml'). Suites split over files are merged;"
            + " exact duplicate files are reported and counted once.")
final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Mixin NewRunOptions newRun;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Result files, directories or globs.")
  List<String> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto (detect from content; default), junit, ctrf, gotest, tap, trx, nunit, xunit, mocha,"
              + " otr, dart, rspec, evals.")
  String format;

  @Option(names = "--json", description = "Print the stored run as JSON.")
  boolean json;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      defaultValue = "20",
      description = "Failures to list (default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Upload to an evident serve at URL (http://HOST:PORT) instead of storing locally.")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "With --server: a token with the ingest scope (default: $EVIDENT_TOKEN).")
  String token;

  @Option(
      names = "--gate",
      description =
          "Check the stored run against the gates: of evident.yaml (evident gate); the gate"
              + " options below replace its rules and imply --gate. The exit code is the gate's.")
  boolean gate;

  @Mixin GateOptions gateOptions;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The project file for --gate (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = newRun.project != null ? newRun.project : GlobalOptions.defaultProject();
    if (server != null) {
      return RemoteIngestCommand.upload(this, name, out, err);
    }
    GateRules rules =
        gate || gateOptions.any()
            ? GateService.rules(Path.of(""), config, gateOptions.rules(spec.commandLine()))
            : null;
    try (Workspace workspace = global.openToWrite();
        ProgressBar progress = ProgressBar.onTerminal(err)) {
      var request =
          new IngestService.Request(
              paths, Path.of(""), name, newRun.labels, format, newRun.attributes);
      IngestService.Ingested ingested = workspace.ingest().ingest(request, progress);
      progress.close();
      RunDetail detail =
          workspace.runs().detail(ingested.run(), json ? Integer.MAX_VALUE : maxFailures);
      RunQuarantine quarantine = workspace.quarantine().inRun(ingested.run());
      Timing.mark("run read back");
      GateReport checked = rules == null ? null : workspace.gates().check(ingested.run(), rules);
      if (json) {
        Map<String, Object> run = new LinkedHashMap<>(RunQueries.json(detail, quarantine));
        if (checked != null) {
          run.put("gate", GateService.json(checked));
        }
        out.println(Json.write(run));
      } else {
        out.print(RunQueries.text(detail, "", quarantine));
        if (checked != null) {
          out.println();
          out.print(GateService.text(checked));
        }
        if (ingested.ignored() > 0) {
          out.println(
              "Skipped "
                  + ingested.ignored()
                  + (ingested.ignored() == 1 ? " file" : " files")
                  + " in directories that are not test results.");
        }
      }
      out.flush();
      Timing.mark("summary printed");
      if (ingested.unreadable() > 0) {
        err.println(
            "evident: exit 2: "
                + ingested.unreadable()
                + (ingested.unreadable() == 1
                    ? " input could not be read"
                    : " inputs could not be read")
                + " (see the problems above); what could be read is stored as run "
                + ingested.run().id());
        err.flush();
        return ExitCodes.INPUT;
      }
      return checked != null
          ? GateVerdict.exitCode(checked, err)
          : Verdict.exitCode(ingested.run(), quarantine, err);
    }
  }
}
