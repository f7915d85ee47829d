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

class PytestAdapterTests {

  private static final Path WORK = Path.of("/home/dev/shop");
  @org.junit.jupiter.api.io.TempDir Path scratch;

  private final PytestAdapter adapter = new PytestAdapter();

  @Test
  void asksForJunitXmlInTheScratchDirectoryRightAfterTheProgram() {
    var invocation =
        adapter.prepare(List.of("python3", "-m", "pytest", "-q", "tests"), WORK, scratch);

    assertThat(invocation.command())
        .containsExactly(
            "python3",
            "-m",
            "pytest",
            "--junitxml=" + scratch.resolve("pytest-junit.xml"),
            "-o",
            "junit_family=xunit2",
            "-q",
            "tests");
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(scratch, "pytest-junit.xml"));
    assertThat(invocation.stdoutIsResults()).isFalse();
    assertThat(invocation.adapter()).isEqualTo("pytest");
  }

  @Test
  void installsItsWriterInTheScratchDirectoryForPytestToLoadFromPythonpath() {
    var invocation =
        adapter.prepare(List.of("python3", "-m", "pytest", "-q", "tests"), WORK, scratch);

    Path plugin = scratch.resolve("pytest-plugin");
    assertThat(invocation.environment())
        .containsEntry("EVIDENT_PYTEST_REPORT", scratch.resolve("pytest-junit.xml").toString())
        .containsEntry("EVIDENT_PYTEST_RUNTIME", scratch.resolve("pytest-runtime.txt").toString());
    assertThat(invocation.environment().get("PYTHONPATH")).endsWith(plugin.toString());
    assertThat(invocation.runtimeReports())
        .containsExactly(java.util.Map.entry("python", scratch.resolve("pytest-runtime.txt")));
    assertThat(plugin.resolve("evident_pytest.py")).content().contains("def pytest_configure");
    assertThat(plugin.resolve("evident_pytest-1.dist-info/entry_points.txt"))
        .content()
        .contains("[pytest11]\nevident = evident_pytest");
  }

  @Test
  void addsTheOptionsInsideAShellScript() {
    var invocation = adapter.prepare(List.of("bash", "-c", "cd api && pytest -x"), WORK, scratch);

    assertThat(invocation.command())
        .containsExactly(
            "bash",
            "-c",
            "cd api && pytest --junitxml="
                + scratch.resolve("pytest-junit.xml")
                + " -o junit_family=xunit2 -x");
  }

  @ParameterizedTest
  @CsvSource({
    "pytest --junitxml=reports/junit.xml tests, /home/dev/shop/reports",
    "pytest --junit-xml reports/junit.xml, /home/dev/shop/reports",
    "pytest --junitxml=/ci/out/junit.xml, /ci/out",
  })
  void readsTheUsersOwnJunitXmlInsteadOfAddingOne(String line, String root) {
    var command = List.of(line.split(" "));

    var invocation = adapter.prepare(command, WORK, scratch);

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(Path.of(root), "junit.xml"));
  }

  @Test
  void addsNothingWhenTheJunitXmlPluginIsDisabled() {
    var command = List.of("pytest", "-p", "no:junitxml");

    var invocation = adapter.prepare(command, WORK, scratch);

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.results()).isEmpty();
  }

  @Test
  void readsTheFinalSummaryLineMappingXfailedToSkippedAndErrorsToErrored() {
    var summary = adapter.summarize(fixture("pytest-failures.txt")).orElseThrow();

    assertThat(summary)
        .isEqualTo(
            new ConsoleSummary(
                4,
                1,
                1,
                2,
                "========== 1 failed, 4 passed, 1 skipped, 1 xfailed, 1 error in 0.62s =========="));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          3 failed, 10 passed, 2 skipped in 1.20s                           | 10 | 3 | 0 | 2
          ===== 12 passed, 3 deselected, 1 xpassed, 4 warnings in 75.20s (0:01:15) ===== | 13 | 0 | 0 | 0
          ============================ no tests ran in 0.50s =============================| 0 | 0 | 0 | 0
          =============================== 2 errors in 0.31s ===============================| 0 | 0 | 2 | 0
          ============== 1 failed, 1 passed, 2 rerun in 0.40s ==============  | 1 | 1 | 0 | 0
          ================ 2 passed, 1 skipped in 0.03 seconds ================ | 2 | 0 | 0 | 1
          """)
  void readsEveryShapeOfTheSummaryLine(
      String line, long passed, long failed, long errored, long skipped) {
    var summary = adapter.summarize(List.of("collected 3 items", line.strip(), "")).orElseThrow();

    assertThat(List.of(summary.passed(), summary.failed(), summary.errored(), summary.skipped()))
        .containsExactly(passed, failed, errored, skipped);
  }

  @Test
  void findsNoSummaryInOtherOutput() {
    assertThat(adapter.summarize(lines("tests/test_a.py ..F\nKeyboardInterrupt\n"))).isEmpty();
  }

  @Test
  void countsProgressCharactersOfTheDefaultOutput() {
    var progress = follow(adapter, fixture("pytest-failures.txt"));

    assertThat(progress.finished()).isEqualTo(8);
    assertThat(progress.failed()).isEqualTo(2);
  }

  @Test
  void countsVerboseOutcomeWordsButNotTheShortSummary() {
    var progress = follow(adapter, fixture("pytest-verbose.txt"));

    assertThat(progress.finished()).isEqualTo(8);
    assertThat(progress.failed()).isEqualTo(2);
  }

  @Test
  void countsXdistWorkerLinesAndQuietModeLines() {
    var progress =
        follow(
            adapter,
            lines(
                """
                [gw0] [ 25%] PASSED tests/test_cart.py::test_add
                [gw1] [ 50%] FAILED tests/test_cart.py::test_total
                ..s.                                                              [100%]
                """));

    assertThat(progress.finished()).isEqualTo(6);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsACollectionErrorWithTheFileAndTheException() {
    assertThat(adapter.whyBroken(fixture("pytest-collection-error.txt")))
        .contains(
            "collection error in tests/test_orders.py: ModuleNotFoundError: No module named 'redis'");
  }

  @Test
  void countsSeveralCollectionErrorsAndNamesTheFirst() {
    assertThat(adapter.whyBroken(fixture("pytest-syntax-error.txt")))
        .contains(
            "2 collection errors, the first in tests/test_async.py: SyntaxError: invalid syntax");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ============================ no tests ran in 0.50s =============================\\nERROR: file or directory not found: tests/unit/ | file or directory not found: tests/unit/
          ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]\\npytest: error: unrecognized arguments: --cov | usage error: pytest: error: unrecognized arguments: --cov
          /usr/bin/python3: No module named pytest | pytest is not installed for this Python: /usr/bin/python3: No module named pytest
          INTERNALERROR> Traceback (most recent call last):\\nINTERNALERROR>   File "main.py", line 1\\nINTERNALERROR> ValueError: bad plugin | pytest internal error: ValueError: bad plugin
          collected 0 items\\n\\n============================ no tests ran in 0.01s ============================= | no tests ran
          ImportError while loading conftest '/home/dev/shop/tests/conftest.py'.\\ntests/conftest.py:1: in <module>\\n    import redis\\nE   ModuleNotFoundError: No module named 'redis' | import error: ImportError while loading conftest '/home/dev/shop/tests/conftest.py'.
          """)
  void explainsOtherWaysPytestRunsNothing(String output, String reason) {
    assertThat(adapter.whyBroken(lines(output.replace("\\n", "\n")))).contains(reason);
  }

  @Test
  void givesNoReasonForOrdinaryTestFailures() {
    assertThat(adapter.whyBroken(fixture("pytest-failures.txt"))).isEmpty();
  }
}
