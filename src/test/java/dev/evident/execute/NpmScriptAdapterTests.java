package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmScriptAdapterTests {

  private static final Path SCRATCH = Path.of("/tmp/scratch");

  private final NpmScriptAdapter adapter = new NpmScriptAdapter();

  @TempDir Path project;

  private void scripts(String json) throws IOException {
    Files.writeString(
        project.resolve("package.json"), "{\"name\":\"shop\",\"scripts\":" + json + "}");
  }

  private void installJestJunit() throws IOException {
    Files.createDirectories(project.resolve("node_modules/jest-junit"));
    Files.writeString(project.resolve("node_modules/jest-junit/package.json"), "{}");
  }

  @Test
  void passesJestJunitOptionsToAJestScriptAfterDoubleDashForNpm() throws IOException {
    scripts("{\"test\":\"tsc -p . && jest --coverage\"}");
    installJestJunit();

    var invocation = adapter.prepare(List.of("npm", "test"), project, SCRATCH);

    assertThat(invocation.command())
        .containsExactly("npm", "test", "--", "--reporters=default", "--reporters=jest-junit");
    assertThat(invocation.environment()).containsEntry("JEST_JUNIT_OUTPUT_DIR", "/tmp/scratch");
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(SCRATCH, "jest-junit.xml"));
    assertThat(invocation.adapter()).isEqualTo("npm-script");
  }

  @Test
  void appendsWithoutASecondDoubleDashWhenTheUserGaveOne() throws IOException {
    scripts("{\"test\":\"jest\"}");
    installJestJunit();

    var invocation = adapter.prepare(List.of("npm", "test", "--", "--ci"), project, SCRATCH);

    assertThat(invocation.command())
        .containsExactly(
            "npm", "test", "--", "--ci", "--reporters=default", "--reporters=jest-junit");
  }

  @Test
  void passesVitestOptionsDirectlyForYarnAndPnpm() throws IOException {
    scripts("{\"test:unit\":\"vitest run\"}");

    var yarn = adapter.prepare(List.of("yarn", "test:unit"), project, SCRATCH);
    var pnpm = adapter.prepare(List.of("pnpm", "run", "test:unit"), project, SCRATCH);

    var options =
        List.of(
            "--reporter=default",
            "--reporter=junit",
            "--outputFile.junit=/tmp/scratch/vitest-junit.xml");
    assertThat(yarn.command().subList(2, yarn.command().size())).isEqualTo(options);
    assertThat(pnpm.command().subList(3, pnpm.command().size())).isEqualTo(options);
    assertThat(yarn.results())
        .containsExactly(new Invocation.ResultLocation(SCRATCH, "vitest-junit.xml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"test":"jest && eslint ."}     | the runner is not the script's last command
          {"test":"mocha test/"}          | no adapter adds options to mocha
          {"test":"jest"}                 | jest-junit is not installed
          {"lint":"eslint ."}             | there is no test script
          """)
  void runsTheScriptUnchangedWhenNoOptionsCanBeAdded(String json, String why) throws IOException {
    scripts(json);

    var invocation = adapter.prepare(List.of("npm", "test"), project, SCRATCH);

    assertThat(invocation.command()).as(why).containsExactly("npm", "test");
    assertThat(invocation.results()).as(why).isEmpty();
  }

  @Test
  void runsUnchangedWithoutPackageJson() {
    assertThat(adapter.prepare(List.of("yarn", "test"), project, SCRATCH).command())
        .containsExactly("yarn", "test");
  }

  @Test
  void readsJestVitestMochaAndNodeTestSummaries() {
    assertThat(adapter.summarize(fixture("jest-failures.txt")).orElseThrow().passed()).isEqualTo(4);
    assertThat(adapter.summarize(fixture("vitest-failures.txt")).orElseThrow().passed())
        .isEqualTo(5);
    assertThat(adapter.summarize(lines("  12 passing (40ms)\n  1 failing\n  2 pending\n")))
        .contains(new ConsoleSummary(12, 1, 0, 2, "12 passing (40ms); 1 failing; 2 pending"));
    assertThat(
            adapter.summarize(
                lines(
                    "ℹ tests 5\nℹ suites 1\nℹ pass 4\nℹ fail 1\nℹ cancelled 0\nℹ skipped 0\nℹ todo 0\n")))
        .contains(
            new ConsoleSummary(
                4, 1, 0, 0, "ℹ tests 5; ℹ pass 4; ℹ fail 1; ℹ cancelled 0; ℹ skipped 0; ℹ todo 0"));
  }

  @Test
  void followsWhicheverRunnerTheScriptTurnsOutToRun() {
    var vitest = follow(adapter, fixture("vitest-failures.txt"));
    var jest = follow(adapter, fixture("jest-failures.txt"));

    assertThat(List.of(vitest.finished(), vitest.failed())).containsExactly(7L, 1L);
    assertThat(List.of(jest.finished(), jest.failed())).containsExactly(4L, 1L);
  }

  @Test
  void explainsJestAndVitestFailuresToRun() {
    assertThat(adapter.whyBroken(fixture("jest-suite-failed.txt")))
        .get()
        .asString()
        .startsWith("test suite failed to run");
    assertThat(adapter.whyBroken(fixture("vitest-load-error.txt")))
        .get()
        .asString()
        .startsWith("test file failed to load");
  }
}
