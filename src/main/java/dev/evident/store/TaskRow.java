package dev.evident.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A row of the task queue as stored. {@code state} is the name of a task state ({@code QUEUED},
 * {@code RUNNING}, {@code COMPLETED}, ...); the service layer gives it meaning.
 *
 * @param owner the server holding the lease while RUNNING, else null
 * @param leaseUntil epoch milliseconds until which the owner's lease holds, or null
 * @param version grows on every change of the row
 * @param model the model the task runs for (a multi-model submission), or null
 * @param groupId the id of the first task of its multi-model submission, or null
 */
public record TaskRow(
    long id,
    String project,
    String suite,
    Map<String, Object> parameters,
    String origin,
    String state,
    Long runId,
    Instant created,
    Instant started,
    Instant finished,
    long testsDone,
    long testsFailed,
    String message,
    int attempts,
    String owner,
    Long leaseUntil,
    boolean cancelRequested,
    long version,
    String model,
    Long groupId) {
  public TaskRow {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(suite, "suite");
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(parameters);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(created, "created");
  }
}
