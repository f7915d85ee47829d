package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs that bring more new suites than the writer inserts at once (SQLite batches them). */
@ParameterizedClass
@EnumSource(Backend.class)
class ManySuitesTests {

  @Parameter Backend backend;
  @TempDir Path dir;

  private static Run ingest(ResultStore store, int firstSuite, int suites) {
    try (RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
      for (int s = firstSuite; s < firstSuite + suites; s++) {
        for (String name : new String[] {"adds", "removes"}) {
          w.add(TestResult.of(new TestId("Suite" + s, name), Outcome.PASSED, Duration.ofMillis(s)));
        }
      }
      return w.commit(null);
    }
  }

  /** Each result of a run with the identity the store gives its ref. */
  private static Set<TestId> stored(ResultStore store, Run run) {
    Map<Long, Long> micros = new HashMap<>();
    store.results(run.id(), (ref, outcome, us) -> micros.put(ref, us));
    Map<Long, TestId> ids = store.tests(micros.keySet());
    Set<TestId> tests = new HashSet<>();
    micros.forEach(
        (ref, us) -> {
          TestId id = ids.get(ref);
          // the duration was the suite's number in milliseconds: each result kept its own suite
          assertThat(id.suite()).isEqualTo("Suite" + us / 1000);
          tests.add(id);
        });
    return tests;
  }

  @Test
  void aRunWithMoreNewSuitesThanOneBatchAndALaterRunWithMoreStoreEveryTestUnderItsSuite() {
    try (ResultStore store = ResultStore.open(backend.newStore(dir.resolve("evident.db")))) {
      Run first = ingest(store, 0, 1300);
      Run second = ingest(store, 700, 1000);

      assertThat(first.counts().passed()).isEqualTo(2600);
      assertThat(stored(store, first)).hasSize(2600).contains(new TestId("Suite1299", "removes"));
      assertThat(stored(store, second))
          .hasSize(2000)
          .contains(new TestId("Suite700", "adds"), new TestId("Suite1699", "removes"));
      assertThat(store.detail(second.id(), 0).suites()).hasSize(1000);
    }
  }
}
