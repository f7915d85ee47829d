package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextestAdapterTests {

  private final NextestAdapter adapter = new NextestAdapter();

  @Test
  void runsTheCommandUnchangedWithNoResultFiles() {
    var command = List.of("cargo", "nextest", "run", "--workspace");

    var invocation = adapter.prepare(command, Path.of("/home/dev/shop"), Path.of("/tmp/scratch"));

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results()).isEmpty();
  }

  @Test
  void readsTheSummaryWithTimeoutsAsErroredAndFlakyTestsAsPassed() {
    var summary = adapter.summarize(fixture("nextest.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(
            new ConsoleSummary(
                4,
                1,
                1,
                1,
                "Summary [  60.031s] 6 tests run: 4 passed (1 flaky), 1 failed, 1 timed out, 1 skipped"));
  }

  @Test
  void turnsStatusLinesIntoResultsWithEveryAttemptAndNothingAfterTheSummary() {
    var tests = adapter.testsFromOutput(fixture("nextest.txt"));

    assertThat(tests)
        .extracting(t -> t.id().toString())
        .containsExactly(
            "shop > tests::adds",
            "shop > tests::nested::deep",
            "shop > tests::fails",
            "shop::api > flaky_login",
            "shop::api > flaky_login",
            "shop::api > creates_user",
            "shop::api > waits_forever");
    assertThat(tests)
        .extracting(TestResult::outcome)
        .containsExactly(
            Outcome.PASSED,
            Outcome.PASSED,
            Outcome.FAILED,
            Outcome.FAILED,
            Outcome.PASSED,
            Outcome.PASSED,
            Outcome.ERRORED);
    assertThat(tests.get(0).duration()).isEqualTo(Duration.ofMillis(4));
    assertThat(tests.get(3).followedBy(tests.get(4)).outcome()).isEqualTo(Outcome.FLAKY);
  }

  @Test
  void takesTheFailureMessageFromThePanicInTheTestsOutput() {
    var tests = adapter.testsFromOutput(fixture("nextest.txt"));

    assertThat(tests.get(2).failure().message()).isEqualTo("assertion `left == right` failed");
    assertThat(tests.get(6).failure().type()).isEqualTo("TIMEOUT");
  }

  @Test
  void countsEachTestOnceByItsLatestStatus() {
    var progress = follow(adapter, fixture("nextest.txt"));

    assertThat(progress.finished()).isEqualTo(6);
    assertThat(progress.failed()).isEqualTo(2);
  }

  @Test
  void explainsACompileErrorAsCargoDoes() {
    assertThat(adapter.whyBroken(fixture("cargo-compile-error.txt")))
        .get()
        .asString()
        .startsWith("compile error: error[E0425]");
  }

  @Test
  void explainsThatThereWereNoTestsToRun() {
    assertThat(
            adapter.whyBroken(
                List.of("    Starting 0 tests across 1 binary", "error: no tests to run")))
        .contains("no tests to run");
  }
}
