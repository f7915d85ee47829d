package dev.evident.cli;

import dev.evident.model.QuarantinedTest;
import dev.evident.service.QuarantineService;
import dev.evident.service.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident quarantine add|remove|list}: tests whose failures are known. */
@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    description =
        "Keeps the list of quarantined tests: their failures are known. Runs keep their status"
            + " (FAILED stays FAILED); run, ingest and show mark those failures, and exit 0 when"
            + " every failure is of a quarantined test.",
    subcommands = {
      QuarantineCommand.Add.class,
      QuarantineCommand.Remove.class,
      QuarantineCommand.ListTests.class
    })
final class QuarantineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Puts tests in quarantine, each as show prints it: 'Suite > name[params]'. A test the"
              + " project never ran is an error (with close names) unless --force.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GlobalOptions global;

    @Parameters(paramLabel = "TEST", arity = "1..*", description = "Tests, as show prints them.")
    List<String> tests;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (an issue link, ...).")
    String reason;

    @Option(
        names = "--project",
        paramLabel = "NAME",
        description = "The project (default: the project of the newest run).")
    String project;

    @Option(names = "--force", description = "Quarantine tests the project has not run (yet).")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = global.open()) {
        List<QuarantinedTest> added = workspace.quarantine().add(project, tests, reason, force);
        QuarantinedTest first = added.get(0);
        out.println(
            "Quarantined "
                + count(added.size())
                + " in project "
                + first.project()
                + (first.reason().isEmpty() ? "" : " (reason: " + first.reason() + ")")
                + ":");
        added.forEach(q -> out.println("  " + q.test()));
        out.println(
            "Their failures are marked by run, ingest and show and forgiven in exit codes;"
                + " runs keep their status.");
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Takes tests out of quarantine.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GlobalOptions global;

    @Parameters(paramLabel = "TEST", arity = "1..*", description = "Tests, as list prints them.")
    List<String> tests;

    @Option(
        names = "--project",
        paramLabel = "NAME",
        description = "The project (default: the project of the newest run).")
    String project;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = global.open()) {
        List<QuarantinedTest> removed = workspace.quarantine().remove(project, tests);
        out.println(
            "Took "
                + count(removed.size())
                + " out of quarantine in project "
                + removed.get(0).project()
                + ":");
        removed.forEach(q -> out.println("  " + q.test()));
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the quarantined tests, with reason and date.")
  static final class ListTests implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GlobalOptions global;

    @Option(
        names = "--project",
        paramLabel = "NAME",
        description = "Only this project (default: every project).")
    String project;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace workspace = global.open()) {
        List<QuarantinedTest> tests = workspace.quarantine().quarantined(project);
        out.print(
            json
                ? Json.write(QuarantineService.json(tests)) + "\n"
                : QuarantineService.text(tests, project));
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  private static String count(int n) {
    return n == 1 ? "1 test" : n + " tests";
  }
}
