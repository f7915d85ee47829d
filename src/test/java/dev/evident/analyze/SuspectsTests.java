package dev.evident.analyze;

import static dev.evident.model.Outcome.FAILED;
import static dev.evident.model.Outcome.PASSED;
import static dev.evident.model.Outcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion;
import dev.evident.model.Suspicion.Kind;
import dev.evident.model.TestFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuspectsTests {

  private final RunsInMemory history = new RunsInMemory();

  private SuspectReport find() {
    return Suspects.find(history.newest(10), history, Suspects.Settings.DEFAULT);
  }

  private static List<Suspicion> of(SuspectReport report, Kind kind) {
    return report.suspicions().stream().filter(s -> s.kind() == kind).toList();
  }

  @ParameterizedTest(name = "{0} > {1} in {2} µs: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          com.acme.PayIT                 | pays  | 0      | class PayIT (named like Failsafe's integration tests)
          com.acme.PayIT                 | pays  | 999    | class PayIT
          com.acme.PayITCase             | pays  | 0      | class PayITCase
          com.acme.it.Pay                | pays  | 0      | package or directory 'it' in the suite name
          tests/integration/test_pay.py  | pays  | 0      | 'integration' in the suite name
          checkout e2e                   | pays  | 0      | 'e2e' in the suite name
          CheckoutEndToEndTest           | pays  | 0      | 'CheckoutEndToEndTest' in the suite name
          com.acme.PayIT                 | pays  | 1000   |
          com.acme.PayIT                 | pays  | -1     |
          com.acme.PayTest               | pays  | 0      |
          com.acme.SplitTest             | pays  | 0      |
          tests.test_it                  | pays  | 0      |
          com.acme.Git                   | pays  | 0      |
          """)
  void aPassedTestOfAnIntegrationSuiteUnderOneMillisecondIsFlaggedWithWhyTheSuiteIsIntegration(
      String suite, String name, long micros, String why) {
    history.run().test(suite, name, PASSED, micros).test("com.acme.Slow", "x", PASSED, 9000).add();

    List<Suspicion> flags = of(find(), Kind.INSTANT_INTEGRATION_TEST);

    if (why == null) {
      assertThat(flags).isEmpty();
    } else {
      assertThat(flags)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.test().toString()).isEqualTo(suite + " > " + name);
                assertThat(s.reason())
                    .startsWith(
                        "passed in "
                            + (micros == 0 ? "0.00 s" : "0.999 ms")
                            + " in an integration suite (")
                    .contains(why)
                    .endsWith("possibly not touching the real system");
                assertThat(s.figures())
                    .containsEntry("micros", micros)
                    .containsEntry("thresholdMicros", 1000L);
              });
    }
  }

  @Test
  void aTagOrTheFilePathMarksATestAsIntegrationWhenItsSuiteNameDoesNot() {
    history
        .run()
        .test(
            "Checkout", "tagged", PASSED, 0, new TestFacts(null, List.of("Integration"), Map.of()))
        .test(
            "Checkout",
            "filed",
            PASSED,
            0,
            new TestFacts("src/it/checkout.spec.ts", List.of(), Map.of()))
        .test("Checkout", "plain", PASSED, 0)
        .test("Checkout", "slow", PASSED, 40_000)
        .add();

    SuspectReport report = find();

    assertThat(of(report, Kind.INSTANT_INTEGRATION_TEST))
        .extracting(s -> s.test().name(), Suspicion::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "tagged",
                "passed in 0.00 s in an integration suite (tag 'Integration'): possibly not touching the real system"),
            org.assertj.core.groups.Tuple.tuple(
                "filed",
                "passed in 0.00 s in an integration suite (package or directory 'it' in the file path): possibly not touching the real system"));
    assertThat(report.notes())
        .contains(
            "integration or e2e suites (by suite name, file path, tag or type): 1 of 1 suite");
  }

  @Test
  void failedAndSkippedIntegrationTestsAreNotFlaggedForTheirDuration() {
    history.run().test("PayIT", "broken", FAILED, 0).test("PayIT", "ok", PASSED, 5000).add();

    assertThat(of(find(), Kind.INSTANT_INTEGRATION_TEST)).isEmpty();
  }

  @Test
  void withoutAnyDurationTheCheckIsNotMadeAndTheReportSaysSo() {
    history.run().test("PayIT", "a", PASSED, 0).test("PayIT", "b", PASSED, -1).add();

    SuspectReport report = find();

    assertThat(of(report, Kind.INSTANT_INTEGRATION_TEST)).isEmpty();
    assertThat(report.notes())
        .contains(
            "no durations in this run's results: integration tests that pass in no time cannot be told apart");
  }

  @Test
  void aTestSkippedInEveryRunOfTheHistoryIsFlaggedWithTheRunsItWasSkippedIn() {
    for (int i = 0; i < 12; i++) {
      history
          .run()
          .test("CartTest", "adds", PASSED, 900)
          .test("CartTest", "later", SKIPPED, 0)
          .test("CartTest", "sometimes", i == 5 ? PASSED : SKIPPED, 0)
          .add();
    }

    List<Suspicion> flags = of(find(), Kind.ALWAYS_SKIPPED);

    assertThat(flags)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.subject()).isEqualTo("CartTest > later");
              assertThat(s.reason()).isEqualTo("skipped in all 10 of the last 10 runs (runs 3-12)");
              assertThat(s.figures())
                  .containsEntry("skippedRuns", 10L)
                  .containsEntry("appearances", 10L)
                  .containsEntry("firstRun", 3L)
                  .containsEntry("lastRun", 12L);
            });
  }

  @Test
  void aSkipStreakCountsOnlyTheRunsTheTestAppearedInAndNeedsThreeOfThem() {
    history.run().test("CartTest", "adds", PASSED, 900).test("CartTest", "new", SKIPPED, 0).add();
    history.run().test("CartTest", "adds", PASSED, 900).add();
    history.run().test("CartTest", "adds", PASSED, 900).test("CartTest", "new", SKIPPED, 0).add();
    assertThat(of(find(), Kind.ALWAYS_SKIPPED)).isEmpty();

    history.run().test("CartTest", "adds", PASSED, 900).test("CartTest", "new", SKIPPED, 0).add();

    assertThat(of(find(), Kind.ALWAYS_SKIPPED))
        .singleElement()
        .extracting(Suspicion::reason)
        .isEqualTo("skipped in all 3 runs it appeared in, of the last 4 (runs 1-4)");
  }

  @Test
  void aSuiteOfWhichNothingExecutedIsOneFlagNotOnePerTest() {
    for (int i = 0; i < 4; i++) {
      history.run().tests("CartTest", "t", 3, PASSED).tests("LegacyTest", "old", 5, SKIPPED).add();
    }

    SuspectReport report = find();

    assertThat(of(report, Kind.ALWAYS_SKIPPED)).isEmpty();
    assertThat(of(report, Kind.SUITE_NOT_EXECUTED))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.subject()).isEqualTo("LegacyTest");
              assertThat(s.reason())
                  .isEqualTo(
                      "collected 5 tests, executed none (all 5 skipped); none executed in the 3 runs before it either (runs 1-3)");
              assertThat(s.figures())
                  .containsEntry("alwaysSkippedTests", 5L)
                  .containsEntry("runsExecuted", 0L);
            });
  }

  @Test
  void aSuiteNewlyNotExecutedSaysWhenItLastRan() {
    history.run().tests("LegacyTest", "old", 2, PASSED).add();
    history.run().tests("LegacyTest", "old", 2, SKIPPED).add();

    assertThat(of(find(), Kind.SUITE_NOT_EXECUTED))
        .singleElement()
        .extracting(Suspicion::reason)
        .isEqualTo(
            "collected 2 tests, executed none (all 2 skipped); some executed in 1 of the 1 run before it, last in run 1");
  }

  @ParameterizedTest(name = "{0} of 200 skipped after runs of {1}: flagged {2}")
  @CsvSource(
      textBlock =
          """
          40, 2, true
          40, 30, false
          13, 2, true
          7, 2, false
          11, 0, true
          40, 15, true
          40, 21, false
          """)
  void aJumpInTheShareOfSkippedTestsIsFlaggedAgainstTheMedianOfTheRunsBefore(
      int skipped, int usual, boolean flagged) {
    for (int i = 0; i < 9; i++) {
      int n = i == 0 ? 0 : i == 1 ? 200 : usual;
      history.run().tests("S", "p", 200 - n, PASSED).tests("S", "s", n, SKIPPED).add();
    }
    history.run().tests("S", "p", 200 - skipped, PASSED).tests("S", "s", skipped, SKIPPED).add();

    List<Suspicion> flags = of(find(), Kind.SKIP_RATIO_JUMP);

    assertThat(flags).hasSize(flagged ? 1 : 0);
    if (flagged && skipped == 40 && usual == 2) {
      assertThat(flags.get(0).subject()).isEqualTo("this run");
      assertThat(flags.get(0).reason())
          .startsWith("skipped 40 of 200 (20.0%) vs 2 of 200 (1.0%) in run ")
          .endsWith(", the median of the 9 runs before it (runs 1-9)");
      assertThat(flags.get(0).figures())
          .containsEntry("skipped", 40L)
          .containsEntry("collected", 200L)
          .containsEntry("medianSkipped", 2L)
          .containsEntry("runsBefore", 9L);
    }
  }

  @Test
  void withTooFewRunsThereIsNoSkipComparisonAndTheReportSaysSo() {
    history.run().tests("S", "p", 10, PASSED).add();
    history.run().tests("S", "p", 5, PASSED).tests("S", "s", 5, SKIPPED).add();

    SuspectReport report = find();

    assertThat(of(report, Kind.SKIP_RATIO_JUMP)).isEmpty();
    assertThat(report.notes())
        .contains(
            "skip streaks and the skip-ratio comparison need at least 3 runs; 2 are stored up to this one");
  }

  @Test
  void theRunComesFirstThenSuitesThenTestsAndTheFileHistoryCheckIsNamedAsNotDone() {
    for (int i = 0; i < 5; i++) {
      history
          .run()
          .tests("S", "p", 100, PASSED)
          .tests("OldTest", "s", i == 4 ? 30 : 1, SKIPPED)
          .test("PayIT", "fast", PASSED, 0)
          .add();
    }

    SuspectReport report = find();

    assertThat(report.suspicions())
        .extracting(Suspicion::kind)
        .containsExactly(
            Kind.SKIP_RATIO_JUMP, Kind.SUITE_NOT_EXECUTED, Kind.INSTANT_INTEGRATION_TEST);
    assertThat(report.notes())
        .contains("history: the last 5 runs (runs 1-5)")
        .anyMatch(
            n ->
                n.startsWith(
                    "not checked: tests that never failed while their files changed often"));
  }
}
