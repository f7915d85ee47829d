package dev.evident.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored run: one execution or one ingest of a test suite's results.
 *
 * @param id the store's id
 * @param project the project name
 * @param source how the run came in: {@code ingest}, {@code run}, {@code upload}
 * @param created when it was stored
 * @param started when the tests started, or null when unknown
 * @param finished when they finished, or null when unknown
 * @param status the run status
 * @param command the command that ran the tests, or empty
 * @param exitCode the command's exit code, or null
 * @param attributes facts about the run (git commit, branch, CI URL, ...)
 * @param labels labels the user gave it
 * @param counts the test counts
 * @param runErrors the number of errors outside tests
 * @param problems the number of problems found while reading the input
 */
public record Run(
    long id,
    String project,
    String source,
    Instant created,
    Instant started,
    Instant finished,
    RunStatus status,
    String command,
    Integer exitCode,
    Map<String, String> attributes,
    Map<String, String> labels,
    Counts counts,
    int runErrors,
    int problems) {

  public Run {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(status, "status");
    command = command == null ? "" : command;
    attributes = Map.copyOf(attributes);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(counts, "counts");
  }

  /**
   * The branch the run was made on: the {@code git.branch} that {@code evident run} records, else a
   * {@code branch} label given at ingest; null when neither names one.
   */
  public String branch() {
    String branch = attributes.get("git.branch");
    if (branch == null || branch.isBlank()) {
      branch = labels.get("branch");
    }
    return branch == null || branch.isBlank() ? null : branch;
  }
}
