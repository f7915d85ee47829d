package dev.evident.cli;

import dev.evident.service.Preflights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident doctor}: checks the requirements the project's evident.yaml declares. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Checks what the project's evident.yaml (or .evident/config.yaml) requires: services that"
            + " must answer, commands on PATH, environment variables, files, runtime and package"
            + " versions. Prints each with ok or MISSING and what to do. Exits 0 when all are met"
            + " (or there is no file), 1 when any is missing, 2 when the file has errors.")
final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The configuration file (default: evident.yaml, else .evident/config.yaml).")
  Path config;

  @Option(
      names = {"-C", "--directory"},
      paramLabel = "DIR",
      description = "Check the project in this directory (default: the current one).")
  Path directory;

  @Option(names = "--json", description = "Print the checks as JSON.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Preflights.Result result = Preflights.run(directory == null ? Path.of("") : directory, config);
    out.print(json ? Json.write(Preflights.json(result)) + "\n" : Preflights.text(result));
    out.flush();
    int missing = result.missing().size();
    if (missing == 0) {
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "evident: exit 1: "
            + missing
            + " of "
            + result.checks().size()
            + (result.checks().size() == 1 ? " requirement" : " requirements")
            + " missing");
    err.flush();
    return ExitCodes.RESULTS;
  }
}
