package dev.evident.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A suite the server may run as a task, declared in its configuration ({@code suites:}).
 *
 * @param name how requests name it
 * @param project the project its runs are stored under
 * @param command the command and its arguments; {@code {{name}}} tokens are replaced by parameters
 * @param workDir where it runs, or null for the server's working directory
 * @param results result-file globs read after it ends (relative to workDir); empty to let the
 *     runner adapter find them
 * @param parameters a JSON Schema object (type object, properties, required) for the parameters
 * @param timeout stop it after this long, or null for no limit
 * @param concurrency how many tasks of this suite one server runs at once
 */
public record TaskSuite(
    String name,
    String project,
    List<String> command,
    Path workDir,
    List<String> results,
    Map<String, Object> parameters,
    Duration timeout,
    int concurrency) {
  public TaskSuite {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(project, "project");
    command = List.copyOf(command);
    results = List.copyOf(results);
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(parameters);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more");
    }
  }
}
