package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenAdapterTests {

  private static final Path WORK = Path.of("/home/dev/calc");

  private final MavenAdapter adapter = new MavenAdapter();

  @Test
  void runsTheCommandUnchangedAndReadsSurefireAndFailsafeReportsOfEveryModule() {
    var command = List.of("./mvnw", "-B", "verify");

    var invocation = adapter.prepare(command, WORK, Path.of("/tmp/scratch"));

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results())
        .containsExactly(
            new Invocation.ResultLocation(WORK, "**/target/surefire-reports/TEST-*.xml"),
            new Invocation.ResultLocation(WORK, "**/target/failsafe-reports/TEST-*.xml"));
    assertThat(
            invocation
                .results()
                .get(0)
                .matches(Path.of("core/target/surefire-reports/TEST-com.example.CartTest.xml")))
        .isTrue();
  }

  @Test
  void readsTheTotalsLineNotThePerClassLines() {
    var summary = adapter.summarize(fixture("maven-failures.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(
            new ConsoleSummary(3, 1, 1, 1, "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1"));
  }

  @Test
  void addsUpTheTotalsOfEveryModuleAndOfFailsafe() {
    var summary =
        adapter
            .summarize(
                lines(
                    """
                    [INFO] Tests run: 1,204, Failures: 0, Errors: 0, Skipped: 4
                    [INFO] Building web 1.0
                    [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s -- in com.example.WebTest
                    [INFO] Tests run: 10, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1
                    [ERROR] Tests run: 5, Failures: 2, Errors: 0, Skipped: 0
                    """))
            .orElseThrow();

    assertThat(summary.passed()).isEqualTo(1213);
    assertThat(summary.failed()).isEqualTo(2);
    assertThat(summary.skipped()).isEqualTo(4);
    assertThat(summary.line())
        .isEqualTo(
            "3 totals lines added up, the last: Tests run: 5, Failures: 2, Errors: 0, Skipped: 0");
  }

  @Test
  void addsUpPerClassLinesForProgress() {
    var progress = follow(adapter, fixture("maven-failures.txt"));

    assertThat(progress.finished()).isEqualTo(6);
    assertThat(progress.failed()).isEqualTo(2);
  }

  @Test
  void countsOlderSurefirePerClassLinesToo() {
    var progress =
        follow(
            adapter,
            lines(
                """
                Running com.example.CartTest
                Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.045 sec <<< FAILURE! - in com.example.CartTest
                Results :
                Tests run: 3, Failures: 1, Errors: 0, Skipped: 0
                """));

    assertThat(progress.finished()).isEqualTo(3);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsACompilationErrorWithItsFirstSourceLine() {
    assertThat(adapter.whyBroken(fixture("maven-compilation-error.txt")))
        .contains(
            "compile error: /home/dev/calc/src/test/java/com/example/Broken.java:[1,24] cannot find symbol");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [ERROR] Failed to execute goal on project calc: Could not resolve dependencies for project com.example:calc:jar:1.0: The following artifacts could not be resolved: com.example:money:jar:2.0 (absent) | Could not resolve dependencies for project com.example:calc:jar:1.0: The following artifacts could not be resolved: com.example:money:jar:2.0 (absent)
          [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test (default-test) on project calc: No tests matching pattern "Nope" were executed! (Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.) -> [Help 1] | No tests matching pattern "Nope" were executed! (Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.) -> [Help 1]
          [INFO] No tests to run. | no tests to run
          [INFO] Tests are skipped. | tests are skipped (-DskipTests or -Dmaven.test.skip)
          [ERROR] ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called? | the test JVM crashed: ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called?
          [INFO] BUILD FAILURE\\n[INFO] Total time: 0.1 s\\n[ERROR] Unknown lifecycle phase "tset". You must specify a valid lifecycle phase. | build failed: Unknown lifecycle phase "tset". You must specify a valid lifecycle phase.
          """)
  void explainsOtherWaysMavenRunsNoTests(String output, String reason) {
    assertThat(adapter.whyBroken(lines(output.replace("\\n", "\n")))).contains(reason);
  }

  @Test
  void givesNoReasonWhenTestsRanAndFailed() {
    assertThat(adapter.whyBroken(fixture("maven-failures.txt"))).isEmpty();
  }
}
