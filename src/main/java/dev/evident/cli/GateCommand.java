package dev.evident.cli;

import dev.evident.model.GateReport;
import dev.evident.model.GateRules;
import dev.evident.model.Run;
import dev.evident.service.GateService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident gate}: checks a stored run against quality gates. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a stored run against quality gates: the gates: section of evident.yaml, each rule"
            + " replaced by the option that sets it. Prints each rule with its numbers and"
            + " denominators; quarantined tests are left out of every count. Exits 0 when every rule"
            + " holds, 1 when one fails, 2 on usage or configuration errors.")
final class GateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Mixin GateOptions gate;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN",
      description =
          "A run id, latest (default), latest~N or branch:NAME (the newest run on a branch).")
  String run = "latest";

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "latest, latest~N and branch:NAME in this project.")
  String project;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The project file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Option(names = "--json", description = "Print the check as JSON.")
  boolean json;

  @Override
  public Integer call() {
    GateRules rules = GateService.rules(Path.of(""), config, gate.rules(spec.commandLine()));
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = global.open()) {
      Run checked = workspace.runs().resolve(run, project);
      GateReport report = workspace.gates().check(checked, rules);
      out.print(json ? Json.write(GateService.json(report)) + "\n" : GateService.text(report));
      out.flush();
      return GateVerdict.exitCode(report, spec.commandLine().getErr());
    }
  }
}
