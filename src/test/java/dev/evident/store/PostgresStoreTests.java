package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store has: credentials, a pool, writers in several processes. */
class PostgresStoreTests {

  private static final String PASSWORD = "s3cret-Horse-battery-7";

  private static long count(String db, String sql) throws SQLException {
    try (Connection c = Backend.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void opensWithTheRightPasswordAndMigratesTheNewDatabase() throws SQLException {
    EmbeddedPostgresServer.requirePassword(PASSWORD);
    String db = EmbeddedPostgresServer.newDatabaseOfPasswordUser();

    try (ResultStore store =
        ResultStore.open(db, new Credentials(EmbeddedPostgresServer.PASSWORD_USER, PASSWORD))) {
      assertThat(store.id()).matches("[0-9a-f]{32}");
      assertThat(store.runs(null, 10)).isEmpty();
    }
    assertThat(
            count(
                db + "?user=postgres",
                "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success"))
        .isEqualTo(Migrations.SCHEMA_VERSION);
  }

  @Test
  void aWrongPasswordIsRefusedWithAnErrorThatNamesTheUrlButNotThePassword() {
    EmbeddedPostgresServer.requirePassword(PASSWORD);
    String db = EmbeddedPostgresServer.newDatabaseOfPasswordUser();
    String wrong = "wrong-" + PASSWORD;

    assertThatThrownBy(
            () ->
                ResultStore.open(
                    db + "?ApplicationName=x",
                    new Credentials(EmbeddedPostgresServer.PASSWORD_USER, wrong)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to database " + db + ": ")
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(PASSWORD)
        .hasMessageNotContaining("ApplicationName");
  }

  @Test
  void refusesAUrlThatCarriesAPassword() {
    String db = "jdbc:postgresql://localhost:1/evident?user=me&password=" + PASSWORD;

    assertThatThrownBy(() -> ResultStore.open(db, Credentials.NONE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("holds a password")
        .hasMessageContaining("EVIDENT_DB_PASSWORD")
        .hasMessageNotContaining(PASSWORD);
    assertThatThrownBy(
            () ->
                ResultStore.open(
                    "jdbc:postgresql://me:" + PASSWORD + "@localhost/e", Credentials.NONE))
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void errorsNameTheUrlWithoutUserPasswordOrParameters() {
    assertThat(
            PostgresDatabase.redact("jdbc:postgresql://db.example:5433/evident?user=ci&ssl=true"))
        .isEqualTo("jdbc:postgresql://db.example:5433/evident");
    assertThat(PostgresDatabase.redact("jdbc:postgresql://ci:pw@db.example/evident"))
        .isEqualTo("jdbc:postgresql://db.example/evident");
    assertThat(PostgresDatabase.redact("jdbc:postgresql:evident"))
        .isEqualTo("jdbc:postgresql:evident");
  }

  /**
   * Two processes (here two stores, each with its own pool) ingest runs of one project at once: the
   * project's row lock makes them take turns at new tests, so that every test gets one ref and
   * every run is stored whole.
   */
  @Test
  void writersOfOneProjectInTwoStoresAtOnceStoreEveryRunWholeWithSharedTestIdentities()
      throws Exception {
    String db = EmbeddedPostgresServer.newDatabase();
    int writers = 4;
    int tests = 300;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (ResultStore a = ResultStore.open(db, Credentials.NONE);
        ResultStore b = ResultStore.open(db, Credentials.NONE)) {
      List<Future<Run>> runs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        ResultStore store = w % 2 == 0 ? a : b;
        int writer = w;
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  try (RunWriter run = store.startRun(RunStart.ingest("shop", Map.of()))) {
                    for (int i = 0; i < tests; i++) {
                      // each writer brings 100 tests of its own and 200 shared with the others
                      String name = i < 200 ? "shared" + i : "own" + writer + "-" + i;
                      run.add(
                          TestResult.of(
                              new TestId("Suite" + (i % 3), name),
                              Outcome.PASSED,
                              Duration.ofMillis(1)));
                    }
                    return run.commit(null);
                  }
                }));
      }
      start.countDown();
      for (Future<Run> run : runs) {
        assertThat(run.get().counts().passed()).isEqualTo(tests);
      }
      assertThat(a.runs("shop", 10)).hasSize(writers);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(db, "SELECT SUM(count) FROM suite_tests")).isEqualTo(200 + writers * 100);
    assertThat(count(db, "SELECT COUNT(*) FROM suites")).isEqualTo(3);
    assertThat(count(db, "SELECT COUNT(*) FROM projects")).isEqualTo(1);
    assertThat(count(db, "SELECT SUM(passed) FROM run_suites")).isEqualTo(writers * tests);
  }
}
