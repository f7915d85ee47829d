package dev.evident.service;

import java.util.List;
import java.util.Objects;

/**
 * The tasks of one multi-model submission: one suite, one task per model, in the order the models
 * were given.
 *
 * @param id the group's id: the id of its first task
 */
public record TaskGroup(long id, String project, String suite, List<Task> tasks) {
  public TaskGroup {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(suite, "suite");
    tasks = List.copyOf(tasks);
  }

  /** The models, one per task. */
  public List<String> models() {
    return tasks.stream().map(Task::model).toList();
  }

  /** True when every task has ended. */
  public boolean terminal() {
    return tasks.stream().allMatch(t -> t.state().terminal());
  }
}
