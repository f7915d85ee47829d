package dev.evident.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One server task as it is now.
 *
 * @param project the project its run is stored under (the suite's)
 * @param parameters every parameter, defaults filled in
 * @param runId the run's id as soon as the run exists, else null
 * @param started null while queued
 * @param finished null until terminal
 * @param testsDone tests finished so far by the runner's output, -1 when it does not say
 * @param testsFailed of those, failed or errored, -1 when it does not say
 * @param message why it failed, timed out, was cancelled or interrupted; else null
 * @param attempts how many times a worker claimed it
 */
public record Task(
    long id,
    String project,
    String suite,
    Map<String, Object> parameters,
    TaskState state,
    Long runId,
    Instant created,
    Instant started,
    Instant finished,
    long testsDone,
    long testsFailed,
    String message,
    int attempts,
    String origin) {
  public Task {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(suite, "suite");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
  }
}
