package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendTests {

  private static Run run(long id, RunStatus status, Counts counts) {
    return new Run(
        id,
        "shop",
        "ingest",
        Instant.parse("2026-03-01T09:00:00Z").plusSeconds(id * 3600),
        null,
        null,
        status,
        "",
        null,
        Map.of(),
        Map.of(),
        counts,
        0,
        0);
  }

  @Test
  void ordersRunsOldestFirstAndSumsTheirCountsAndTestTime() {
    ProjectTrend.Builder b = new ProjectTrend.Builder("shop");
    b.run(run(12, RunStatus.FAILED, Counts.of(1, 1, 0, 0, 0)));
    b.add(1, Outcome.PASSED, 3_000);
    b.add(2, Outcome.FAILED, 1_000);
    b.run(run(11, RunStatus.PASSED, Counts.of(1, 0, 0, 1, 1)));
    b.add(1, Outcome.PASSED, 5_000);
    b.add(3, Outcome.SKIPPED, -1);
    b.add(2, Outcome.FLAKY, 2_000);

    ProjectTrend t = b.build(true, 10);

    assertThat(t.runs()).extracting(p -> p.run().id()).containsExactly(11L, 12L);
    assertThat(t.runs())
        .extracting(ProjectTrend.RunPoint::testMicros)
        .containsExactly(7_000L, 4_000L);
    assertThat(t.totalMicros()).isEqualTo(11_000);
    assertThat(t.total()).isEqualTo(Counts.of(2, 1, 0, 1, 1));
    assertThat(t.statuses())
        .containsExactly(Map.entry(RunStatus.PASSED, 1), Map.entry(RunStatus.FAILED, 1));
    assertThat(t.wholeHistory()).isTrue();
  }

  @Test
  void ranksTheSlowestTestsByTheirSummedTimeOverTheWindow() {
    ProjectTrend.Builder b = new ProjectTrend.Builder("shop");
    b.run(run(1, RunStatus.PASSED, Counts.of(3, 0, 0, 0, 0)));
    b.add(1, Outcome.PASSED, 9_000);
    b.add(2, Outcome.PASSED, 5_000);
    b.add(3, Outcome.PASSED, 1_000);
    b.run(run(2, RunStatus.PASSED, Counts.of(2, 0, 0, 0, 0)));
    b.add(2, Outcome.PASSED, 6_000);
    b.add(3, Outcome.PASSED, -1);

    ProjectTrend t = b.build(false, 2);

    assertThat(t.slowest())
        .containsExactly(
            new ProjectTrend.SlowTest(2, 11_000, 2, 6_000),
            new ProjectTrend.SlowTest(1, 9_000, 1, 9_000));
    assertThat(t.slowest().get(0).meanMicros()).isEqualTo(5_500);
    assertThat(t.totalMicros()).isEqualTo(21_000);
  }

  @Test
  void keepsEveryTestsTimeApartAcrossThousandsOfTestsAndRuns() {
    ProjectTrend.Builder b = new ProjectTrend.Builder("shop");
    for (int run = 1; run <= 3; run++) {
      b.run(run(run, RunStatus.PASSED, Counts.ZERO));
      for (long test = 0; test < 20_000; test++) {
        // Refs as the store makes them: suite << 24 | ordinal.
        b.add((test % 50) << 24 | test / 50, Outcome.PASSED, test);
      }
    }

    ProjectTrend t = b.build(true, 3);

    assertThat(t.slowest())
        .containsExactly(
            new ProjectTrend.SlowTest(49L << 24 | 399, 3 * 19_999, 3, 19_999),
            new ProjectTrend.SlowTest(48L << 24 | 399, 3 * 19_998, 3, 19_998),
            new ProjectTrend.SlowTest(47L << 24 | 399, 3 * 19_997, 3, 19_997));
    assertThat(t.totalMicros()).isEqualTo(3L * 19_999 * 20_000 / 2);
  }

  @ParameterizedTest(name = "{0}: median {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''           | -1
          5            | 5
          5 1          | 3
          9 1 5        | 5
          -1 4 -1 8 2  | 4
          """)
  void takesTheMedianOfTheKnownDurations(String durations, long median) {
    List<TestTrend.Point> points = new java.util.ArrayList<>();
    long id = 1;
    for (String d : (durations == null ? "" : durations).trim().split(" +")) {
      if (!d.isEmpty()) {
        points.add(
            new TestTrend.Point(
                run(id++, RunStatus.PASSED, Counts.ZERO), Outcome.PASSED, Long.parseLong(d)));
      }
    }
    assertThat(new TestTrend(new TestId("S", "t"), points, true).medianMicros()).isEqualTo(median);
  }

  @Test
  void countsATestsOutcomesAndTheRunsWithoutIt() {
    TestTrend t =
        new TestTrend(
            new TestId("Cart", "totals"),
            List.of(
                new TestTrend.Point(run(3, RunStatus.FAILED, Counts.ZERO), Outcome.FAILED, 10),
                new TestTrend.Point(run(1, RunStatus.PASSED, Counts.ZERO), Outcome.PASSED, 8),
                new TestTrend.Point(run(2, RunStatus.PASSED, Counts.ZERO), null, -1),
                new TestTrend.Point(run(4, RunStatus.PASSED, Counts.ZERO), Outcome.FLAKY, 30),
                new TestTrend.Point(run(5, RunStatus.PASSED, Counts.ZERO), Outcome.SKIPPED, -1)),
            false);

    assertThat(t.points()).extracting(p -> p.run().id()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(t.passed()).isEqualTo(2);
    assertThat(t.executed()).isEqualTo(3);
    assertThat(t.absent()).isEqualTo(1);
    assertThat(t.count(Outcome.SKIPPED)).isEqualTo(1);
    assertThat(t.durations()).containsExactly(8, 10, 30);
  }
}
