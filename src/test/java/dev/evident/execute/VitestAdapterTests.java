package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VitestAdapterTests {

  private static final Path WORK = Path.of("/home/dev/shop");
  private static final Path SCRATCH = Path.of("/tmp/scratch");

  private final VitestAdapter adapter = new VitestAdapter();

  @Test
  void addsTheBuiltInJunitReporterAfterTheSubcommand() {
    var invocation = adapter.prepare(List.of("npx", "vitest", "run", "src/cart"), WORK, SCRATCH);

    assertThat(invocation.command())
        .containsExactly(
            "npx",
            "vitest",
            "run",
            "--reporter=default",
            "--reporter=junit",
            "--outputFile.junit=/tmp/scratch/vitest-junit.xml",
            "src/cart");
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(SCRATCH, "vitest-junit.xml"));
  }

  @Test
  void addsTheReporterRightAfterVitestWithoutASubcommand() {
    var invocation = adapter.prepare(List.of("vitest", "--coverage"), WORK, SCRATCH);

    assertThat(invocation.command())
        .containsExactly(
            "vitest",
            "--reporter=default",
            "--reporter=junit",
            "--outputFile.junit=/tmp/scratch/vitest-junit.xml",
            "--coverage");
  }

  @Test
  void keepsTheUsersReporters() {
    var invocation = adapter.prepare(List.of("vitest", "run", "--reporter=dot"), WORK, SCRATCH);

    assertThat(invocation.command())
        .containsExactly(
            "vitest",
            "run",
            "--reporter=junit",
            "--outputFile.junit=/tmp/scratch/vitest-junit.xml",
            "--reporter=dot");
  }

  @Test
  void readsTheTestsLineOfTheSummary() {
    var summary = adapter.summarize(fixture("vitest-failures.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(new ConsoleSummary(5, 1, 0, 1, "Tests  1 failed | 5 passed | 1 skipped (7)"));
  }

  @Test
  void readsNoTestsAsZero() {
    var summary = adapter.summarize(fixture("vitest-load-error.txt")).orElseThrow();

    assertThat(summary.total()).isZero();
  }

  @Test
  void countsTestsFromFileLinesWithoutCountingTheTestLinesUnderThem() {
    var progress = follow(adapter, fixture("vitest-failures.txt"));

    assertThat(progress.finished()).isEqualTo(7);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsATestFileThatFailedToLoad() {
    assertThat(adapter.whyBroken(fixture("vitest-load-error.txt")))
        .contains(
            "test file failed to load: src/orders.test.ts: Error: Failed to resolve import \"./db\" from \"src/orders.test.ts\". Does the file exist?");
  }

  @Test
  void explainsThatNoTestFilesWereFound() {
    var output =
        List.of(
            "No test files found, exiting with code 1",
            "",
            "include: **/*.{test,spec}.?(c|m)[jt]s?(x)");

    assertThat(adapter.whyBroken(output)).contains("no test files found");
  }

  @Test
  void givesNoReasonWhenTestsRanAndFailed() {
    assertThat(adapter.whyBroken(fixture("vitest-failures.txt"))).isEmpty();
  }
}
