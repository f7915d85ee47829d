package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store queries of the history analyses: facts of results, and runs up to a run. */
@ParameterizedClass
@EnumSource(Backend.class)
class FactsAndRunsUpToTests {

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

  private ResultStore open() {
    return ResultStore.open(db());
  }

  private static TestResult result(
      String name, Outcome outcome, String file, List<String> tags, Map<String, String> props) {
    return new TestResult(
        new TestId("CheckoutTest", name),
        outcome,
        Duration.ofMillis(2),
        outcome == Outcome.FAILED ? new Failure("AssertionError", "no", "") : Failure.NONE,
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        file == null ? null : Location.of(file, 12),
        tags,
        props);
  }

  private static Run ingest(ResultStore store, String project, TestResult... results) {
    try (RunWriter w = store.startRun(RunStart.ingest(project, Map.of()))) {
      for (TestResult r : results) {
        w.add(r);
      }
      return w.commit(null);
    }
  }

  @Test
  void factsComeForEveryResultWithAFileTagsOrPropertiesPassedOrNot() {
    try (ResultStore store = open()) {
      Run run =
          ingest(
              store,
              "shop",
              result("tagged", Outcome.PASSED, null, List.of("integration", "slow"), Map.of()),
              result("filed", Outcome.PASSED, "src/it/checkout.spec.ts", List.of(), Map.of()),
              result("owned", Outcome.FAILED, null, List.of(), Map.of("team", "pay")),
              result("plain", Outcome.PASSED, null, List.of(), Map.of()),
              result("failed", Outcome.FAILED, null, List.of(), Map.of()));
      Map<Long, TestId> ids = new LinkedHashMap<>();
      store.results(run.id(), (ref, outcome, micros) -> ids.put(ref, null));
      ids.putAll(store.tests(ids.keySet()));

      Map<String, TestFacts> facts = new LinkedHashMap<>();
      store.facts(run.id(), (ref, f) -> facts.put(ids.get(ref).name(), f));

      assertThat(facts)
          .containsExactly(
              Map.entry("tagged", new TestFacts(null, List.of("integration", "slow"), Map.of())),
              Map.entry("filed", new TestFacts("src/it/checkout.spec.ts", List.of(), Map.of())),
              Map.entry("owned", new TestFacts(null, List.of(), Map.of("team", "pay"))));
    }
  }

  @Test
  void runsUpToARunAreThatProjectsNewestFirstFromThatRunDown() {
    try (ResultStore store = open()) {
      TestResult one = result("t", Outcome.PASSED, null, List.of(), Map.of());
      Run a1 = ingest(store, "a", one);
      Run b1 = ingest(store, "b", one);
      Run a2 = ingest(store, "a", one);
      Run a3 = ingest(store, "a", one);
      ingest(store, "a", one);

      assertThat(store.runsUpTo("a", a3.id(), 10))
          .extracting(Run::id)
          .containsExactly(a3.id(), a2.id(), a1.id());
      assertThat(store.runsUpTo("a", a3.id(), 2))
          .extracting(Run::id)
          .containsExactly(a3.id(), a2.id());
      assertThat(store.runsUpTo("a", b1.id(), 10)).extracting(Run::id).containsExactly(a1.id());
      assertThat(store.runsUpTo("c", a3.id(), 10)).isEmpty();
    }
  }
}
