package dev.evident.cli;

import picocli.CommandLine;

/** The command line entry point. The only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    dev.evident.service.Timing.mark("main");
    CommandLine commandLine = EvidentCommand.commandLine(args);
    dev.evident.service.Timing.mark("command line built");
    int code = commandLine.execute(args);
    dev.evident.service.Timing.mark("exit");
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** For tests and embedding: runs a command line and returns its exit code. */
  public static int run(CommandLine commandLine, String... args) {
    return commandLine.execute(args);
  }
}
