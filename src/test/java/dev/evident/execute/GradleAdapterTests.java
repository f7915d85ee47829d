package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradleAdapterTests {

  private static final Path WORK = Path.of("/home/dev/calc");

  private final GradleAdapter adapter = new GradleAdapter();

  @Test
  void runsTheCommandUnchangedAndReadsTestResultsOfEveryProject() {
    var command = List.of("./gradlew", "test");

    var invocation = adapter.prepare(command, WORK, Path.of("/tmp/scratch"));

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(WORK, "**/build/test-results/**/*.xml"));
  }

  @Test
  void readsTheCompletedLineWhereCompletedIncludesSkippedTests() {
    var summary = adapter.summarize(fixture("gradle-failures.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(new ConsoleSummary(9, 2, 0, 1, "12 tests completed, 2 failed, 1 skipped"));
  }

  @Test
  void addsUpTheLinesOfSeveralTestTasks() {
    var summary =
        adapter
            .summarize(
                lines(
                    "3 tests completed, 1 failed\n> Task :web:test\n1 test completed, 1 failed\n"))
            .orElseThrow();

    assertThat(summary.passed()).isEqualTo(2);
    assertThat(summary.failed()).isEqualTo(2);
    assertThat(summary.line()).startsWith("2 test tasks added up");
  }

  @Test
  void findsNoSummaryWhenAllTestsPassedBecauseGradlePrintsNone() {
    assertThat(adapter.summarize(lines("> Task :test\n\nBUILD SUCCESSFUL in 4s\n"))).isEmpty();
  }

  @Test
  void countsFailuresButCannotTellHowManyFinished() {
    var progress = follow(adapter, fixture("gradle-failures.txt"));

    assertThat(progress.failed()).isEqualTo(2);
    assertThat(progress.finished()).isEqualTo(-1);
  }

  @Test
  void explainsACompilationErrorWithTheCompilersFirstError() {
    assertThat(adapter.whyBroken(fixture("gradle-compilation-error.txt")))
        .contains(
            "compile error: /home/dev/calc/src/main/java/com/example/Calculator.java:12: error: cannot find symbol");
  }

  @Test
  void explainsAKotlinCompilationError() {
    var output =
        lines(
            """
            > Task :compileTestKotlin FAILED
            e: file:///home/dev/calc/src/test/kotlin/CartTest.kt:7:9 Unresolved reference 'totl'.

            * What went wrong:
            Execution failed for task ':compileTestKotlin'.
            > A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
               > Compilation error. See log for more details
            """);

    assertThat(adapter.whyBroken(output))
        .contains(
            "compile error: e: file:///home/dev/calc/src/test/kotlin/CartTest.kt:7:9 Unresolved reference 'totl'.");
  }

  @Test
  void explainsOtherBuildFailuresWithWhatWentWrong() {
    var output =
        lines(
            """
            FAILURE: Build failed with an exception.

            * What went wrong:
            Execution failed for task ':test'.
            > No tests found for given includes: [com.example.NopeTest](--tests filter)

            * Try:
            """);

    assertThat(adapter.whyBroken(output))
        .contains(
            "build failed: Execution failed for task ':test'. No tests found for given includes: [com.example.NopeTest](--tests filter)");
  }

  @Test
  void givesNoReasonWhenTestsRanAndFailed() {
    assertThat(adapter.whyBroken(fixture("gradle-failures.txt"))).isEmpty();
  }
}
