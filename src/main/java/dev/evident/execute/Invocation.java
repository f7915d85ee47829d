package dev.evident.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and where its results will be.
 *
 * @param command the command line to start (the user's, with result options added)
 * @param environment variables to add to the command's environment
 * @param results where to find result files after the command ends
 * @param stdoutIsResults whether the command's standard output is itself the result stream (go test
 *     -json): then it is read as results too, with {@code stdoutFormat}
 * @param stdoutFormat the format id of that stream ({@code gotest}), or null
 * @param adapter the name of the adapter that prepared it
 * @param runtimeReports runtimes (by the name {@code runtime.NAME} records) whose version the
 *     command itself writes into a file, one line as {@code --version} prints it: {@link
 *     RunEnvironment} then reads it there instead of starting a probe
 */
public record Invocation(
    List<String> command,
    Map<String, String> environment,
    List<ResultLocation> results,
    boolean stdoutIsResults,
    String stdoutFormat,
    String adapter,
    Map<String, Path> runtimeReports) {

  public Invocation {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    results = List.copyOf(results);
    Objects.requireNonNull(adapter, "adapter");
    runtimeReports = Map.copyOf(runtimeReports);
  }

  /** An invocation whose runtime versions are all probed. */
  public Invocation(
      List<String> command,
      Map<String, String> environment,
      List<ResultLocation> results,
      boolean stdoutIsResults,
      String stdoutFormat,
      String adapter) {
    this(command, environment, results, stdoutIsResults, stdoutFormat, adapter, Map.of());
  }

  /**
   * Result files: every file under {@code root} whose path relative to it matches {@code glob},
   * written after the command started (older files are stale and never counted).
   *
   * <p>Glob syntax: {@code *} and {@code ?} within one directory, {@code **} across directories,
   * where a leading or inner {@code **}{@code /} also matches no directory ({@code **}{@code
   * /target/TEST-*.xml} matches {@code target/TEST-a.xml}, unlike {@code java.nio}'s glob); {@code
   * [abc]} and {@code {a,b}}. Use {@link #matches} rather than a {@code PathMatcher}.
   */
  public record ResultLocation(Path root, String glob) {
    public ResultLocation {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(glob, "glob");
    }

    /**
     * Whether {@code file} is one of these results: an absolute path under {@link #root}, or a path
     * relative to it.
     */
    public boolean matches(Path file) {
      Path relative = file.isAbsolute() ? root.toAbsolutePath().relativize(file) : file;
      String path = Glob.slashed(relative);
      return !path.startsWith("..") && Glob.compile(glob).matcher(path).matches();
    }
  }
}
