package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Category;
import dev.evident.model.Failure;
import dev.evident.model.FailureLabel;
import dev.evident.model.InputFile;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Instant;
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

/** The store's queries for diagnosis and labels: failures of a run, its runner, labels. */
@ParameterizedClass
@EnumSource(Backend.class)
class FailuresAndLabelsTests {

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

  @BeforeEach
  void open() {
    store = ResultStore.open(db());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static TestResult result(String name, Outcome outcome, String message) {
    TestResult r = TestResult.of(new TestId("CacheTest", name), outcome, null);
    return message == null ? r : r.with(outcome, new Failure("IOError", message, "trace"));
  }

  private Run ingest(String project, TestResult... results) {
    try (RunWriter w = store.startRun(RunStart.ingest(project, Map.of()))) {
      for (TestResult r : results) {
        w.add(r);
      }
      w.file(new InputFile("TEST-a.xml", "junit", 100, results.length, null));
      w.file(new InputFile("b.json", "ctrf", 100, 0, null));
      w.file(new InputFile("TEST-c.xml", "junit", 100, 0, null));
      return w.commit(null);
    }
  }

  @Test
  void handsOnTheFailedErroredAndFlakyResultsOfARunWithTheirFailures() {
    Run run =
        ingest(
            "shop",
            result("passes", Outcome.PASSED, null),
            result("fails", Outcome.FAILED, "refused"),
            result("skips", Outcome.SKIPPED, "not today"),
            result("errs", Outcome.ERRORED, "refused"),
            result("flakes", Outcome.FAILED, "timeout"),
            result("flakes", Outcome.PASSED, null));
    List<StoredFailure> failures = new ArrayList<>();

    store.failures(run.id(), failures::add);

    assertThat(failures)
        .extracting(f -> f.test().name() + " " + f.outcome() + " " + f.failure().message())
        .containsExactly("fails FAILED refused", "errs ERRORED refused", "flakes FLAKY timeout");
    assertThat(failures).allSatisfy(f -> assertThat(f.run()).isEqualTo(run.id()));
    assertThat(failures.get(0).failureId()).isEqualTo(failures.get(1).failureId()).isNotZero();
    assertThat(failures.get(0).failure()).isSameAs(failures.get(1).failure());
    assertThat(failures.get(0).testRef()).isNotEqualTo(failures.get(1).testRef());
  }

  @Test
  void namesTheRunnerByTheRunAttributeElseByTheFormatOfMostInputFiles() {
    Run ingested = ingest("shop", result("a", Outcome.PASSED, null));
    Run ran;
    try (RunWriter w =
        store.startRun(
            new RunStart(
                "shop", "run", "pytest", 1, Map.of("runner", "pytest"), Map.of(), null, null))) {
      w.add(result("a", Outcome.PASSED, null));
      ran = w.commit(null);
    }
    Run bare;
    try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
      bare = w.commit(null);
    }

    assertThat(store.runner(ingested.id())).isEqualTo("junit");
    assertThat(store.runner(ran.id())).isEqualTo("pytest");
    assertThat(store.runner(bare.id())).isEmpty();
  }

  @Test
  void listsRunsAfterAnIdOldestFirst() {
    Run a = ingest("shop", result("a", Outcome.PASSED, null));
    Run b = ingest("other", result("a", Outcome.PASSED, null));
    Run c = ingest("shop", result("a", Outcome.PASSED, null));

    assertThat(store.runsAfter(a.id(), 10)).extracting(Run::id).containsExactly(b.id(), c.id());
    assertThat(store.runsAfter(0, 1)).extracting(Run::id).containsExactly(a.id());
    assertThat(store.runsAfter(c.id(), 10)).isEmpty();
  }

  @Test
  void storesLabelsWithTheirSourceAndFindsThemByProjectAndFingerprint() {
    Run run = ingest("shop", result("fails", Outcome.FAILED, "refused"));
    ingest("other", result("fails", Outcome.FAILED, "refused"));
    List<StoredFailure> failures = new ArrayList<>();
    store.failures(run.id(), failures::add);
    Instant when = Instant.parse("2026-11-02T10:00:00Z");

    FailureLabel first =
        store.addLabel(
            new NewLabel(
                "shop",
                "3f2a9c1e4b5d6a7f",
                Category.SERVICE_UNAVAILABLE,
                " redis not started in CI ",
                when,
                run.id(),
                failures.get(0).testRef()));
    FailureLabel second =
        store.addLabel(
            new NewLabel("other", "0123456789abcdef", Category.TIMEOUT, "", when, null, null));

    assertThat(first.id()).isPositive();
    assertThat(first.note()).isEqualTo("redis not started in CI");
    assertThat(first.sourceRun()).isEqualTo(run.id());
    assertThat(first.sourceTest()).isEqualTo(new TestId("CacheTest", "fails"));
    assertThat(first.created()).isEqualTo(when);
    assertThat(second.sourceTest()).isNull();
    assertThat(store.labels(null)).containsExactly(second, first);
    assertThat(store.labels("shop")).containsExactly(first);
    assertThat(store.labels("shop", List.of("3f2a9c1e4b5d6a7f", "ffff"))).containsExactly(first);
    assertThat(store.labels("shop", List.of())).isEmpty();
    assertThatThrownBy(
            () -> store.addLabel(new NewLabel("nope", "ab", Category.OTHER, "", when, null, null)))
        .isInstanceOf(StoreException.class)
        .hasMessage("no project nope in the store");
  }
}
