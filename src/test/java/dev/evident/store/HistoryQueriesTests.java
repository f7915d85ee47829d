package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class HistoryQueriesTests {

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

  @Test
  void findsTheRunsOfABranchByItsGitAttributeOrItsBranchLabelNewestFirst() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      Run byAttribute = runs.add("shop", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
      runs.add("shop", Map.of("git.branch", "feature/x"), Map.of(), "A > a PASSED");
      Run byLabel = runs.add("shop", Map.of(), Map.of("branch", "main"), "A > a PASSED");
      runs.add("api", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
    }
    try (ResultStore store = ResultStore.open(db())) {
      assertThat(store.runsOnBranch("shop", "main", 10))
          .extracting(Run::id)
          .containsExactly(3L, 1L);
      assertThat(store.runsOnBranch("shop", "main", 1)).extracting(Run::id).containsExactly(3L);
      assertThat(store.runsOnBranch(null, "main", 10))
          .extracting(Run::id)
          .containsExactly(4L, 3L, 1L);
      assertThat(store.runsOnBranch("shop", "nope", 10)).isEmpty();
    }
  }

  @Test
  void countsTheRunsOfEachBranchOnceEvenWhenAttributeAndLabelAgree() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", Map.of("git.branch", "main"), Map.of("branch", "main"), "A > a PASSED");
      runs.add("shop", Map.of("git.branch", "main"), Map.of(), "A > a PASSED");
      runs.add("shop", Map.of("git.branch", "feature/x"), Map.of(), "A > a PASSED");
      runs.add("shop", "A > a PASSED");
      runs.add("api", Map.of("git.branch", "dev"), Map.of(), "A > a PASSED");
    }
    try (ResultStore store = ResultStore.open(db())) {
      assertThat(store.branches("shop"))
          .containsExactly(Map.entry("feature/x", 1), Map.entry("main", 2));
      assertThat(store.branches(null)).containsKeys("dev", "feature/x", "main");
    }
  }

  @Test
  void listsEveryTestOfASuiteOfOneProjectByRef() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > adds PASSED", "Cart > totals[1] FAILED", "Pay > refunds PASSED");
      runs.add("shop", "Cart > adds PASSED", "Cart > removes PASSED");
      runs.add("api", "Cart > other PASSED");
    }
    try (ResultStore store = ResultStore.open(db())) {
      Map<Long, TestId> cart = store.suiteTests("shop", "Cart");

      assertThat(cart.values())
          .containsExactly(
              new TestId("Cart", "adds"),
              new TestId("Cart", "totals", "1"),
              new TestId("Cart", "removes"));
      assertThat(store.tests(cart.keySet())).isEqualTo(cart);
      assertThat(store.suiteTests("shop", "Nope")).isEmpty();
      assertThat(store.suiteTests("nope", "Cart")).isEmpty();
    }
  }

  @Test
  void readsOneTestsResultsInARangeOfRunsAndSkipsRunsWithoutIt() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > adds PASSED 5", "Cart > totals PASSED 7");
      runs.add("shop", "Cart > adds FAILED 6", "Cart > totals PASSED");
      runs.add("shop", "Cart > totals PASSED");
      runs.add("shop", "Cart > adds SKIPPED", "Pay > refunds PASSED");
      runs.add("shop", "Cart > adds PASSED 9");
    }
    try (ResultStore store = ResultStore.open(db())) {
      long adds = store.suiteTests("shop", "Cart").keySet().iterator().next();
      List<String> seen = new ArrayList<>();

      store.testResults(
          adds, 2, 4, (run, outcome, micros) -> seen.add(run + " " + outcome + " " + micros));

      assertThat(seen).containsExactly("2 FAILED 6000", "4 SKIPPED -1");
      List<Outcome> all = new ArrayList<>();
      store.testResults(adds, 1, 5, (run, outcome, micros) -> all.add(outcome));
      assertThat(all).hasSize(4);
    }
  }
}
