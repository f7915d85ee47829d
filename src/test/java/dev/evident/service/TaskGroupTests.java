package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Run;
import dev.evident.model.TaskSuite;
import dev.evident.store.Backend;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Multi-model submissions in the task queue, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskGroupTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private ResultStore store;
  private TaskService tasks;

  @BeforeEach
  void open() {
    store = ResultStore.open(backend.newStore(dir.resolve("evident.db")));
    TaskSuite unit = TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 4);
    tasks = new TaskService(store, List.of(unit), TaskFixtures.quick(4), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    tasks.close();
    store.close();
  }

  @Test
  void aListOfModelsQueuesOneTaskPerModelInOneGroupAndEachRunCarriesItsModel() {
    TaskGroup group =
        tasks.submitModels(
            new TaskRequest("unit", Map.of("name", "three"), "api"), List.of("a", "b", "c"));

    assertThat(group.models()).containsExactly("a", "b", "c");
    assertThat(group.tasks()).allSatisfy(t -> assertThat(t.groupId()).isEqualTo(group.id()));
    assertThat(group.tasks().get(0).id()).isEqualTo(group.id());
    TaskGroup done =
        Await.until(
            "the group to end",
            Duration.ofSeconds(60),
            () -> tasks.group(group.id()).filter(TaskGroup::terminal).orElse(null));
    for (Task t : done.tasks()) {
      assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
      Run run = store.run(t.runId()).orElseThrow();
      assertThat(run.attributes())
          .containsEntry("model", t.model())
          .containsEntry("task.group", Long.toString(group.id()));
      assertThat(run.counts().executed()).isEqualTo(2);
    }
    assertThat(tasks.group(group.id() + 100)).isEmpty();
    assertThat(tasks.submit(new TaskRequest("unit", Map.of(), "api")).groupId()).isNull();
  }

  @Test
  void aBadListQueuesNothingAndNamesEveryProblem() {
    assertThatThrownBy(
            () ->
                tasks.submitModels(
                    new TaskRequest("unit", Map.of("sleep", -1), "api"), List.of("a", "a")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "cannot run unit: model a is listed twice (models[0] and models[1]): each"
                + " model runs once");
    assertThatThrownBy(
            () ->
                tasks.submitModels(
                    new TaskRequest("unit", Map.of("sleep", -1), "api"), List.of("a")))
        .hasMessage("cannot run unit: sleep must be at least 0, not -1");
    assertThat(tasks.list(null, null, 10)).isEmpty();
  }
}
