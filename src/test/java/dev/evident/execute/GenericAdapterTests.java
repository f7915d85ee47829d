package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericAdapterTests {

  private static final Path WORK = Path.of("/home/dev/shop");

  private static RunnerAdapter generic(String... globs) {
    return RunnerAdapters.detect(List.of("make", "test"), List.of(globs));
  }

  @Test
  void readsTheNamedFilesRelativeToTheWorkDirAndRunsTheCommandUnchanged() {
    var invocation =
        generic("build/test-results/**/*.xml", "out/results.tap")
            .prepare(List.of("make", "test"), WORK, Path.of("/tmp/scratch"));

    assertThat(invocation.command()).containsExactly("make", "test");
    assertThat(invocation.results())
        .containsExactly(
            new Invocation.ResultLocation(WORK.resolve("build/test-results"), "**/*.xml"),
            new Invocation.ResultLocation(WORK.resolve("out"), "results.tap"));
    assertThat(invocation.adapter()).isEqualTo("generic");
  }

  @Test
  void hasNoResultFilesWithoutGlobs() {
    assertThat(generic().prepare(List.of("make", "test"), WORK, Path.of("/tmp/scratch")).results())
        .isEmpty();
  }

  @Test
  void readsTheConsoleSummaryOfWhicheverKnownRunnerTheCommandRan() {
    assertThat(generic().summarize(fixture("pytest-failures.txt")).orElseThrow().passed())
        .isEqualTo(4);
    assertThat(generic().summarize(fixture("maven-failures.txt")).orElseThrow().passed())
        .isEqualTo(3);
    assertThat(generic().summarize(fixture("cargo-test.txt")).orElseThrow().passed()).isEqualTo(5);
  }

  @Test
  void readsTapTotalsAndTapTestPoints() {
    assertThat(
            generic()
                .summarize(
                    lines(
                        "TAP version 13\n1..3\nok 1 a\nnot ok 2 b\n# tests 3\n# pass 2\n# fail 1\n")))
        .contains(new ConsoleSummary(2, 1, 0, 0, "# tests 3; # pass 2; # fail 1"));
    assertThat(
            generic()
                .summarize(
                    lines(
                        "1..4\nok 1 - a\nnot ok 2 - b\nok 3 - c # SKIP no db\n  ok 1 - nested\nok 4 - d\n")))
        .contains(new ConsoleSummary(2, 1, 0, 1, "4 TAP test points counted"));
  }

  @Test
  void findsNoSummaryInOutputWithoutOne() {
    assertThat(generic().summarize(lines("building...\ndone\n"))).isEmpty();
  }

  @Test
  void settlesOnTheFirstRunnerWhoseOutputItRecognises() {
    var progress = generic().progress();
    assertThat(progress.finished()).isEqualTo(-1);

    fixture("maven-failures.txt").forEach(progress::line);

    assertThat(progress.finished()).isEqualTo(6);
    assertThat(progress.failed()).isEqualTo(2);
  }

  @Test
  void countsTapTestPointsForProgress() {
    var progress =
        follow(generic(), lines("1..3\nok 1 - a\nnot ok 2 - b\nnot ok 3 - c # TODO later\n"));

    assertThat(progress.finished()).isEqualTo(3);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsFailuresToRunOfWhicheverKnownRunnerTheCommandRan() {
    assertThat(generic().whyBroken(fixture("pytest-collection-error.txt")))
        .get()
        .asString()
        .startsWith("collection error");
    assertThat(generic().whyBroken(fixture("gradle-compilation-error.txt")))
        .get()
        .asString()
        .startsWith("compile error");
    assertThat(generic().whyBroken(lines("make: *** [test] Error 2"))).isEmpty();
  }

  @Test
  void stripsColourCodesBeforeReading() {
    var coloured =
        List.of(
            "\u001B[31m\u001B[1m==== 1 failed, \u001B[32m2 passed\u001B[0m\u001B[31m in 0.10s ====\u001B[0m");

    assertThat(generic().summarize(coloured))
        .contains(new ConsoleSummary(2, 1, 0, 0, "==== 1 failed, 2 passed in 0.10s ===="));
  }
}
