package dev.evident.cli;

import dev.evident.model.EvidentException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands. */
@Command(
    name = "evident",
    mixinStandardHelpOptions = true,
    version = "evident 0.1.0",
    description =
        "Turns test runs into evidence: reads result files, stores runs, reports honest counts.",
    footer = {
      "",
      "Exit codes: 0 ok (run, ingest, show: also when every failure is of a quarantined test);",
      "1 the results contain failures or errors, or nothing executed, or (doctor)",
      "a requirement is missing, or (gate, --gate) a gate rule failed;",
      "2 usage error or unreadable input; 3 internal error (run again with --verbose)."
    })
public final class EvidentCommand implements Callable<Integer> {

  /** The subcommands, in the order the usage lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          IngestCommand.class,
          RunCommand.class,
          PushCommand.class,
          RunsCommand.class,
          ShowCommand.class,
          DiagnoseCommand.class,
          CompareCommand.class,
          AnalyzeCommand.class,
          CostCommand.class,
          GateCommand.class,
          ExportCommand.class,
          TrendCommand.class,
          SuspiciousCommand.class,
          ProgressCommand.class,
          ReportCommand.class,
          LogsCommand.class,
          LabelCommand.class,
          LabelsCommand.class,
          FlakyCommand.class,
          QuarantineCommand.class,
          DoctorCommand.class,
          ClassifyCommand.class,
          McpCommand.class,
          VerifyCommand.class,
          TrainingCommand.class,
          ServeCommand.class,
          TokenCommand.class);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT;
  }

  /** A command line with Evident's error handling: one clear line, stack traces on --verbose. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for {@code args}: when they start with a subcommand's name, only that
   * subcommand is built. Building all of them (picocli reads every option's annotations) is about a
   * third of a second of CPU at each start; the one that runs behaves the same.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(List.of(c));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new EvidentCommand());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    cl.setExecutionExceptionHandler(EvidentCommand::handle);
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.hasMatchedOption("-v");
    for (CommandLine.ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
      verbose |= sub.hasMatchedOption("--verbose");
    }
    if (e instanceof EvidentException) {
      err.println("evident: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.INPUT;
    }
    err.println(
        "evident: internal error: "
            + e
            + (verbose ? "" : " (run again with --verbose for the stack trace)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
