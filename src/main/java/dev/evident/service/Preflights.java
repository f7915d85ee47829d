package dev.evident.service;

import dev.evident.execute.Preflight;
import dev.evident.model.Check;
import dev.evident.model.ProjectConfig;
import dev.evident.report.PreflightText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The preflight use case: load the project's configuration file and check its requirements. {@code
 * evident doctor} prints the result; {@code evident run} stores a BLOCKED run when something is
 * missing.
 */
public final class Preflights {

  /**
   * Checked requirements.
   *
   * @param workDir the directory the checks ran in
   * @param loaded the configuration file read, or null when the project has none
   * @param checks one per requirement, in the file's order by kind; empty without a file
   */
  public record Result(Path workDir, ProjectConfigs.Loaded loaded, List<Check> checks) {
    public Result {
      Objects.requireNonNull(workDir, "workDir");
      checks = List.copyOf(checks);
    }

    /** The configuration file read, if there was one. */
    public Optional<ProjectConfigs.Loaded> config() {
      return Optional.ofNullable(loaded);
    }

    /** The project's configuration: the file's, or an empty one. */
    public ProjectConfig projectConfig() {
      return loaded == null ? ProjectConfig.EMPTY : loaded.config();
    }

    /** The requirements that are not met; a run must not start unless this is empty. */
    public List<Check> missing() {
      return checks.stream().filter(c -> !c.ok()).toList();
    }
  }

  private Preflights() {}

  /**
   * Loads the configuration of the project in {@code workDir} and checks its requirements against
   * this process's environment.
   *
   * @param configOrNull a configuration file the user named, or null for the default files
   * @throws ConfigException when the file cannot be read or has errors
   */
  public static Result run(Path workDir, Path configOrNull) {
    return run(workDir, configOrNull, System.getenv());
  }

  /** As {@link #run(Path, Path)}, against the environment the command will run with. */
  public static Result run(Path workDir, Path configOrNull, Map<String, String> env) {
    Optional<ProjectConfigs.Loaded> loaded = ProjectConfigs.load(workDir, configOrNull);
    if (loaded.isEmpty()) {
      return new Result(workDir, null, List.of());
    }
    List<Check> checks =
        Preflight.check(loaded.get().config().requires(), workDir, loaded.get().name(), env);
    return new Result(workDir, loaded.get(), checks);
  }

  /** The text {@code evident doctor} prints. */
  public static String text(Result result) {
    return PreflightText.render(
        result.config().map(ProjectConfigs.Loaded::name).orElse(null),
        result.workDir().toAbsolutePath().normalize().toString(),
        result.checks());
  }

  /** The JSON {@code evident doctor --json} prints. */
  public static Map<String, Object> json(Result result) {
    return PreflightText.json(
        result.config().map(ProjectConfigs.Loaded::name).orElse(null), result.checks());
  }
}
