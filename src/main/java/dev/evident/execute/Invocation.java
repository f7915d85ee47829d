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
 */
public record Invocation(
    List<String> command,
    Map<String, String> environment,
    List<ResultLocation> results,
    boolean stdoutIsResults,
    String stdoutFormat,
    String adapter) {

  public Invocation {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    results = List.copyOf(results);
    Objects.requireNonNull(adapter, "adapter");
  }

  /**
   * Result files: every file under {@code root} whose path relative to it matches {@code glob},
   * written after the command started (older files are stale and never counted).
   */
  public record ResultLocation(Path root, String glob) {
    public ResultLocation {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(glob, "glob");
    }
  }
}
