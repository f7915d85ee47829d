package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.analyze.Bucket;
import dev.evident.analyze.RunComparison;
import dev.evident.analyze.TestChange;
import dev.evident.model.Outcome;
import dev.evident.store.StoredRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareServiceTests {

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("evident.db");
  }

  private RunComparison compare(long base, long head, boolean across) {
    try (Workspace w = Workspace.open(db().toString())) {
      RunQueries q = w.runs();
      return w.compares()
          .compare(
              q.resolve(Long.toString(base), null), q.resolve(Long.toString(head), null), across);
    }
  }

  private static List<String> names(RunComparison c, Bucket b) {
    return c.ordered(b).stream().map(t -> c.test(t.test()).toString()).toList();
  }

  @Test
  void sortsEveryChangedTestIntoItsBucketsWithItsName() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add(
          "shop",
          "Cart > adds PASSED 10",
          "Cart > totals FAILED 10",
          "Cart > still ERRORED",
          "Cart > old PASSED",
          "Cart > later SKIPPED",
          "Pay > charges[visa] PASSED 50",
          "Pay > refunds PASSED 2000");
      runs.add(
          "shop",
          "Cart > adds FAILED 10",
          "Cart > totals PASSED 10",
          "Cart > still FAILED",
          "Cart > later PASSED",
          "Cart > brand new FLAKY",
          "Pay > charges[visa] PASSED 400",
          "Pay > refunds PASSED 900");
    }

    RunComparison c = compare(1, 2, false);

    assertThat(names(c, Bucket.NEW_FAILURE)).containsExactly("Cart > adds");
    assertThat(names(c, Bucket.FIXED)).containsExactly("Cart > totals");
    assertThat(names(c, Bucket.STILL_FAILING)).containsExactly("Cart > still");
    assertThat(names(c, Bucket.REMOVED)).containsExactly("Cart > old");
    assertThat(names(c, Bucket.NO_LONGER_SKIPPED)).containsExactly("Cart > later");
    assertThat(names(c, Bucket.NEW_TEST)).containsExactly("Cart > brand new");
    assertThat(names(c, Bucket.FLAKY)).containsExactly("Cart > brand new");
    assertThat(names(c, Bucket.SLOWER)).containsExactly("Pay > charges[visa]");
    assertThat(names(c, Bucket.FASTER)).containsExactly("Pay > refunds");
    TestChange slower = c.comparison().tests(Bucket.SLOWER).get(0);
    assertThat(slower.beforeMicros()).isEqualTo(50_000);
    assertThat(slower.afterMicros()).isEqualTo(400_000);
    assertThat(c.comparison().tests(Bucket.NEW_FAILURE).get(0).before()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void refusesRunsOfDifferentProjectsAndNamesTheFlagThatAllowsIt() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > adds PASSED");
      runs.add("api", "Cart > adds FAILED");
    }

    assertThatThrownBy(() -> compare(1, 2, false))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "run 1 is of project shop and run 2 of project api: tests of different projects are"
                + " different tests; give --across-projects to match them by suite, name and"
                + " parameters");
  }

  @Test
  void acrossProjectsMatchesTestsBySuiteNameAndParameters() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("model-a", "Eval > task[1] PASSED", "Eval > task[2] PASSED", "Eval > only-a PASSED");
      runs.add("model-b", "Eval > task[2] FAILED", "Eval > task[1] PASSED", "Eval > only-b PASSED");
    }

    RunComparison c = compare(1, 2, true);

    assertThat(c.acrossProjects()).isTrue();
    assertThat(names(c, Bucket.NEW_FAILURE)).containsExactly("Eval > task[2]");
    assertThat(names(c, Bucket.REMOVED)).containsExactly("Eval > only-a");
    assertThat(names(c, Bucket.NEW_TEST)).containsExactly("Eval > only-b");
    assertThat(c.comparison().tests(Bucket.FIXED)).isEmpty();
  }

  @Test
  void refusesToCompareARunWithItself() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > adds PASSED");
    }

    assertThatThrownBy(() -> compare(1, 1, false)).hasMessageStartingWith("both sides are run 1;");
  }

  @Test
  void theHeadlineGivesCountsWithDenominatorsAndChangesAsCountsNeverRatios() {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      before.add("Api > t" + i + " FAILED");
      after.add("Api > t" + i + (i == 0 ? " PASSED" : " FAILED"));
    }
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", before.toArray(String[]::new));
      runs.add("shop", after.toArray(String[]::new));
    }

    String text = CompareService.text(compare(1, 2, false), 10);

    assertThat(text)
        .contains("  passed     0 of 18 → 1 of 18 (+1)\n")
        .contains("  failed     18 of 18 → 17 of 18 (-1)\n")
        .contains("  executed   18 of 18 → 18 of 18\n")
        .contains("  pass rate  0.0% (0 of 18) → 5.6% (1 of 18)\n")
        .contains("Fixed (1): failed or errored before; passed now")
        .contains("  Api > t0  FAILED → PASSED\n")
        .doesNotContain("x ")
        .doesNotContain("∞");
  }

  @Test
  void textListsTheFirstTestsOfABucketAndCountsTheRest() {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 1214; i++) {
      String name = String.format("Api > t%04d", i);
      before.add(name + " PASSED");
      after.add(name + " ERRORED");
    }
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", before.toArray(String[]::new));
      runs.add("shop", after.toArray(String[]::new));
    }
    RunComparison c = compare(1, 2, false);

    String text = CompareService.text(c, 10);

    assertThat(text)
        .contains("New failures (1,214): failed or errored now")
        .contains("  Api > t0009  PASSED → ERRORED\n  and 1,204 more\n")
        .doesNotContain("t0010");
    assertThat(text).contains("Changes: 1,214 new failures · 0 fixed · 0 still failing");
    @SuppressWarnings("unchecked")
    Map<String, List<Object>> buckets =
        (Map<String, List<Object>>) CompareService.json(c).get("buckets");
    assertThat(buckets.get("newFailures")).hasSize(1214);
  }

  @Test
  void slowerTestsShowBothDurationsTheChangeAndAFactorOnlyFromAMillisecondUp() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Api > big PASSED 120", "Api > tiny PASSED 0.2");
      runs.add("shop", "Api > big PASSED 450", "Api > tiny PASSED 150");
    }

    String text = CompareService.text(compare(1, 2, false), 10);

    assertThat(text)
        .contains("Slower (2): passed in both, and at least 1.5 times and 100 ms slower")
        .contains("  Api > big   120 ms → 450 ms (+330 ms, 3.8x slower)\n")
        .contains("  Api > tiny  0.2 ms → 150 ms (+150 ms)\n");
  }
}
