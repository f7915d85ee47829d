package dev.evident.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's task queue: suites declared in its configuration, run by workers that claim tasks
 * from the store, shared by the HTTP API, the web UI, A2A and MCP. Thread safe.
 */
public interface Tasks {

  /** The parameters a request would run with, defaults filled in, and what is wrong with them. */
  record Validation(String suite, Map<String, Object> parameters, List<String> problems) {
    public Validation {
      parameters = Map.copyOf(parameters);
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** The suites declared in the server's configuration, the only ones a task may run. */
  List<dev.evident.model.TaskSuite> suites();

  /** Checks a request without queueing it. */
  Validation validate(TaskRequest request);

  /**
   * Queues a task; a worker starts it within a second when a slot is free.
   *
   * @throws InputException naming every problem when the suite is unknown or a parameter invalid
   */
  Task submit(TaskRequest request);

  /** Checks a multi-model request: the list of models, and the parameters of each model's task. */
  Validation validate(TaskRequest request, List<String> models);

  /**
   * Queues one task per model, linked by one group id; each runs the suite with its model ({@code
   * EVIDENT_MODEL}, {@code {{model}}}, the {@code model} parameter when the suite declares one) and
   * its run carries the model as attribute {@code model}.
   *
   * @throws InputException naming every problem: an empty list, a model listed twice, more than
   *     {@value ModelList#MAX}, an unknown suite, an invalid parameter
   */
  TaskGroup submitModels(TaskRequest request, List<String> models);

  /** The tasks of a multi-model submission, or empty when there is no such group. */
  Optional<TaskGroup> group(long id);

  Optional<Task> get(long id);

  /**
   * The newest tasks first.
   *
   * @param project null for every project
   * @param state null for every state
   */
  List<Task> list(String project, TaskState state, int limit);

  /**
   * Stops a queued or running task; it ends CANCELLED (a running command is stopped, its results so
   * far are stored).
   *
   * @throws NotFoundException when there is no such task
   * @throws TaskNotCancelableException when it is already terminal
   */
  Task cancel(long id);

  /**
   * Calls {@code listener} with the task as it is now, then on every change (state, run id,
   * progress) in order, until the returned handle is closed; the last call is the terminal state.
   *
   * @throws NotFoundException when there is no such task
   */
  AutoCloseable subscribe(long id, Consumer<Task> listener);
}
