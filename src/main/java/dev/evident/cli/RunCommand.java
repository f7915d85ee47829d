package dev.evident.cli;

import dev.evident.model.GateReport;
import dev.evident.model.GateRules;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.model.RunStatus;
import dev.evident.service.GateService;
import dev.evident.service.RunQueries;
import dev.evident.service.RunService;
import dev.evident.service.Timing;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident run -- COMMAND}: runs a test suite under supervision and stores the run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs a test command under supervision, collects its results (asking pytest, Maven,"
            + " Gradle, Go, Jest, Vitest or cargo for machine-readable output, or reading --results),"
            + " stores the run and prints its summary. Checks the requirements in evident.yaml first."
            + " Exits 0 only when every executed test passed.")
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Mixin NewRunOptions newRun;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "1..*",
      description = "The command and its arguments, after --.")
  List<String> command;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Stop the command and everything it started after this long (90s, 10m, 1h); the run is INTERRUPTED, its results so far kept.")
  String timeout;

  @Option(
      names = "--results",
      paramLabel = "GLOB",
      description =
          "Result files to read after the command ends (relative to the current directory); repeatable. Files older than the run are never read.")
  List<String> results = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not pass the command's output through.")
  boolean quiet;

  @Option(
      names = "--no-preflight",
      description = "Do not check the requirements in evident.yaml first.")
  boolean noPreflight;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The project file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Option(names = "--allow-empty", description = "Exit 0 when no test executed.")
  boolean allowEmpty;

  @Option(names = "--allow-flaky", description = "Exit 0 when tests passed only on a retry.")
  boolean allowFlaky;

  @Option(
      names = "--record-env",
      paramLabel = "NAME",
      description =
          "Record this environment variable's value with the run; repeatable. No other value is recorded.")
  List<String> recordEnv = new ArrayList<>();

  @Option(
      names = {"-C", "--directory"},
      paramLabel = "DIR",
      description =
          "Run the command in this directory (default: the current one); evident.yaml and --results are looked for there.")
  Path directory;

  @Option(
      names = "--models",
      paramLabel = "M1,M2",
      split = ",",
      description =
          "Run the command once per model, EVIDENT_MODEL set and the model stored as the run's"
              + " attribute model, then compare the runs as compare --by model does.")
  List<String> models;

  @Option(names = "--json", description = "Print the stored run as JSON.")
  boolean json;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      defaultValue = "20",
      description = "Failures to list (default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Option(
      names = "--gate",
      description =
          "Check the stored run against the gates: of evident.yaml (evident gate); the gate"
              + " options below replace its rules and imply --gate. The exit code is the gate's"
              + " (--allow-empty and --allow-flaky do not apply).")
  boolean gate;

  @Mixin GateOptions gateOptions;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Store the run on an evident serve at URL (http://HOST:PORT) instead of locally; when"
              + " it cannot, the run is kept locally with the command to push it later.")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "With --server: a token with the ingest scope (default: $EVIDENT_TOKEN).")
  String token;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration limit = timeout == null ? null : Durations.parse(timeout, spec.commandLine());
    Path workDir = (directory == null ? Path.of("") : directory).toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(workDir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no such directory: " + directory);
    }
    String name =
        newRun.project != null
            ? newRun.project
            : directory == null
                ? GlobalOptions.defaultProject()
                : String.valueOf(workDir.getFileName());
    if (models != null) {
      return ModelRuns.run(this, workDir, name, limit);
    }
    // Gates are read before the command runs: an error in them must not cost a test run.
    GateRules rules =
        gate || gateOptions.any()
            ? GateService.rules(workDir, config, gateOptions.rules(spec.commandLine()))
            : null;
    RunService.Request request =
        new RunService.Request(
            command,
            workDir,
            name,
            newRun.labels,
            limit,
            results,
            !noPreflight,
            config,
            recordEnv,
            System.getenv(),
            newRun.attributes,
            Map.of());
    if (server != null) {
      if (rules != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--gate does not apply with --server (run evident gate where the run is stored)");
      }
      return RemoteRunCommand.run(this, request, out, err);
    }
    try (Workspace workspace = global.openInBackground();
        LiveConsole console = console(out, err)) {
      RunService service = workspace.runner();
      return CtrlC.cancellable(
          service,
          () -> {
            RunService.Ran ran = service.run(request, console);
            console.close();
            RunQuarantine quarantine = workspace.quarantine().inRun(ran.run());
            GateReport checked = rules == null ? null : workspace.gates().check(ran.run(), rules);
            print(workspace, ran, quarantine, checked, out);
            Timing.mark("summary printed");
            return checked != null
                ? GateVerdict.exitCode(checked, err)
                : exitCode(ran.run(), quarantine, err);
          });
    }
  }

  LiveConsole console(PrintWriter out, PrintWriter err) {
    return new LiveConsole(out, err, quiet || json, Terminal.stderrIsTerminal());
  }

  void print(
      Workspace workspace,
      RunService.Ran ran,
      RunQuarantine quarantine,
      GateReport checked,
      PrintWriter out) {
    RunDetail detail = workspace.runs().detail(ran.run(), json ? Integer.MAX_VALUE : maxFailures);
    if (json) {
      Map<String, Object> run = new LinkedHashMap<>(RunQueries.json(detail, quarantine));
      if (checked != null) {
        run.put("gate", GateService.json(checked));
      }
      out.println(Json.write(run));
    } else {
      out.println();
      out.print(RunQueries.text(detail, "", quarantine));
      if (checked != null) {
        out.println();
        out.print(GateService.text(checked));
      }
    }
    out.flush();
  }

  int exitCode(Run run, RunQuarantine quarantine, PrintWriter err) {
    if (run.status() == RunStatus.EMPTY && allowEmpty) {
      return ExitCodes.OK;
    }
    boolean forgiven = quarantine.forgives(run);
    long flaky = quarantine.unquarantinedFlaky(run);
    if ((run.status() == RunStatus.PASSED || forgiven) && flaky > 0 && !allowFlaky) {
      err.println(
          "evident: exit 1: "
              + (flaky == 1 ? "1 test passed" : flaky + " tests passed")
              + " only on a retry (flaky)"
              + (quarantine.flaky() > 0 ? ", not quarantined" : "")
              + "; --allow-flaky accepts that (run "
              + run.id()
              + ")");
      err.flush();
      return ExitCodes.RESULTS;
    }
    return Verdict.exitCode(run, quarantine, err);
  }

  /** Durations as people write them: 90s, 10m, 1h30m, PT5M, or plain seconds. */
  static final class Durations {
    private Durations() {}

    static Duration parse(String text, CommandLine cl) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      try {
        if (t.startsWith("pt")) {
          return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
          return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        if (t.matches("(\\d+h)?(\\d+m)?(\\d+(\\.\\d+)?s)?") && !t.isEmpty()) {
          return Duration.parse("PT" + t.toUpperCase(java.util.Locale.ROOT));
        }
      } catch (java.time.format.DateTimeParseException e) {
        // falls through to the usage error
      }
      throw new CommandLine.ParameterException(
          cl, "invalid --timeout '" + text + "': use e.g. 90s, 10m, 1h30m");
    }
  }
}
