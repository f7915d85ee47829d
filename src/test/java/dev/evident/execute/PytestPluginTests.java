package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.formats.Format;
import dev.evident.formats.ReaderFixtures;
import dev.evident.formats.ResultInput;
import dev.evident.model.Problem;
import dev.evident.model.TestResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evident's pytest writer against pytest's own, with real pytest processes. */
class PytestPluginTests {

  private static final Path FIXTURES = Path.of("src/test/resources/dev/evident/execute");

  @TempDir Path dir;

  @Test
  void writesTheSameResultsAsPytestsOwnWriterForEveryShapeOfTest() throws Exception {
    Path own = dir.resolve("own.xml");
    Path ours = dir.resolve("ours.xml");

    pytest(FIXTURES.resolve("pytest-shapes"), own, Map.of());
    pytest(FIXTURES.resolve("pytest-shapes"), ours, install(ours));

    assertThat(Files.readString(ours)).as("written by the plugin").contains(" file=\"tests/");
    assertThat(Files.readString(own)).doesNotContain(" file=\"");
    var expected = read(own);
    var actual = read(ours);
    assertThat(actual.tests()).hasSize(18);
    assertThat(actual.tests().stream().map(PytestPluginTests::view).toList())
        .containsExactlyElementsOf(expected.tests().stream().map(PytestPluginTests::view).toList());
    assertThat(actual.runErrors())
        .extracting(e -> List.of(e.kind(), e.scope(), e.failure()))
        .containsExactlyElementsOf(
            expected.runErrors().stream()
                .map(e -> List.<Object>of(e.kind(), e.scope(), e.failure()))
                .toList())
        .hasSize(1);
    assertThat(actual.problems()).isEqualTo(expected.problems()).isEmpty();
  }

  @Test
  void givesEachTestTheFileAndLineOfItsDefinition() throws Exception {
    Path ours = dir.resolve("ours.xml");

    pytest(FIXTURES.resolve("pytest-shapes"), ours, install(ours));

    TestResult fails =
        read(ours).tests().stream()
            .filter(t -> t.id().name().equals("test_fails"))
            .findFirst()
            .orElseThrow();
    assertThat(fails.source().file()).isEqualTo("tests/test_shapes.py");
    assertThat(fails.source().line()).isEqualTo(6);
  }

  @Test
  void namesThePythonThatRunsPytestAsItsVersionOptionDoes() throws Exception {
    Path report = dir.resolve("report.xml");

    pytest(FIXTURES.resolve("pytest-shapes"), report, install(report));

    Process version = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
    String expected = new String(version.getInputStream().readAllBytes()).strip();
    assertThat(version.waitFor()).isZero();
    assertThat(expected).startsWith("Python 3.");
    assertThat(Files.readString(dir.resolve("runtime.txt")).strip()).isEqualTo(expected);
  }

  @Test
  void leavesTheReportToPytestWhenTheCommandSetsItsOwnPythonpath() throws Exception {
    Path report = dir.resolve("report.xml");
    var environment = new HashMap<>(install(report));
    environment.put("PYTHONPATH", dir.resolve("elsewhere").toString());

    pytest(FIXTURES.resolve("pytest-shapes"), report, environment);

    assertThat(Files.readString(report)).doesNotContain(" file=\"");
    assertThat(read(report).tests()).hasSize(18);
  }

  @Test
  void leavesTheReportToPytestWhenItsWriterIsAskedForCapturedOutput() throws Exception {
    Path report = dir.resolve("report.xml");

    pytest(FIXTURES.resolve("pytest-shapes"), report, install(report), "-o", "junit_logging=all");

    assertThat(Files.readString(report)).doesNotContain(" file=\"").contains("<system-out>");
  }

  @Test
  void keepsTheTestsThatEndedBeforePytestWasKilled() throws Exception {
    Path report = dir.resolve("report.xml");
    Process pytest =
        start(
            Path.of("src/test/resources/dev/evident/run/pytest-hangs"),
            report,
            install(report),
            "-s");
    try (var stdout =
        new BufferedReader(
            new InputStreamReader(pytest.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = stdout.readLine();
      } while (line != null && !line.contains("HANGING"));
      assertThat(line).as("the third test started").isNotNull();
      pytest.destroyForcibly();
      assertThat(pytest.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    var read = read(report);
    assertThat(read.tests())
        .extracting(t -> t.id().name())
        .containsExactly("test_first", "test_second");
    assertThat(read.tests().get(1).failure().message()).contains("the second one fails");
    assertThat(read.problems()).extracting(Problem::message).anyMatch(m -> m.contains("truncated"));
  }

  private static ReaderFixtures.Collected read(Path report) {
    return ReaderFixtures.read(Format.JUNIT, ResultInput.of(report));
  }

  /** What both writers must agree on: all but durations and the location only ours gives. */
  private static List<Object> view(TestResult result) {
    return List.of(
        result.id(),
        result.outcome(),
        result.failure(),
        result.earlierAttempts().stream().map(a -> List.of(a.outcome(), a.failure())).toList(),
        result.tags(),
        result.properties());
  }

  /** The environment {@code evident run} gives pytest: the plugin, writing {@code report}. */
  private Map<String, String> install(Path report) {
    return PytestPlugin.install(dir, report, dir.resolve("runtime.txt"));
  }

  private void pytest(Path project, Path report, Map<String, String> environment, String... options)
      throws IOException, InterruptedException {
    Process process = start(project, report, environment, options);
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(report).exists();
  }

  /**
   * pytest as {@code evident run} calls it, with the environment {@code environment} adds, on a
   * copy of the fixture project {@code fixture}.
   */
  private Process start(
      Path fixture, Path report, Map<String, String> environment, String... options)
      throws IOException {
    Path project = dir.resolve("project");
    try (var paths = Files.walk(fixture)) {
      for (Path p : paths.toList()) {
        Path to = project.resolve(fixture.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    var command =
        new ArrayList<>(
            List.of(
                "python3",
                "-m",
                "pytest",
                "--junitxml=" + report,
                "-o",
                "junit_family=xunit2",
                "-p",
                "no:cacheprovider",
                "--continue-on-collection-errors"));
    command.addAll(List.of(options));
    var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return builder.start();
  }
}
