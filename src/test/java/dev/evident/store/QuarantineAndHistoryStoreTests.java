package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's quarantine, a project's tests, and the causes of a run's failures. */
@ParameterizedClass
@EnumSource(Backend.class)
class QuarantineAndHistoryStoreTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;

  /** The test's store: a SQLite file in its directory, or a fresh PostgreSQL database. */
  private String db() {
    if (db == null) {
      db = backend.newStore(dir.resolve("evident.db"));
    }
    return db;
  }

  private ResultStore store;

  private static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

  @BeforeEach
  void open() {
    store = ResultStore.open(db());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Run ingest(String project, TestResult... results) {
    try (RunWriter w = store.startRun(RunStart.ingest(project, Map.of()))) {
      for (TestResult r : results) {
        w.add(r);
      }
      return w.commit(null);
    }
  }

  private static TestResult result(String suite, String name, Outcome outcome, Failure failure) {
    TestResult r = TestResult.of(TestId.parse(suite, name), outcome, null);
    return failure == null ? r : r.with(outcome, failure);
  }

  @Test
  void keepsQuarantinedTestsPerProjectReplacesTheReasonOfATestAddedAgainAndRemovesThem() {
    ingest("shop", result("CartTest", "totals", Outcome.PASSED, null));
    ingest("other", result("CartTest", "totals", Outcome.PASSED, null));

    store.quarantine(new QuarantinedTest("shop", "CartTest > totals", "timing, #12", MONDAY));
    store.quarantine(new QuarantinedTest("shop", "CartTest > adds", "", MONDAY));
    store.quarantine(new QuarantinedTest("other", "CartTest > totals", "", MONDAY));
    store.quarantine(
        new QuarantinedTest("shop", "CartTest > totals", "timing, #13", MONDAY.plusSeconds(60)));

    assertThat(store.quarantined("shop"))
        .containsExactly(
            new QuarantinedTest("shop", "CartTest > adds", "", MONDAY),
            new QuarantinedTest(
                "shop", "CartTest > totals", "timing, #13", MONDAY.plusSeconds(60)));
    assertThat(store.quarantined(null))
        .extracting(q -> q.project() + ": " + q.test())
        .containsExactly(
            "other: CartTest > totals", "shop: CartTest > adds", "shop: CartTest > totals");
    assertThat(store.unquarantine("shop", "CartTest > totals")).isTrue();
    assertThat(store.unquarantine("shop", "CartTest > totals")).isFalse();
    assertThat(store.quarantined("shop"))
        .extracting(QuarantinedTest::test)
        .containsExactly("CartTest > adds");
    assertThat(store.quarantined("other")).hasSize(1);
  }

  @Test
  void quarantiningATestOfAProjectWithoutRunsCreatesTheProject() {
    store.quarantine(new QuarantinedTest("new", "LoginIT > signsIn", "not written yet", MONDAY));

    assertThat(store.quarantined("new"))
        .extracting(QuarantinedTest::test)
        .containsExactly("LoginIT > signsIn");
    Run run = ingest("new", result("LoginIT", "signsIn", Outcome.PASSED, null));
    assertThat(run.project()).isEqualTo("new");
  }

  @Test
  void listsEveryTestAProjectHasHadWithTheRefsItsResultsCarry() {
    Run first =
        ingest(
            "shop",
            result("CartTest", "totals", Outcome.PASSED, null),
            result("CartTest", "adds[1-2]", Outcome.PASSED, null));
    ingest("shop", result("PayIT", "pays", Outcome.PASSED, null));
    ingest("other", result("Elsewhere", "x", Outcome.PASSED, null));
    Map<Long, TestId> tests = new LinkedHashMap<>();
    Map<Long, Outcome> results = new LinkedHashMap<>();

    store.tests("shop", tests::put);
    store.results(first.id(), (ref, outcome, micros) -> results.put(ref, outcome));

    assertThat(tests.values())
        .extracting(TestId::toString)
        .containsExactly("CartTest > totals", "CartTest > adds[1-2]", "PayIT > pays");
    assertThat(tests.keySet()).containsAll(results.keySet());
    List<String> none = new ArrayList<>();
    store.tests("nope", (ref, id) -> none.add(id.toString()));
    assertThat(none).isEmpty();
  }

  @Test
  void handsOnEachDistinctFailureTextOfARunOnceWithHowManyFailedOrErroredTestsHaveIt() {
    Failure refused = new Failure("ConnectException", "Connection refused", "at Db.connect");
    Failure wrong = new Failure("AssertionError", "expected 3 but was 4", "");
    Run run =
        ingest(
            "shop",
            result("A", "a", Outcome.ERRORED, refused),
            result("A", "b", Outcome.ERRORED, refused),
            result("A", "c", Outcome.FAILED, refused),
            result("A", "d", Outcome.FAILED, wrong),
            result("A", "e", Outcome.PASSED, null),
            result("A", "f", Outcome.SKIPPED, new Failure("", "not today", "")));
    List<String> causes = new ArrayList<>();

    store.failureCauses(run.id(), (failure, count) -> causes.add(count + " " + failure.message()));

    assertThat(causes).containsExactly("3 Connection refused", "1 expected 3 but was 4");
  }
}
