package dev.evident.cli;

import dev.evident.model.RunQuarantine;
import dev.evident.service.InputException;
import dev.evident.service.RemoteIngest;
import dev.evident.service.RemoteRun;
import dev.evident.service.RunService;
import dev.evident.service.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code --server} half of {@code evident run}: the command runs as locally, its run is stored
 * in a scratch store and recorded in a journal, which the server replays into its store. When the
 * server does not take it, the run goes to the local store and the journal is kept for {@code
 * evident push}.
 */
final class RemoteRunCommand {

  private RemoteRunCommand() {}

  static int run(RunCommand c, RunService.Request request, PrintWriter out, PrintWriter err) {
    String token = c.token != null ? c.token : System.getenv("EVIDENT_TOKEN");
    Path scratch = scratch();
    Path journal = scratch.resolve("run.ndjson");
    try (Workspace scratchStore =
            Workspace.openInBackground(scratch.resolve("evident.db").toString(), null);
        LiveConsole console = c.console(out, err)) {
      RunService service = scratchStore.runner().journaling(journal);
      return CtrlC.cancellable(
          service,
          () -> {
            service.run(request, console);
            console.close();
            Map<String, Object> answer;
            try {
              answer = RemoteRun.upload(c.server, token, request.project(), journal, c.maxFailures);
            } catch (RemoteIngest.RemoteException | InputException e) {
              try {
                return keep(c, journal, e.getMessage(), out, err);
              } catch (RuntimeException local) {
                return keepFile(
                    c,
                    journal,
                    request.workDir(),
                    e.getMessage() + "; nor locally: " + local.getMessage(),
                    err);
              }
            }
            print(c, answer, out);
            return exitCode(c, answer, err);
          });
    } finally {
      deleteTree(scratch);
    }
  }

  private static int keep(
      RunCommand c, Path journal, String why, PrintWriter out, PrintWriter err) {
    try (Workspace local = c.global.open()) {
      RemoteRun.Kept kept = RemoteRun.keep(local, journal, unsent(c.global.db()));
      RunQuarantine quarantine = local.quarantine().inRun(kept.run());
      c.print(
          local,
          new RunService.Ran(kept.run(), java.util.List.of(), java.util.List.of()),
          quarantine,
          null,
          out);
      err.println("evident: the run is not stored on the server: " + why);
      err.println(
          "evident: exit 2: kept as run "
              + kept.run().id()
              + " in the local store; to store it on the server later: evident push "
              + kept.journal()
              + " --server "
              + c.server
              + " --token TOKEN");
      err.flush();
      return ExitCodes.INPUT;
    }
  }

  /** The last resort: the journal as a file in the run's directory, to push later. */
  private static int keepFile(
      RunCommand c, Path journal, Path workDir, String why, PrintWriter err) {
    Path file = workDir.resolve("evident-run-" + System.currentTimeMillis() + ".ndjson");
    try {
      Files.copy(journal, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run journal as " + file + ": " + e, e);
    }
    err.println("evident: the run is not stored on the server: " + why);
    err.println(
        "evident: exit 2: its journal is kept as "
            + file
            + "; to store it on the server later: evident push "
            + file
            + " --server "
            + c.server
            + " --token TOKEN");
    err.flush();
    return ExitCodes.INPUT;
  }

  /** Where journals that could not be uploaded are kept: {@code unsent/} beside the local store. */
  static Path unsent(String db) {
    Path dir =
        db.startsWith("jdbc:")
            ? Path.of(".evident")
            : Path.of(db).toAbsolutePath().normalize().getParent();
    return Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath()).resolve("unsent");
  }

  static void print(RunCommand c, Map<String, Object> answer, PrintWriter out) {
    if (c.json) {
      Map<String, Object> run = new java.util.LinkedHashMap<>(answer);
      run.remove("text");
      out.println(Json.write(run));
    } else {
      out.println();
      out.print(answer.getOrDefault("text", ""));
      out.println(stored(c.server, answer));
    }
    out.flush();
  }

  static String stored(String server, Map<String, Object> answer) {
    return "Stored as run "
        + answer.get("run")
        + " on "
        + server.replaceAll("/+$", "")
        + " (project "
        + answer.get("project")
        + ").";
  }

  private static int exitCode(RunCommand c, Map<String, Object> answer, PrintWriter err) {
    String status = String.valueOf(answer.get("status"));
    if (status.equals("EMPTY") && c.allowEmpty) {
      return ExitCodes.OK;
    }
    long flaky = ((Number) answer.getOrDefault("unquarantinedFlaky", 0)).longValue();
    boolean passed = status.equals("PASSED") || Boolean.TRUE.equals(answer.get("forgiven"));
    if (passed && flaky > 0 && !c.allowFlaky) {
      err.println(
          "evident: exit 1: "
              + (flaky == 1 ? "1 test passed" : flaky + " tests passed")
              + " only on a retry (flaky); --allow-flaky accepts that (run "
              + answer.get("run")
              + ")");
      err.flush();
      return ExitCodes.RESULTS;
    }
    return RemoteIngestCommand.exitCode(answer, err);
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is no reason to fail the run
    }
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("evident-remote-run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }
}
