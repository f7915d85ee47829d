package dev.evident.cli;

import dev.evident.service.RemoteRun;
import dev.evident.service.RunJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evident push JOURNAL --server URL}: stores on the server a run that {@code evident run
 * --server} had to keep locally, and removes the journal once the server has it.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Stores on an evident serve a run that evident run --server kept locally (its journal in"
            + " .evident/unsent/), prints the summary and removes the journal once stored.")
final class PushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Parameters(
      paramLabel = "JOURNAL",
      description = "The journal file (.evident/unsent/run-N.ndjson).")
  Path journal;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The evident serve to store the run on (http://HOST:PORT).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "A token with the ingest scope (default: $EVIDENT_TOKEN).")
  String token;

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "Store it in this project (default: the run's own).")
  String project;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      defaultValue = "20",
      description = "Failures to list (default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Option(names = "--json", description = "Print the server's answer as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = project != null ? project : RunJournal.project(journal);
    Map<String, Object> answer =
        RemoteRun.upload(
            server,
            token != null ? token : System.getenv("EVIDENT_TOKEN"),
            name,
            journal,
            maxFailures);
    Files.delete(journal);
    if (json) {
      out.println(Json.write(answer));
    } else {
      out.print(answer.getOrDefault("text", ""));
      out.println(RemoteRunCommand.stored(server, answer) + " Removed " + journal + ".");
    }
    out.flush();
    return RemoteIngestCommand.exitCode(answer, err);
  }
}
