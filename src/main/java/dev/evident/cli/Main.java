package dev.evident.cli;

import picocli.CommandLine;

/** The command line entry point. The only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = EvidentCommand.commandLine(args).execute(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** For tests and embedding: runs a command line and returns its exit code. */
  public static int run(CommandLine commandLine, String... args) {
    return commandLine.execute(args);
  }
}
