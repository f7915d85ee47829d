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
 * @param model the model it runs for (a multi-model submission), or null
 * @param groupId its multi-model submission's id (the id of the group's first task), or null
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
    String origin,
    String model,
    Long groupId) {
  public Task {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(suite, "suite");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
  }

  static Task of(dev.evident.store.TaskRow r) {
    return new Task(
        r.id(),
        r.project(),
        r.suite(),
        r.parameters(),
        TaskState.valueOf(r.state()),
        r.runId(),
        r.created(),
        r.started(),
        r.finished(),
        r.testsDone(),
        r.testsFailed(),
        r.message(),
        r.attempts(),
        r.origin(),
        r.model(),
        r.groupId());
  }
}
