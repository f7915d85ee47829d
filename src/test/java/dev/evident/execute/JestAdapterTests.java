package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JestAdapterTests {

  private static final Path SCRATCH = Path.of("/tmp/scratch");

  private final JestAdapter adapter = new JestAdapter();

  @TempDir Path project;

  private void installJestJunit(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("node_modules/jest-junit"));
    Files.writeString(
        dir.resolve("node_modules/jest-junit/package.json"), "{\"name\":\"jest-junit\"}");
  }

  @Test
  void addsTheJestJunitReporterAndSendsItsReportToTheScratchDirectoryWhenInstalled()
      throws IOException {
    installJestJunit(project);

    var invocation = adapter.prepare(List.of("npx", "jest", "--ci"), project, SCRATCH);

    assertThat(invocation.command())
        .containsExactly("npx", "jest", "--reporters=default", "--reporters=jest-junit", "--ci");
    assertThat(invocation.environment())
        .containsEntry("JEST_JUNIT_OUTPUT_DIR", "/tmp/scratch")
        .containsEntry("JEST_JUNIT_OUTPUT_NAME", "jest-junit.xml")
        .containsEntry("JEST_JUNIT_CLASSNAME", "{filepath}")
        .containsEntry("JEST_JUNIT_REPORT_TEST_SUITE_ERRORS", "true");
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(SCRATCH, "jest-junit.xml"));
  }

  @Test
  void findsJestJunitInAParentDirectoryAsNodeDoes() throws IOException {
    installJestJunit(project);
    Path workspace = Files.createDirectories(project.resolve("packages/cart"));

    var invocation = adapter.prepare(List.of("jest"), workspace, SCRATCH);

    assertThat(invocation.results()).hasSize(1);
  }

  @Test
  void keepsTheUsersReportersAndAddsOnlyJestJunit() throws IOException {
    installJestJunit(project);

    var invocation =
        adapter.prepare(List.of("jest", "--reporters", "github-actions"), project, SCRATCH);

    assertThat(invocation.command())
        .containsExactly("jest", "--reporters=jest-junit", "--reporters", "github-actions");
  }

  @Test
  void runsUnchangedAndReadsOnlyTheConsoleWithoutJestJunit() {
    var command = List.of("npx", "jest");

    var invocation = adapter.prepare(command, project, SCRATCH);

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results()).isEmpty();
    assertThat(invocation.environment()).isEmpty();
  }

  @Test
  void readsTheTestsLineOfTheSummaryWithTodoAsSkipped() {
    var summary = adapter.summarize(fixture("jest-failures.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(
            new ConsoleSummary(
                4, 1, 0, 2, "Tests:       1 failed, 1 skipped, 1 todo, 4 passed, 7 total"));
  }

  @Test
  void readsZeroTestsWhenSuitesFailedToRun() {
    var summary = adapter.summarize(fixture("jest-suite-failed.txt")).orElseThrow();

    assertThat(summary.total()).isZero();
  }

  @Test
  void countsVerboseTestLinesForProgress() {
    var progress = follow(adapter, fixture("jest-failures.txt"));

    assertThat(progress.finished()).isEqualTo(4);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsASuiteThatFailedToRunWithItsFileAndCause() {
    assertThat(adapter.whyBroken(fixture("jest-suite-failed.txt")))
        .contains(
            "test suite failed to run src/orders.test.js: Cannot find module './db' from 'src/orders.test.js'");
  }

  @Test
  void explainsThatNoTestsWereFound() {
    var output =
        List.of(
            "No tests found, exiting with code 1",
            "Run with `--passWithNoTests` to exit with code 0");

    assertThat(adapter.whyBroken(output)).contains("no tests found");
  }

  @Test
  void givesNoReasonWhenTestsRanAndFailed() {
    assertThat(adapter.whyBroken(fixture("jest-failures.txt"))).isEmpty();
  }
}
