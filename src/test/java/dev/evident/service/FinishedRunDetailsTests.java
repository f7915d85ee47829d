package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinishedRunDetailsTests {

  private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

  private static Run run(long id, RunStatus status, Counts counts, Map<String, String> labels) {
    return new Run(
        id,
        "shop",
        "ingest",
        CREATED,
        CREATED,
        status == RunStatus.RUNNING ? null : CREATED.plusSeconds(60),
        status,
        "",
        null,
        Map.of(),
        labels,
        counts,
        0,
        0);
  }

  private static Run failed(long id) {
    return run(id, RunStatus.FAILED, Counts.of(1, 1, 0, 0, 0), Map.of());
  }

  /** A store read that counts its calls and answers the run as stored now. */
  private static final class Store {
    final List<Long> reads = new ArrayList<>();
    Run stored;
    String message = "expected 1 but was 2";

    RunDetail read(long id) {
      reads.add(id);
      var failure =
          new RunDetail.FailedTest(
              new TestId("CartTest", "adds", ""),
              Outcome.FAILED,
              null,
              new Failure("AssertionError", message, ""),
              1);
      return new RunDetail(stored, List.of(), List.of(failure), 1, List.of(), List.of(), List.of());
    }
  }

  @Test
  void readsAFinishedRunOnceAndAnswersWithTheRunRowAsItIsNow() {
    Store store = new Store();
    store.stored = failed(7);
    FinishedRunDetails details = new FinishedRunDetails(FinishedRunDetails.MAX_CHARS);

    RunDetail first = details.of(store.stored, store::read);
    Run labelled = run(7, RunStatus.FAILED, Counts.of(1, 1, 0, 0, 0), Map.of("release", "1.4"));
    store.message = "changed in the store";
    RunDetail second = details.of(labelled, store::read);

    assertThat(store.reads).containsExactly(7L);
    assertThat(second.run().labels()).containsEntry("release", "1.4");
    assertThat(second.failures()).isEqualTo(first.failures());
    assertThat(second.failures().get(0).failure().message()).isEqualTo("expected 1 but was 2");
  }

  @Test
  void neverKeepsARunThatIsStillRunningAndReadsItAgainWhenItsCountsChange() {
    Store store = new Store();
    store.stored = run(8, RunStatus.RUNNING, Counts.of(1, 1, 0, 0, 0), Map.of());
    FinishedRunDetails details = new FinishedRunDetails(FinishedRunDetails.MAX_CHARS);

    details.of(store.stored, store::read);
    details.of(store.stored, store::read);
    assertThat(store.reads).containsExactly(8L, 8L);
    assertThat(details.size()).isZero();

    store.stored = failed(8);
    details.of(store.stored, store::read);
    Run rerun = run(8, RunStatus.FAILED, Counts.of(2, 2, 0, 0, 0), Map.of());
    store.stored = rerun;
    RunDetail answer = details.of(rerun, store::read);
    assertThat(store.reads).containsExactly(8L, 8L, 8L, 8L);
    assertThat(answer.run().counts()).isEqualTo(Counts.of(2, 2, 0, 0, 0));
  }

  @Test
  void dropsTheLeastRecentlyUsedRunWhenTheFailureTextsExceedTheBound() {
    Store store = new Store();
    store.message = "x".repeat(3_000);
    // Room for two runs of 4,096 + 64 + 3,013 characters each, not three.
    FinishedRunDetails details = new FinishedRunDetails(15_000);
    for (long id = 1; id <= 2; id++) {
      store.stored = failed(id);
      details.of(store.stored, store::read);
    }
    details.of(failed(1), store::read); // 1 is now the most recently used
    store.stored = failed(3);
    details.of(store.stored, store::read);

    assertThat(details.size()).isEqualTo(2);
    store.reads.clear();
    store.stored = failed(1);
    details.of(failed(1), store::read);
    store.stored = failed(2);
    details.of(failed(2), store::read);
    assertThat(store.reads).containsExactly(2L);
  }
}
