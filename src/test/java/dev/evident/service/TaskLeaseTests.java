package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.TaskSuite;
import dev.evident.store.Backend;
import dev.evident.store.ResultStore;
import dev.evident.store.TaskRow;
import dev.evident.store.TaskStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several servers on one database: claims are disjoint, an expired lease is reaped, a cancel
 * reaches the worker through the store. Each "server" is a TaskService over a store of its own (its
 * own connections) on the same SQLite file or PostgreSQL database.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskLeaseTests {

  static final Duration LIMIT = Duration.ofSeconds(90);

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;
  private final List<ResultStore> stores = new ArrayList<>();
  private final List<TaskService> servers = new ArrayList<>();

  @BeforeEach
  void create() {
    db = backend.newStore(dir.resolve("evident.db"));
  }

  @AfterEach
  void close() {
    servers.forEach(TaskService::close);
    stores.forEach(ResultStore::close);
  }

  private ResultStore store() {
    ResultStore s = ResultStore.open(db);
    stores.add(s);
    return s;
  }

  private TaskService server(TaskService.Settings settings, TaskSuite... suites) {
    TaskService s = new TaskService(store(), List.of(suites), settings, Clock.systemUTC());
    servers.add(s);
    return s;
  }

  private TaskSuite unit() {
    return TaskFixtures.junit("unit", dir, Duration.ofSeconds(30), 4);
  }

  /** A task claimed by a server that died at once: its lease ended a minute ago. */
  private long leftByADeadServer(TaskStore tasks) {
    TaskRow row = tasks.insert("shop", "unit", Map.of(), "api", Instant.now());
    long past = System.currentTimeMillis() - 60_000;
    assertThat(tasks.claim(List.of("unit"), "dead-server", Instant.now(), past)).isPresent();
    return row.id();
  }

  @Test
  void aTaskWhoseServerDiedGoesBackToTheQueueAndTheNextServerFinishesIt() {
    long id = leftByADeadServer(TaskStore.over(store()));

    TaskService next = server(TaskFixtures.quick(2), unit());
    Task done = TaskServiceTests.ended(next, id);

    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.runId()).isNotNull();
  }

  @Test
  void aTaskWhoseLeaseExpiredOnItsLastAttemptEndsInterrupted() {
    long id = leftByADeadServer(TaskStore.over(store()));
    TaskService.Settings oneAttempt =
        new TaskService.Settings(
            2, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(100), 1, false);

    TaskService next = server(oneAttempt, unit());
    Task done = TaskServiceTests.ended(next, id);

    assertThat(done.state()).isEqualTo(TaskState.INTERRUPTED);
    assertThat(done.message()).contains("lease expired");
    assertThat(done.runId()).isNull();
  }

  @Test
  void twoServersOnOneDatabaseClaimDisjointTasksAndTogetherFinishAll() {
    TaskService a = server(TaskFixtures.quick(2), unit());
    TaskService b = server(TaskFixtures.quick(2), unit());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ids.add(
          (i % 2 == 0 ? a : b).submit(new TaskRequest("unit", Map.of("sleep", 0.2), "api")).id());
    }

    for (long id : ids) {
      assertThat(TaskServiceTests.ended(a, id).state()).isEqualTo(TaskState.COMPLETED);
    }

    TaskStore rows = TaskStore.over(stores.get(0));
    Set<String> owners = new HashSet<>();
    Set<Long> runs = new HashSet<>();
    for (long id : ids) {
      TaskRow row = rows.get(id).orElseThrow();
      assertThat(row.attempts()).as("task %d claimed once", id).isEqualTo(1);
      owners.add(row.owner());
      runs.add(row.runId());
    }
    assertThat(owners).as("both servers ran tasks").hasSize(2);
    assertThat(runs).as("one run per task").hasSize(ids.size());
    assertThat(stores.get(0).runs("shop", 100)).hasSize(ids.size());
  }

  @Test
  void aCancelAskedOfAnotherServerReachesTheWorkerAtItsNextHeartbeat() {
    TaskService worker = server(TaskFixtures.quick(1), unit());
    TaskService front = server(TaskFixtures.quick(1));
    long id = worker.submit(new TaskRequest("unit", Map.of("sleep", 30), "api")).id();
    TaskServiceTests.reached(front, id, TaskState.RUNNING);

    front.cancel(id);

    Task done = TaskServiceTests.ended(front, id);
    assertThat(done.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(done.runId()).isNotNull();
  }
}
