package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CargoTestAdapterTests {

  private final CargoTestAdapter adapter = new CargoTestAdapter();

  private static List<String> ids(List<TestResult> tests) {
    return tests.stream().map(t -> t.id().toString()).toList();
  }

  @Test
  void runsTheCommandUnchangedWithNoResultFiles() {
    var command = List.of("cargo", "test", "--workspace");

    var invocation = adapter.prepare(command, Path.of("/home/dev/shop"), Path.of("/tmp/scratch"));

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results()).isEmpty();
    assertThat(invocation.stdoutIsResults()).isFalse();
  }

  @Test
  void addsUpTheResultLinesOfEveryTestBinary() {
    var summary = adapter.summarize(fixture("cargo-test.txt")).orElseThrow();

    assertThat(List.of(summary.passed(), summary.failed(), summary.errored(), summary.skipped()))
        .containsExactly(5L, 2L, 0L, 1L);
    assertThat(summary.line())
        .isEqualTo(
            "3 test binaries' result lines added up, the last: test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
  }

  @Test
  void turnsEachTestLineIntoAResultNamedByBinaryAndModulePath() {
    var tests = adapter.testsFromOutput(fixture("cargo-test.txt"));

    assertThat(ids(tests))
        .containsExactly(
            "shop::tests > adds",
            "shop::tests > fails",
            "shop::tests > ignored_one",
            "shop::tests::nested > deep",
            "shop::tests > panics",
            "api > creates_user",
            "api > top_fails",
            "shop > src/lib.rs - add (line 3)");
    assertThat(tests)
        .extracting(TestResult::outcome)
        .containsExactly(
            Outcome.PASSED,
            Outcome.FAILED,
            Outcome.SKIPPED,
            Outcome.PASSED,
            Outcome.PASSED,
            Outcome.PASSED,
            Outcome.FAILED,
            Outcome.PASSED);
  }

  @Test
  void keepsThePanicMessageAndOutputOfAFailedTestAndTheReasonOfAnIgnoredOne() {
    var tests = adapter.testsFromOutput(fixture("cargo-test.txt"));

    var fails = tests.get(1).failure();
    assertThat(fails.message()).isEqualTo("assertion `left == right` failed");
    assertThat(fails.details())
        .startsWith("thread 'tests::fails' (27743) panicked at src/lib.rs:12:26:")
        .contains("  left: 4\n right: 5");
    assertThat(tests.get(6).failure().message()).isEqualTo("no user");
    assertThat(tests.get(2).failure().message()).isEqualTo("needs network");
    assertThat(tests.get(0).failure().isEmpty()).isTrue();
  }

  @Test
  void readsOlderPanicMessagesAndReportedTimes() {
    var tests =
        adapter.testsFromOutput(
            lines(
                """
                running 1 test
                test cart::total ... FAILED <0.250s>

                failures:

                ---- cart::total stdout ----
                thread 'cart::total' panicked at 'assertion failed: total == 3', src/cart.rs:9:5

                failures:
                    cart::total
                """));

    assertThat(ids(tests)).containsExactly("cart > total");
    assertThat(tests.get(0).duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(tests.get(0).failure().message()).isEqualTo("assertion failed: total == 3");
  }

  @Test
  void countsTestLinesAndQuietModeCharactersForProgress() {
    assertThat(follow(adapter, fixture("cargo-test.txt")).finished()).isEqualTo(8);
    assertThat(follow(adapter, fixture("cargo-test.txt")).failed()).isEqualTo(2);

    var quiet = follow(adapter, lines("running 7 tests\n..F.i..\n"));
    assertThat(quiet.finished()).isEqualTo(7);
    assertThat(quiet.failed()).isEqualTo(1);
  }

  @Test
  void explainsACompileErrorWithItsLocation() {
    assertThat(adapter.whyBroken(fixture("cargo-compile-error.txt")))
        .contains(
            "compile error: error[E0425]: cannot find value `y` in this scope at src/lib.rs:17:10");
  }

  @Test
  void explainsACrashedTestBinary() {
    var output =
        lines(
            """
            running 3 tests
            error: test failed, to rerun pass `--lib`

            Caused by:
              process didn't exit successfully: `/home/dev/shop/target/debug/deps/shop-a35a48c092d3f767` (signal: 11, SIGSEGV: invalid memory reference)
            """);

    assertThat(adapter.whyBroken(output))
        .contains(
            "a test binary crashed: process didn't exit successfully: `/home/dev/shop/target/debug/deps/shop-a35a48c092d3f767` (signal: 11, SIGSEGV: invalid memory reference)");
  }

  @Test
  void explainsCargosOwnErrors() {
    assertThat(
            adapter.whyBroken(
                List.of(
                    "error: could not find `Cargo.toml` in `/home/dev` or any parent directory")))
        .contains("could not find `Cargo.toml` in `/home/dev` or any parent directory");
  }

  @Test
  void givesNoReasonWhenTestsRanAndFailed() {
    assertThat(adapter.whyBroken(fixture("cargo-test.txt"))).isEmpty();
  }
}
