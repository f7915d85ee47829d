package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The task queue's rows: claims, leases, reaping; both backends. */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskStoreTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;
  private final List<ResultStore> stores = new ArrayList<>();

  @BeforeEach
  void open() {
    db = backend.newStore(dir.resolve("evident.db"));
  }

  @AfterEach
  void close() {
    stores.forEach(ResultStore::close);
  }

  private TaskStore tasks() {
    ResultStore s = ResultStore.open(db);
    stores.add(s);
    return TaskStore.over(s);
  }

  @Test
  void concurrentClaimsFromTwoStoresNeverTakeOneTaskTwice() throws Exception {
    TaskStore one = tasks();
    TaskStore two = tasks();
    for (int i = 0; i < 60; i++) {
      one.insert("shop", "unit", Map.of("i", i), "api", Instant.now());
    }
    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      TaskStore store = t % 2 == 0 ? one : two;
      String owner = "worker-" + t;
      done.add(
          pool.submit(
              () -> {
                Optional<TaskRow> row;
                while ((row = store.claim(List.of("unit"), owner, Instant.now(), Long.MAX_VALUE))
                    .isPresent()) {
                  claimed.add(row.get().id());
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
    assertThat(one.countByState()).containsExactly(new TaskStore.StateCount("shop", "RUNNING", 60));
  }

  @Test
  void onlyTheOwnerRenewsOrEndsATaskAndAReapedTaskIsNoLongerItsOwners() {
    TaskStore tasks = tasks();
    long id = tasks.insert("shop", "unit", Map.of(), "api", Instant.now()).id();
    tasks.claim(List.of("other"), "a", Instant.now(), 0);
    assertThat(tasks.get(id).orElseThrow().state()).as("other suites only").isEqualTo("QUEUED");
    TaskRow claimed = tasks.claim(List.of("unit"), "a", Instant.now(), 1000).orElseThrow();
    assertThat(claimed.attempts()).isEqualTo(1);

    assertThat(tasks.heartbeat(id, "b", 5000, 1, 0)).isEmpty();
    assertThat(tasks.heartbeat(id, "a", 2000, 3, 1).orElseThrow().testsDone()).isEqualTo(3);
    assertThat(tasks.reap(1999, 3, "gone", Instant.now())).isEmpty();
    assertThat(tasks.reap(2001, 3, "gone", Instant.now()))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo("QUEUED"));

    assertThat(tasks.heartbeat(id, "a", 9000, 4, 1)).as("the lease was taken back").isEmpty();
    assertThat(tasks.finish(id, "a", "COMPLETED", 7L, null, Instant.now(), 4, 1)).isFalse();
    assertThat(tasks.get(id).orElseThrow().state()).isEqualTo("QUEUED");
  }

  @Test
  void aCancelOfARunningTaskIsAFlagItsOwnerReads() {
    TaskStore tasks = tasks();
    long id = tasks.insert("shop", "unit", Map.of(), "api", Instant.now()).id();
    assertThat(tasks.requestCancel(id)).as("not running yet").isFalse();
    assertThat(tasks.cancelQueued(id, "no", Instant.now())).isTrue();
    assertThat(tasks.get(id).orElseThrow().state()).isEqualTo("CANCELLED");

    long running = tasks.insert("shop", "unit", Map.of(), "api", Instant.now()).id();
    tasks.claim(List.of("unit"), "a", Instant.now(), Long.MAX_VALUE);
    assertThat(tasks.cancelQueued(running, "no", Instant.now())).isFalse();
    assertThat(tasks.requestCancel(running)).isTrue();
    assertThat(tasks.heartbeat(running, "a", Long.MAX_VALUE, -1, -1).orElseThrow())
        .extracting(TaskRow::cancelRequested)
        .isEqualTo(true);
  }
}
