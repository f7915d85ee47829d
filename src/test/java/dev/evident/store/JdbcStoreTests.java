package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbcStoreTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;

  @BeforeEach
  void newStore() {
    db = backend.newStore(dir.resolve("nested/evident.db"));
  }

  private static TestResult passed(String suite, String name) {
    return TestResult.of(new TestId(suite, name), Outcome.PASSED, Duration.ofMillis(3));
  }

  private static TestResult failed(String suite, String name, String message) {
    return TestResult.of(new TestId(suite, name), Outcome.FAILED, Duration.ofMillis(7))
        .with(Outcome.FAILED, new Failure("AssertionError", message, "at Suite.java:12"));
  }

  private long count(String sql) throws SQLException {
    try (Connection c = Backend.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void storesARunAndReadsItsCountsSuitesAndFailuresBack() {
    try (ResultStore store = ResultStore.open(db)) {
      Run run;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of("branch", "main")))) {
        w.add(passed("CartTest", "adds"));
        w.add(failed("CartTest", "totals", "expected 3 but was 4"));
        w.add(TestResult.of(new TestId("PayTest", "refunds"), Outcome.SKIPPED, null));
        w.problem(Problem.warning("a.xml", 3, "declared tests=4 but has 3"));
        run = w.commit(null);
      }

      Run stored = store.run(run.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
      assertThat(stored.counts().collected()).isEqualTo(3);
      assertThat(stored.counts().executed()).isEqualTo(2);
      assertThat(stored.counts().failed()).isEqualTo(1);
      assertThat(stored.labels()).containsEntry("branch", "main");
      var detail = store.detail(run.id(), 10);
      assertThat(detail.suites())
          .extracting(s -> s.name() + "=" + s.counts().collected())
          .containsExactly("CartTest=2", "PayTest=1");
      assertThat(detail.failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.id()).isEqualTo(new TestId("CartTest", "totals"));
                assertThat(f.failure().message()).isEqualTo("expected 3 but was 4");
              });
      assertThat(detail.problems())
          .extracting(Problem::message)
          .containsExactly("declared tests=4 but has 3");
      assertThat(store.latest("shop")).contains(stored);
      assertThat(store.latest("other")).isEmpty();
    }
  }

  @Test
  void mergesATestReportedTwiceIntoOneFlakyResultWithBothAttempts() {
    try (ResultStore store = ResultStore.open(db)) {
      Run run;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(failed("CartTest", "retries", "timeout"));
        w.add(passed("CartTest", "other"));
        w.add(passed("CartTest", "retries"));
        run = w.commit(null);
      }

      assertThat(run.counts().collected()).isEqualTo(2);
      assertThat(run.counts().flaky()).isEqualTo(1);
      assertThat(run.status()).isEqualTo(RunStatus.PASSED);
      assertThat(store.detail(run.id(), 10).failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.outcome()).isEqualTo(Outcome.FLAKY);
                assertThat(f.attempts()).isEqualTo(2);
                assertThat(f.failure().message()).isEqualTo("timeout");
              });
    }
  }

  @Test
  void storesAFailureTextOnceHoweverManyTestsShareIt() throws SQLException {
    try (ResultStore store = ResultStore.open(db)) {
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        for (int i = 0; i < 250; i++) {
          w.add(failed("DbTest", "query" + i, "Connection refused: localhost:5432"));
        }
        w.commit(null);
      }
    }
    assertThat(count("SELECT COUNT(*) FROM texts")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM result_details")).isEqualTo(250);
  }

  @Test
  void aSecondRunOfTheSameTestsReusesTheirIdentities() throws SQLException {
    try (ResultStore store = ResultStore.open(db)) {
      for (int run = 0; run < 2; run++) {
        try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
          for (int i = 0; i < 1000; i++) {
            w.add(passed("Suite" + (i % 7), "test" + i));
          }
          w.commit(null);
        }
      }
    }
    assertThat(count("SELECT SUM(count) FROM suite_tests")).isEqualTo(1000);
    assertThat(count("SELECT COUNT(*) FROM suites")).isEqualTo(7);
    assertThat(count("SELECT SUM(passed) FROM run_suites")).isEqualTo(2000);
    assertThat(count("SELECT COUNT(*) FROM result_details")).isZero();
  }

  @Test
  void suitesAbsentFromARunKeepTheirTestsAndSuitesThatReturnContinueTheirOrdinals()
      throws SQLException {
    java.util.List<java.util.List<TestId>> runs =
        java.util.List.of(
            java.util.List.of(new TestId("A", "a1"), new TestId("A", "a2"), new TestId("B", "b1")),
            java.util.List.of(new TestId("B", "b1"), new TestId("B", "b2")),
            java.util.List.of(new TestId("A", "a1"), new TestId("A", "a3"), new TestId("B", "b2")));
    Map<TestId, Long> refs = new java.util.HashMap<>();
    try (ResultStore store = ResultStore.open(db)) {
      for (java.util.List<TestId> tests : runs) {
        long run;
        try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
          tests.forEach(t -> w.add(TestResult.of(t, Outcome.PASSED, null)));
          run = w.commit(null).id();
        }
        java.util.List<Long> stored = new java.util.ArrayList<>();
        store.results(run, (ref, outcome, micros) -> stored.add(ref));
        store
            .tests(stored)
            .forEach(
                (ref, id) ->
                    assertThat(refs.putIfAbsent(id, ref)).as(id.toString()).isIn(null, ref));
      }
    }
    assertThat(refs).hasSize(5);
    assertThat(new java.util.HashSet<>(refs.values())).hasSize(5);
    assertThat(count("SELECT SUM(count) FROM suite_tests")).isEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM suites")).isEqualTo(2);
  }

  @Test
  void theSameTestInTwoProjectsIsTwoTests() throws SQLException {
    try (ResultStore store = ResultStore.open(db)) {
      for (String project : new String[] {"a", "b"}) {
        try (RunWriter w = store.startRun(RunStart.ingest(project, Map.of()))) {
          w.add(passed("Suite", "test"));
          w.commit(null);
        }
      }
      assertThat(store.runs("a", 10)).hasSize(1);
      assertThat(store.runs(null, 10)).hasSize(2);
    }
    assertThat(count("SELECT SUM(count) FROM suite_tests")).isEqualTo(2);
  }

  @Test
  void aRunClosedWithoutCommitLeavesNothingBehind() throws SQLException {
    try (ResultStore store = ResultStore.open(db)) {
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(passed("Suite", "test"));
      }
      assertThat(store.runs(null, 10)).isEmpty();
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(passed("Suite", "test"));
        w.commit(null);
      }
    }
    assertThat(count("SELECT COUNT(*) FROM runs")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM run_suites")).isEqualTo(1);
  }

  @Test
  void aRunWithNothingExecutedIsStoredAsEmpty() {
    try (ResultStore store = ResultStore.open(db);
        RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
      w.add(TestResult.of(new TestId("S", "t"), Outcome.SKIPPED, null));
      assertThat(w.commit(null).status()).isEqualTo(RunStatus.EMPTY);
    }
  }

  @Test
  void schemaVersionNamesTheNewestMigration() throws IOException {
    Path migrations =
        Path.of(
            "src/main/resources/db/migration", backend == Backend.SQLITE ? "sqlite" : "postgresql");
    try (Stream<Path> files = Files.list(migrations)) {
      int newest =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow();
      assertThat(Migrations.SCHEMA_VERSION).isEqualTo(newest);
    }
  }

  @Test
  void aTestReportedAgainAfterPassingIsAnotherInvocationNotARerun() {
    try (ResultStore store = ResultStore.open(db)) {
      Run run;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(passed("DataTest", "rows"));
        w.add(failed("DataTest", "rows", "row 2 is wrong"));
        w.add(passed("DataTest", "rows"));
        w.add(passed("DataTest", "rows"));
        run = w.commit(null);
      }

      // pass | fail, rerun passes | pass: three invocations, the second flaky
      assertThat(run.counts().collected()).isEqualTo(3);
      assertThat(run.counts().passed()).isEqualTo(2);
      assertThat(run.counts().flaky()).isEqualTo(1);
      assertThat(store.detail(run.id(), 10).failures())
          .singleElement()
          .satisfies(f -> assertThat(f.id()).isEqualTo(new TestId("DataTest", "rows", "#2")));
    }
  }

  @Test
  void theSameExecutionReportedByTwoFilesIsCountedOnce() {
    try (ResultStore store = ResultStore.open(db)) {
      Run run;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(passed("A", "one"));
        w.file(new dev.evident.model.InputFile("TEST-A.xml", "junit", 10, 1, null));
        w.add(passed("A", "one"));
        w.add(passed("A", "two"));
        w.file(new dev.evident.model.InputFile("TESTS-TestSuites.xml", "junit", 10, 2, null));
        run = w.commit(null);
      }

      assertThat(run.counts().collected()).isEqualTo(2);
      assertThat(store.detail(run.id(), 10).problems())
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.message())
                      .startsWith("1 test results were reported again by another input file"));
    }
  }

  @Test
  void aLongFailureTextIsStoredCompressedAndReadBackWhole() throws SQLException {
    String trace =
        "java.lang.AssertionError: boom\n" + "\tat com.acme.Deep.call(Deep.java:12)\n".repeat(400);
    try (ResultStore store = ResultStore.open(db)) {
      Run run;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(
            TestResult.of(new TestId("Deep", "recurses"), Outcome.ERRORED, null)
                .with(Outcome.ERRORED, new Failure("java.lang.AssertionError", "boom", trace)));
        run = w.commit(null);
      }
      assertThat(store.detail(run.id(), 1).failures().get(0).failure().details()).isEqualTo(trace);
    }
    assertThat(count("SELECT LENGTH(body) FROM texts")).isLessThan(trace.length() / 10);
  }

  @Test
  void readsEveryResultOfARunWithRefsThatAreStableAcrossRuns() {
    try (ResultStore store = ResultStore.open(db)) {
      long first;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(passed("CartTest", "adds"));
        w.add(failed("CartTest", "totals", "expected 3 but was 4"));
        first = w.commit(null).id();
      }
      long second;
      try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
        w.add(TestResult.of(new TestId("PayTest", "refunds"), Outcome.SKIPPED, null));
        w.add(passed("CartTest", "totals"));
        second = w.commit(null).id();
      }

      Map<Long, String> firstRun = new java.util.LinkedHashMap<>();
      store.results(first, (ref, outcome, micros) -> firstRun.put(ref, outcome + " " + micros));
      Map<Long, String> secondRun = new java.util.LinkedHashMap<>();
      store.results(second, (ref, outcome, micros) -> secondRun.put(ref, outcome + " " + micros));
      Map<Long, TestId> tests =
          store.tests(java.util.List.of(firstRun.keySet().toArray(Long[]::new)[1], 99_999_999L));

      assertThat(firstRun.values()).containsExactly("PASSED 3000", "FAILED 7000");
      assertThat(tests)
          .containsOnlyKeys(firstRun.keySet().toArray(Long[]::new)[1])
          .containsValue(new TestId("CartTest", "totals"));
      long totals = tests.keySet().iterator().next();
      assertThat(secondRun).containsEntry(totals, "PASSED 3000").hasSize(2);
      assertThat(store.tests(secondRun.keySet()).values())
          .containsExactlyInAnyOrder(
              new TestId("CartTest", "totals"), new TestId("PayTest", "refunds"));
      assertThat(secondRun.values()).contains("SKIPPED -1");
    }
  }
}
