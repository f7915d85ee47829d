package dev.evident.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known of a run when writing starts.
 *
 * @param project the project name
 * @param source {@code ingest}, {@code run} or {@code upload}
 * @param command the command that ran the tests, or empty
 * @param exitCode its exit code, or null
 * @param attributes facts about the run (git commit, branch, CI URL)
 * @param labels the user's labels
 * @param started when the tests started, or null to take it from the results
 * @param finished when they finished, or null to take it from the results
 */
public record RunStart(
    String project,
    String source,
    String command,
    Integer exitCode,
    Map<String, String> attributes,
    Map<String, String> labels,
    Instant started,
    Instant finished) {

  public RunStart {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(source, "source");
    command = command == null ? "" : command;
    attributes = Map.copyOf(attributes);
    labels = Map.copyOf(labels);
  }

  public static RunStart ingest(String project, Map<String, String> labels) {
    return new RunStart(project, "ingest", "", null, Map.of(), labels, null, null);
  }
}
