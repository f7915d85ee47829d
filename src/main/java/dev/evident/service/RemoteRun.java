package dev.evident.service;

import dev.evident.model.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * {@code evident run --server} and {@code evident push}: sends a {@link RunJournal} to an {@code
 * evident serve}, which stores the run it records; when that fails, keeps the run in the local
 * store and the journal beside it, to be pushed later.
 */
public final class RemoteRun {

  private RemoteRun() {}

  /**
   * Uploads the journal in {@code file} as a run of {@code project} and returns the server's answer
   * (the run, its counts, problems, and the summary {@code evident run} prints).
   *
   * @param token a token with the ingest scope, or null for a single-user server
   * @throws RemoteIngest.RemoteException naming the server and the HTTP status or the cause
   */
  public static Map<String, Object> upload(
      String server, String token, String project, Path file, int maxFailures) {
    String base = server.replaceAll("/+$", "");
    URI uri;
    try {
      uri =
          URI.create(
              base
                  + "/api/v1/projects/"
                  + RemoteIngest.enc(project).replace("+", "%20")
                  + "/runs/journal?text=true&max_failures="
                  + Math.max(1, maxFailures));
    } catch (IllegalArgumentException e) {
      throw new InputException("invalid --server URL '" + server + "': " + e.getMessage());
    }
    HttpRequest.Builder http;
    try {
      http =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofMinutes(10))
              .header("Content-Type", RunJournal.MEDIA_TYPE)
              .POST(HttpRequest.BodyPublishers.ofFile(file));
    } catch (java.io.FileNotFoundException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage());
    }
    return RemoteIngest.send(http, base, token);
  }

  /**
   * A run kept locally because the server did not take it.
   *
   * @param run the run as stored in the local store
   * @param journal where its journal is kept, for {@code evident push}
   */
  public record Kept(Run run, Path journal) {}

  /**
   * Stores the run that {@code journal} records in the local store and moves the journal to {@code
   * unsent/run-ID.ndjson}, ID being the local run's id.
   */
  public static Kept keep(Workspace local, Path journal, Path unsent) {
    Run run = local.replay(journal);
    try {
      Files.createDirectories(unsent);
      Path kept = unsent.resolve("run-" + run.id() + ".ndjson");
      Files.move(journal, kept, StandardCopyOption.REPLACE_EXISTING);
      return new Kept(run, kept);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "run " + run.id() + " is stored locally, but its journal cannot be kept: " + e, e);
    }
  }
}
