package dev.evident.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs Evident's command line in-process, as the CLI tests do. */
final class Cli {

  private Cli() {}

  /**
   * Runs {@code evident ARGS}; what it prints to its standard output and error replaces what {@code
   * out} and {@code err} held.
   */
  static int run(StringWriter out, StringWriter err, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** {@code args} with {@code --db DB} added, before the {@code --} that ends Evident's options. */
  static String[] withDb(Path db, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int dashes = all.indexOf("--");
    all.addAll(dashes < 0 ? all.size() : dashes, List.of("--db", db.toString()));
    return all.toArray(String[]::new);
  }

  /** A process that runs {@code evident ARGS} in a JVM of its own, on this JVM's class path. */
  static ProcessBuilder process(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.evident.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
