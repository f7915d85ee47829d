package dev.evident.cli;

import dev.evident.service.RemoteIngest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The {@code --server} half of {@code evident ingest}: upload, print the server's summary. */
final class RemoteIngestCommand {

  private RemoteIngestCommand() {}

  static int upload(IngestCommand command, String project, PrintWriter out, PrintWriter err) {
    if (!command.format.equalsIgnoreCase("auto")) {
      throw new picocli.CommandLine.ParameterException(
          command.spec.commandLine(), "--format does not apply with --server (the server detects)");
    }
    String token = command.token != null ? command.token : System.getenv("EVIDENT_TOKEN");
    Map<String, Object> answer =
        RemoteIngest.upload(
            new RemoteIngest.Request(
                command.server,
                token,
                project,
                command.paths,
                Path.of(""),
                command.newRun.labels,
                command.newRun.attributes));
    if (command.json) {
      out.println(Json.write(answer));
    } else {
      out.print(answer.getOrDefault("text", ""));
      int ignored = ((Number) answer.getOrDefault("ignored", 0)).intValue();
      if (ignored > 0) {
        out.println(
            "Skipped "
                + ignored
                + (ignored == 1 ? " file" : " files")
                + " in directories that are not test results.");
      }
      out.println("Stored on " + command.server + " as run " + answer.get("run") + ".");
    }
    out.flush();
    Object run = answer.get("run");
    int unreadable = ((Number) answer.getOrDefault("unreadable", 0)).intValue();
    if (unreadable > 0) {
      err.println(
          "evident: exit 2: "
              + unreadable
              + (unreadable == 1 ? " input could not be read" : " inputs could not be read")
              + " (see the problems above); what could be read is stored as run "
              + run);
      err.flush();
      return ExitCodes.INPUT;
    }
    return exitCode(answer, err);
  }

  /** The exit code of a run the server stored, from its answer, saying on stderr why not 0. */
  static int exitCode(Map<String, Object> answer, PrintWriter err) {
    Object run = answer.get("run");
    String status = String.valueOf(answer.get("status"));
    if (Boolean.TRUE.equals(answer.get("forgiven"))) {
      err.println(
          "evident: exit 0: every failure is of a quarantined test; run "
              + run
              + " is stored as FAILED");
      err.flush();
      return ExitCodes.OK;
    }
    String why =
        switch (status) {
          case "PASSED", "QUEUED", "RUNNING" -> null;
          case "FAILED" -> "the results contain failures or errors";
          case "EMPTY" -> "nothing executed";
          case "BROKEN" -> "nothing executed: errors outside tests kept them from running";
          case "BLOCKED" -> "nothing executed: a preflight requirement failed";
          default -> "the run was interrupted";
        };
    if (why == null) {
      return ExitCodes.OK;
    }
    err.println("evident: exit 1: " + why + " (run " + run + ")");
    err.flush();
    return ExitCodes.RESULTS;
  }
}
