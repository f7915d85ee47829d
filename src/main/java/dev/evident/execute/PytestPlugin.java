package dev.evident.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Evident's own JUnit XML writer for pytest ({@code evident_pytest.py}), installed in the run's
 * scratch directory with an entry point, so that pytest loads it from {@code PYTHONPATH} without a
 * command line option. It writes the file named by {@code --junitxml} itself, a test case as each
 * test ends: cheaper than pytest's writer (about 90 ms of 2,000 quick tests), and a killed run
 * keeps its finished tests. When pytest does not load it (the command sets its own {@code
 * PYTHONPATH}, plugin autoload is off, {@code python -I}), pytest's writer writes the same file as
 * before, so the plugin can only make a run cheaper, never lose its results.
 */
final class PytestPlugin {

  static final String MODULE = "evident_pytest";
  static final String REPORT_VARIABLE = "EVIDENT_PYTEST_REPORT";
  static final String RUNTIME_VARIABLE = "EVIDENT_PYTEST_RUNTIME";

  private PytestPlugin() {}

  /**
   * Writes the plugin under {@code scratch} and returns the environment that makes pytest load it
   * for {@code report} and name its Python version in {@code runtime} ("Python 3.11.2", what {@code
   * python --version} prints: the interpreter that runs pytest, which {@code python3} on PATH need
   * not be, and one process fewer); empty when it cannot be written (pytest's writer then does the
   * work, and the version is asked of {@code python3}).
   */
  static Map<String, String> install(Path scratch, Path report, Path runtime) {
    Path dir = scratch.resolve("pytest-plugin");
    Path distribution = dir.resolve(MODULE + "-1.dist-info");
    try (InputStream source = PytestPlugin.class.getResourceAsStream(MODULE + ".py")) {
      if (source == null) {
        return Map.of();
      }
      Files.createDirectories(distribution);
      Files.copy(source, dir.resolve(MODULE + ".py"));
      Files.writeString(
          distribution.resolve("METADATA"),
          "Metadata-Version: 2.1\nName: evident-run\nVersion: 1\n");
      Files.writeString(
          distribution.resolve("entry_points.txt"), "[pytest11]\nevident = " + MODULE + "\n");
    } catch (IOException | UncheckedIOException e) {
      return Map.of();
    }
    String inherited = System.getenv("PYTHONPATH");
    String path =
        inherited == null || inherited.isEmpty()
            ? dir.toString()
            : inherited + java.io.File.pathSeparator + dir;
    return Map.of(
        "PYTHONPATH",
        path,
        REPORT_VARIABLE,
        report.toString(),
        RUNTIME_VARIABLE,
        runtime.toString());
  }
}
