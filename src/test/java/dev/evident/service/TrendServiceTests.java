package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.analyze.ProjectTrend;
import dev.evident.analyze.TestTrend;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.store.StoredRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendServiceTests {

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("evident.db");
  }

  private Workspace workspace() {
    return Workspace.open(db().toString());
  }

  /** Runs 1-5 of shop (run 3 is api's): Cart > totals fails in run 4 and is gone in run 5. */
  private void history() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add(
          "shop", "Cart > adds PASSED 10", "Cart > totals PASSED 300", "Pay > slow PASSED 600");
      runs.add(
          "shop", "Cart > adds PASSED 20", "Cart > totals PASSED 200", "Pay > slow PASSED 600");
      runs.add("api", "Cart > adds PASSED 5000");
      runs.add("shop", "Cart > adds PASSED 10", "Cart > totals FAILED 100", "Pay > slow SKIPPED");
      runs.add("shop", "Cart > adds FLAKY 30", "Pay > slow PASSED 700");
    }
  }

  @Test
  void aProjectTrendHasTheLastRunsOfTheProjectOldestFirstWithTheirTestTime() {
    history();
    try (Workspace w = workspace()) {
      ProjectTrend t = w.trends().project("shop", 3, 10);

      assertThat(t.runs()).extracting(p -> p.run().id()).containsExactly(2L, 4L, 5L);
      assertThat(t.runs())
          .extracting(ProjectTrend.RunPoint::testMicros)
          .containsExactly(820_000L, 110_000L, 730_000L);
      assertThat(t.wholeHistory()).isFalse();
      assertThat(t.totalMicros()).isEqualTo(1_660_000);
      assertThat(t.slowest().get(0).totalMicros()).isEqualTo(1_300_000);
      assertThat(t.test(t.slowest().get(0).test())).isEqualTo(new TestId("Pay", "slow"));
      assertThat(t.total().executed()).isEqualTo(7);
      assertThat(t.total().passed() + t.total().flaky()).isEqualTo(6);
    }
  }

  @Test
  void withoutAProjectTheTrendIsOfTheNewestRunsProjectAndSaysWhenItIsTheWholeHistory() {
    history();
    try (Workspace w = workspace()) {
      ProjectTrend t = w.trends().project(null, 30, 10);

      assertThat(t.project()).isEqualTo("shop");
      assertThat(t.runs()).hasSize(4);
      assertThat(t.wholeHistory()).isTrue();
      String text = TrendService.text(t);
      assertThat(text)
          .startsWith(
              "Project shop · all 4 runs (runs 1 to 5, 2026-03-01 09:00 to 2026-03-01 13:00 UTC)")
          .contains(
              "Over these 4 runs: 3 of 4 PASSED, 1 of 4 FAILED; passed 9 of 10 (90.0%) executed results, 1 of them only on a rerun (flaky)")
          .contains(
              "FAILED       2 of 3                 1 of 2 (50.0%)                   1       0  110 ms");
    }
  }

  @Test
  void theSlowestTestsCarryTheirShareOfAllTestTime() {
    history();
    try (Workspace w = workspace()) {
      String text = TrendService.text(w.trends().project("shop", 30, 1));

      assertThat(text)
          .contains("Slowest tests (their share of the 2.57 s of test time in these runs):")
          .contains("   1.      1.90 s   73.9%  mean 633 ms     in 3 runs    Pay > slow\n")
          .doesNotContain("Cart > totals");
    }
  }

  @Test
  void aTestTrendGivesItsOutcomeAndDurationInEachRunAndMarksTheRunsWithoutIt() {
    history();
    try (Workspace w = workspace()) {
      TestTrend t = w.trends().test("shop", "Cart > totals", 30);

      assertThat(t.test()).isEqualTo(new TestId("Cart", "totals"));
      assertThat(t.points())
          .extracting(p -> p.run().id() + " " + p.outcome() + " " + p.micros())
          .containsExactly("1 PASSED 300000", "2 PASSED 200000", "4 FAILED 100000", "5 null -1");
      assertThat(t.passed()).isEqualTo(2);
      assertThat(t.count(Outcome.FAILED)).isEqualTo(1);
      assertThat(TrendService.text(t))
          .contains("5        2026-03-01 13:00  absent")
          .contains(
              "passed in 2 of 3 (66.7%) runs that executed it; failed in 1, errored in 0, skipped in 0, absent from 1");
    }
  }

  @Test
  void findsATestWhoseSuiteIsADescribeChainWithTheSeparatorInIt() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("web", "Cart > when empty > shows a hint PASSED 4");
      runs.add("web", "Cart > when empty > shows a hint FAILED 5");
    }
    try (Workspace w = workspace()) {
      TestTrend t = w.trends().test(null, "Cart > when empty > shows a hint", 10);

      assertThat(t.test()).isEqualTo(new TestId("Cart > when empty", "shows a hint"));
      assertThat(t.points())
          .extracting(TestTrend.Point::outcome)
          .containsExactly(Outcome.PASSED, Outcome.FAILED);
    }
  }

  @Test
  void anUnknownTestNamesTheClosestTestsOfItsSuite() {
    history();
    try (Workspace w = workspace()) {
      assertThatThrownBy(() -> w.trends().test("shop", "Cart > total", 30))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "no test Cart > total in project shop: suite Cart has 2 tests, none named total;"
                  + " the closest: totals, adds");
      assertThatThrownBy(() -> w.trends().test("shop", "Crat > totals", 30))
          .hasMessage(
              "no test Crat > totals in project shop: no suite of that name (give the test as show"
                  + " prints it: Suite > name)");
    }
  }

  @Test
  void aWindowOfNoRunsIsAUsageError() {
    history();
    try (Workspace w = workspace()) {
      assertThatThrownBy(() -> w.trends().project("shop", 0, 10))
          .hasMessage("--runs must be at least 1, not 0");
      assertThatThrownBy(() -> w.trends().project("nope", 5, 10))
          .hasMessage("no runs of project nope stored yet");
    }
  }
}
