package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new SQLite database opened to write a run (ingest) is written aside and put in place at the
 * first commit: nothing is at its path before, the same run is stored as by the ordinary path, and
 * a file created there meanwhile is never overwritten.
 */
class NewDatabaseAsideTests {

  @TempDir Path dir;

  private static Run ingest(ResultStore store, int tests) {
    try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of("ci", "yes")))) {
      w.suite(
          new SuiteInfo(
              "CartTest",
              Instant.parse("2026-11-20T10:15:30Z"),
              Duration.ofSeconds(2),
              Map.of("os.name", "Linux"),
              new Excerpt("cart ready", 10),
              Excerpt.EMPTY));
      for (int t = 0; t < tests; t++) {
        TestId id = new TestId(t % 2 == 0 ? "CartTest" : "PayTest", "case" + t);
        Duration d = Duration.ofMillis(t);
        TestResult r =
            switch (t % 10) {
              case 3 ->
                  TestResult.of(id, Outcome.FAILED, d)
                      .with(
                          Outcome.FAILED,
                          new Failure(
                              "AssertionError", "expected " + t, "at Cart.add(Cart.java:3)"));
              case 5 -> TestResult.of(id, Outcome.SKIPPED, d);
              default -> TestResult.of(id, Outcome.PASSED, d);
            };
        w.add(r);
      }
      return w.commit(null);
    }
  }

  /** Everything the store says about a run, with the store's own ids and the clock left out. */
  private static List<Object> readBack(ResultStore store, long runId) {
    List<Object> seen = new ArrayList<>();
    Map<Long, String> results = new TreeMap<>();
    store.results(runId, (ref, outcome, micros) -> results.put(ref, outcome + " " + micros));
    Map<Long, TestId> ids = store.tests(results.keySet());
    Map<String, String> byTest = new TreeMap<>();
    results.forEach((ref, r) -> byTest.put(ids.get(ref).toString(), r));
    seen.add(byTest);
    RunDetail detail = store.detail(runId, 1000);
    seen.add(detail.run().status());
    seen.add(detail.run().counts());
    seen.add(detail.run().attributes());
    seen.add(detail.suites());
    seen.add(detail.failures());
    seen.add(detail.totalFailures());
    List<String> failures = new ArrayList<>();
    store.failures(runId, f -> failures.add(f.test() + " " + f.outcome() + " " + f.failure()));
    failures.sort(null);
    seen.add(failures);
    return seen;
  }

  private static String pragma(Path db, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static SqliteDatabase sqlite(ResultStore store) {
    return (SqliteDatabase) ((JdbcStore) store).database();
  }

  @Test
  void aNewDatabaseIsAtItsPathOnlyOnceTheRunIsCommittedThenInWalModeWithLargePages()
      throws SQLException {
    Path db = dir.resolve("evident.db");
    try (ResultStore store = ResultStore.openToWrite(db.toString(), null)) {
      Path aside = sqlite(store).aside();
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(TestResult.of(new TestId("CartTest", "adds"), Outcome.PASSED, Duration.ZERO));
        assertThat(db).doesNotExist();
        assertThat(aside).exists().hasParent(dir);
        w.commit(null);
      }
      assertThat(db).exists();
      assertThat(aside).doesNotExist();
      assertThat(sqlite(store).aside()).isNull();
      // the store goes on working at the new path
      assertThat(store.runs("shop", 10)).hasSize(1);
    }
    assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
    assertThat(pragma(db, "page_size")).isEqualTo("16384");
    assertThat(pragma(db, "integrity_check")).isEqualTo("ok");
    try (ResultStore reopened = ResultStore.open(db.toString())) {
      assertThat(reopened.latest("shop").orElseThrow().counts().passed()).isEqualTo(1);
    }
  }

  @Test
  void aRunStoredInANewDatabaseWrittenAsideReadsBackAsTheSameRunStoredInPlace() {
    Path aside = dir.resolve("aside.db");
    Path inPlace = dir.resolve("in-place.db");
    List<Object> viaAside;
    List<Object> viaPlace;
    try (ResultStore store = ResultStore.openToWrite(aside.toString(), null)) {
      Run run = ingest(store, 2000);
      assertThat(run.counts().failed()).isEqualTo(200);
      viaAside = readBack(store, run.id());
    }
    try (ResultStore store = ResultStore.open(inPlace.toString())) {
      viaPlace = readBack(store, ingest(store, 2000).id());
    }
    assertThat(viaAside).isEqualTo(viaPlace);
    try (ResultStore reopened = ResultStore.open(aside.toString())) {
      assertThat(readBack(reopened, reopened.latest("shop").orElseThrow().id()))
          .isEqualTo(viaPlace);
      // a second run into the published file knows the tests of the first
      Run second = ingest(reopened, 2000);
      assertThat(reopened.detail(second.id(), 0).suites()).hasSize(2);
    }
  }

  @Test
  void aRunThatIsNotCommittedIsRolledBackAndLeavesAnEmptyDatabaseAtThePath() {
    Path db = dir.resolve("evident.db");
    try (ResultStore store = ResultStore.openToWrite(db.toString(), null)) {
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(TestResult.of(new TestId("CartTest", "adds"), Outcome.PASSED, Duration.ZERO));
      }
      assertThat(db).exists();
      assertThat(store.runs(null, 10)).isEmpty();
      Run next = ingest(store, 10);
      assertThat(next.counts().collected()).isEqualTo(10);
    }
    assertThat(Files.exists(dir.resolve("evident.db.new-" + ProcessHandle.current().pid())))
        .isFalse();
  }

  @Test
  void anExistingDatabaseIsWrittenInPlace() {
    Path db = dir.resolve("evident.db");
    try (ResultStore store = ResultStore.open(db.toString())) {
      ingest(store, 10);
    }
    try (ResultStore store = ResultStore.openToWrite(db.toString(), null)) {
      assertThat(sqlite(store).aside()).isNull();
      ingest(store, 10);
      assertThat(store.runs("shop", 10)).hasSize(2);
    }
  }

  @Test
  void aSymbolicLinkToADatabaseNotCreatedYetIsFollowedAsBefore() throws Exception {
    Path target = dir.resolve("real.db");
    Path link = Files.createSymbolicLink(dir.resolve("evident.db"), target);
    try (ResultStore store = ResultStore.openToWrite(link.toString(), null)) {
      assertThat(sqlite(store).aside()).isNull();
      ingest(store, 10);
    }
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (ResultStore store = ResultStore.open(target.toString())) {
      assertThat(store.runs("shop", 10)).hasSize(1);
    }
  }

  @Test
  void aDatabaseAnotherProcessCreatedMeanwhileIsNeverOverwrittenAndTheRunIsKeptAside() {
    Path db = dir.resolve("evident.db");
    try (ResultStore store = ResultStore.openToWrite(db.toString(), null)) {
      Path aside = sqlite(store).aside();
      try (ResultStore other = ResultStore.open(db.toString())) {
        ingest(other, 4);
      }
      assertThatThrownBy(() -> ingest(store, 10))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("was created by another process")
          .hasMessageContaining(aside.toString());
      assertThat(aside).exists();
    }
    try (ResultStore other = ResultStore.open(db.toString())) {
      assertThat(other.runs("shop", 10))
          .singleElement()
          .satisfies(r -> assertThat(r.counts().collected()).isEqualTo(4));
    }
  }
}
