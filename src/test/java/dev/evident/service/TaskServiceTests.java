package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TaskSuite;
import dev.evident.store.Backend;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The task queue with real workers running real commands, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskServiceTests {

  static final Duration LIMIT = Duration.ofSeconds(60);

  @Parameter Backend backend;
  @TempDir Path dir;
  private ResultStore store;
  private final List<TaskService> services = new ArrayList<>();

  @BeforeEach
  void open() {
    store = ResultStore.open(backend.newStore(dir.resolve("evident.db")));
  }

  @AfterEach
  void close() {
    services.forEach(TaskService::close);
    store.close();
  }

  private TaskService service(int workers, TaskSuite... suites) {
    TaskService s =
        new TaskService(store, List.of(suites), TaskFixtures.quick(workers), Clock.systemUTC());
    services.add(s);
    return s;
  }

  private TaskSuite suite() {
    return TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 4);
  }

  static Task ended(Tasks tasks, long id) {
    return Await.until(
        "task " + id + " to end",
        LIMIT,
        () -> tasks.get(id).filter(t -> t.state().terminal()).orElse(null));
  }

  static Task reached(Tasks tasks, long id, TaskState state) {
    return Await.until(
        "task " + id + " to be " + state,
        LIMIT,
        () -> tasks.get(id).filter(t -> t.state() == state).orElse(null));
  }

  @Test
  void aSubmittedTaskRunsItsSuiteAndStoresARealRunWithItsParameters() {
    TaskService tasks = service(2, suite());
    Task queued = tasks.submit(new TaskRequest("unit", Map.of("name", "three"), "api"));
    assertThat(queued.state()).isEqualTo(TaskState.QUEUED);
    assertThat(queued.parameters()).containsEntry("name", "three").containsEntry("fail", false);

    Task done = ended(tasks, queued.id());

    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.message()).isNull();
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.started()).isNotNull();
    assertThat(done.finished()).isNotNull();
    Run run = store.run(done.runId()).orElseThrow();
    assertThat(run.project()).isEqualTo("shop");
    assertThat(run.status()).isEqualTo(RunStatus.PASSED);
    assertThat(run.counts().executed()).isEqualTo(2);
    assertThat(run.attributes()).containsEntry("task.id", Long.toString(done.id()));
    assertThat(store.detail(run.id(), 10).suites()).isNotEmpty();
  }

  @Test
  void failingTestsCompleteTheTaskWithAFailedRun() {
    TaskService tasks = service(1, suite());
    Task done =
        ended(tasks, tasks.submit(new TaskRequest("unit", Map.of("fail", true), "api")).id());

    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    Run run = store.run(done.runId()).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.counts().failed()).isEqualTo(1);
  }

  @Test
  void aCommandThatIsNotFoundFailsTheTaskNamingWhy() {
    TaskSuite missing =
        new TaskSuite(
            "missing",
            "shop",
            List.of("./no-such-command-here"),
            dir,
            List.of(),
            Map.of(),
            null,
            1);
    TaskService tasks = service(1, missing);
    Task done = ended(tasks, tasks.submit(new TaskRequest("missing", Map.of(), "api")).id());

    assertThat(done.state()).isEqualTo(TaskState.FAILED);
    assertThat(done.message()).startsWith("the command could not start");
    assertThat(store.run(done.runId()).orElseThrow().status()).isEqualTo(RunStatus.BROKEN);
  }

  @Test
  void aTaskPastItsSuitesTimeoutIsStoppedAndEndsTimedOut() {
    TaskService tasks = service(1, TaskFixtures.junit("slow", dir, Duration.ofSeconds(1), 1));
    Task done =
        ended(tasks, tasks.submit(new TaskRequest("slow", Map.of("sleep", 30), "api")).id());

    assertThat(done.state()).isEqualTo(TaskState.TIMED_OUT);
    assertThat(done.message()).contains("timeout of 1s");
    assertThat(store.run(done.runId()).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
  }

  @Test
  void cancellingARunningTaskStopsItsCommandAndEndsCancelled() {
    TaskService tasks = service(1, suite());
    long id = tasks.submit(new TaskRequest("unit", Map.of("sleep", 30), "api")).id();
    Task running =
        Await.until(
            "a run id while it runs",
            LIMIT,
            () -> tasks.get(id).filter(t -> t.runId() != null).orElse(null));
    assertThat(running.state()).isEqualTo(TaskState.RUNNING);
    assertThat(store.run(running.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    tasks.cancel(id);
    Task done = ended(tasks, id);

    assertThat(done.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(done.runId()).isEqualTo(running.runId());
    assertThat(store.run(done.runId()).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThatThrownBy(() -> tasks.cancel(id))
        .isInstanceOf(TaskNotCancelableException.class)
        .hasMessageContaining("already ended: CANCELLED");
  }

  @Test
  void aQueuedTaskIsCancelledBeforeItStarts() {
    TaskService tasks = service(1, suite());
    long first = tasks.submit(new TaskRequest("unit", Map.of("sleep", 30), "api")).id();
    reached(tasks, first, TaskState.RUNNING);
    long second = tasks.submit(new TaskRequest("unit", Map.of(), "api")).id();

    Task cancelled = tasks.cancel(second);

    assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(cancelled.started()).isNull();
    tasks.cancel(first);
    assertThat(ended(tasks, first).state()).isEqualTo(TaskState.CANCELLED);
  }

  @Test
  void invalidParametersAreRefusedNamingEachProblemAndValidationShowsDefaults() {
    TaskService tasks = service(1, suite());
    Tasks.Validation ok = tasks.validate(new TaskRequest("unit", Map.of(), "api"));
    assertThat(ok.valid()).isTrue();
    assertThat(ok.parameters()).containsEntry("name", "two").containsEntry("fail", false);

    Tasks.Validation bad =
        tasks.validate(
            new TaskRequest("unit", Map.of("name", "Nope!", "sleep", 99, "color", "red"), "api"));
    assertThat(bad.problems())
        .containsExactlyInAnyOrder(
            "unknown parameter 'color' (known: fail, name, sleep)",
            "name must match ^[a-z]+$, not 'Nope!'",
            "sleep must be at most 60, not 99");
    assertThatThrownBy(() -> tasks.submit(new TaskRequest("unit", Map.of("fail", "yes"), "api")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("fail must be a boolean, not the text 'yes'");
    assertThatThrownBy(() -> tasks.submit(new TaskRequest("nightly", Map.of(), "api")))
        .hasMessageContaining("unknown suite 'nightly' (declared: unit)");
    assertThat(tasks.list(null, null, 10)).isEmpty();
  }

  @Test
  void aSubscriberSeesEveryStateInOrderEndingWithTheTerminalOne() throws Exception {
    TaskService tasks = service(1, suite());
    long id = tasks.submit(new TaskRequest("unit", Map.of("sleep", 0.5), "api")).id();
    List<TaskState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
    try (AutoCloseable handle =
        tasks.subscribe(
            id,
            t -> {
              seen.add(t.state());
              if (t.state().terminal()) {
                end.countDown();
              }
            })) {
      assertThat(end.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen.getLast()).isEqualTo(TaskState.COMPLETED);
    assertThat(seen.stream().distinct().toList())
        .isSubsetOf(TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED)
        .endsWith(TaskState.COMPLETED);
    assertThat(seen.indexOf(TaskState.COMPLETED)).isEqualTo(seen.size() - 1);
  }

  @Test
  void stoppingTheServerInterruptsRunningTasksAndLeavesQueuedOnesQueued() {
    TaskService tasks = service(1, suite());
    long running = tasks.submit(new TaskRequest("unit", Map.of("sleep", 30), "api")).id();
    reached(tasks, running, TaskState.RUNNING);
    long queued = tasks.submit(new TaskRequest("unit", Map.of(), "api")).id();

    tasks.close();

    Task interrupted = tasks.get(running).orElseThrow();
    assertThat(interrupted.state()).isEqualTo(TaskState.INTERRUPTED);
    assertThat(interrupted.message()).startsWith("the server stopped while it ran");
    assertThat(tasks.get(queued).orElseThrow().state()).isEqualTo(TaskState.QUEUED);

    TaskService next = service(1, suite());
    assertThat(ended(next, queued).state()).isEqualTo(TaskState.COMPLETED);
  }
}
