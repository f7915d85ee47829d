package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTests {

  /** One test's buckets, from its outcome (or - for absent) and duration in ms in both runs. */
  private static Set<Bucket> bucketsOf(String before, long beforeMs, String after, long afterMs) {
    RunResults.Builder base = RunResults.builder();
    RunResults.Builder head = RunResults.builder();
    if (!before.equals("-")) {
      base.add(7, Outcome.valueOf(before), beforeMs * 1000);
    }
    if (!after.equals("-")) {
      head.add(7, Outcome.valueOf(after), afterMs * 1000);
    }
    Comparison c = Comparison.of(base.build(), head.build());
    Set<Bucket> buckets = EnumSet.noneOf(Bucket.class);
    for (Bucket b : Bucket.values()) {
      if (!c.tests(b).isEmpty()) {
        buckets.add(b);
      }
    }
    return buckets;
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PASSED  | FAILED  | NEW_FAILURE
          PASSED  | ERRORED | NEW_FAILURE
          FLAKY   | FAILED  | NEW_FAILURE
          SKIPPED | FAILED  | NEW_FAILURE NO_LONGER_SKIPPED
          -       | FAILED  | NEW_FAILURE NEW_TEST
          FAILED  | PASSED  | FIXED
          ERRORED | FLAKY   | FIXED FLAKY
          FAILED  | ERRORED | STILL_FAILING
          ERRORED | ERRORED | STILL_FAILING
          -       | PASSED  | NEW_TEST
          -       | FLAKY   | NEW_TEST FLAKY
          -       | SKIPPED | NEW_TEST
          PASSED  | -       | REMOVED
          FAILED  | -       | REMOVED
          PASSED  | SKIPPED | NEWLY_SKIPPED
          FAILED  | SKIPPED | NEWLY_SKIPPED
          SKIPPED | PASSED  | NO_LONGER_SKIPPED
          SKIPPED | SKIPPED | ''
          PASSED  | FLAKY   | FLAKY
          FLAKY   | FLAKY   | FLAKY
          FLAKY   | PASSED  | ''
          PASSED  | PASSED  | ''
          """)
  void putsEachTransitionInItsBuckets(String before, String after, String expected) {
    Set<Bucket> want =
        expected == null || expected.isBlank()
            ? Set.of()
            : Arrays.stream(expected.trim().split(" "))
                .map(Bucket::valueOf)
                .collect(Collectors.toSet());

    assertThat(bucketsOf(before.trim(), 10, after.trim(), 10)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} ms -> {1} ms: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1     | 3     | ''
          40    | 139   | ''
          40    | 140   | SLOWER
          50    | 200   | SLOWER
          0     | 100   | SLOWER
          1000  | 1499  | ''
          1000  | 1500  | SLOWER
          10000 | 10200 | ''
          200   | 100   | FASTER
          300   | 200   | FASTER
          300   | 201   | ''
          150   | 51    | ''
          3     | 1     | ''
          100   | 100   | ''
          """)
  void callsATestSlowerOrFasterOnlyBeyondBothTheFactorAndTheFloor(
      long beforeMs, long afterMs, String expected) {
    Set<Bucket> want =
        expected == null || expected.isBlank() ? Set.of() : Set.of(Bucket.valueOf(expected.trim()));

    assertThat(bucketsOf("PASSED", beforeMs, "PASSED", afterMs)).isEqualTo(want);
  }

  @Test
  void judgesDurationsOnlyOfTestsThatPassedInBothRunsWithKnownDurations() {
    assertThat(bucketsOf("FAILED", 10, "FAILED", 5000)).containsExactly(Bucket.STILL_FAILING);
    assertThat(bucketsOf("PASSED", 10, "FLAKY", 5000)).containsExactly(Bucket.FLAKY);
    RunResults base = RunResults.builder().add(1, Outcome.PASSED, -1).build();
    RunResults head = RunResults.builder().add(1, Outcome.PASSED, 9_000_000).build();
    assertThat(Comparison.of(base, head).tests(Bucket.SLOWER)).isEmpty();
  }

  @Test
  void countsBothSidesFromTheirResultsAndSumsTheirKnownDurations() {
    RunResults base =
        RunResults.builder()
            .add(1, Outcome.PASSED, 1000)
            .add(2, Outcome.FAILED, 2000)
            .add(3, Outcome.SKIPPED, -1)
            .build();
    RunResults head =
        RunResults.builder().add(1, Outcome.PASSED, 1500).add(2, Outcome.PASSED, -1).build();

    Comparison c = Comparison.of(base, head);

    assertThat(c.base()).isEqualTo(Counts.of(1, 1, 0, 1, 0));
    assertThat(c.head()).isEqualTo(Counts.of(2, 0, 0, 0, 0));
    assertThat(c.baseMicros()).isEqualTo(3000);
    assertThat(c.headMicros()).isEqualTo(1500);
    assertThat(c.tests(Bucket.FIXED)).extracting(TestChange::test).containsExactly(2L);
    assertThat(c.tests(Bucket.REMOVED)).extracting(TestChange::test).containsExactly(3L);
  }

  @Test
  void mergesResultsGivenInAnyOrderAndListsSlowerTestsByTheSizeOfTheChange() {
    RunResults base =
        RunResults.builder()
            .add(30, Outcome.PASSED, 100_000)
            .add(10, Outcome.PASSED, 100_000)
            .add(20, Outcome.PASSED, 100_000)
            .build();
    RunResults head =
        RunResults.builder()
            .add(20, Outcome.PASSED, 900_000)
            .add(40, Outcome.PASSED, 1)
            .add(10, Outcome.PASSED, 300_000)
            .add(30, Outcome.PASSED, 500_000)
            .build();

    Comparison c = Comparison.of(base, head);

    assertThat(c.tests(Bucket.SLOWER)).extracting(TestChange::test).containsExactly(20L, 30L, 10L);
    assertThat(c.tests(Bucket.SLOWER).get(0).deltaMicros()).isEqualTo(800_000);
    assertThat(c.tests(Bucket.NEW_TEST)).extracting(TestChange::test).containsExactly(40L);
    assertThat(c.tests(Bucket.REMOVED)).isEmpty();
  }

  @Test
  void keepsTheLastResultOfATestAddedTwice() {
    RunResults r =
        RunResults.builder()
            .add(5, Outcome.FAILED, 1)
            .add(2, Outcome.PASSED, 1)
            .add(5, Outcome.PASSED, 2)
            .build();

    assertThat(r.size()).isEqualTo(2);
    assertThat(r.outcomeOf(5)).isEqualTo(Outcome.PASSED);
    assertThat(r.outcomeOf(9)).isNull();
  }

  @Test
  void comparesTwoEmptyRunsToNoChangeAtAll() {
    Comparison c = Comparison.of(RunResults.builder().build(), RunResults.builder().build());

    assertThat(c.buckets().values()).allSatisfy(tests -> assertThat(tests).isEmpty());
    assertThat(c.base()).isEqualTo(Counts.ZERO);
  }
}
