package dev.evident.service;

import dev.evident.analyze.Progress;
import dev.evident.model.ProgressReport;
import dev.evident.model.Run;
import dev.evident.model.TestCategory;
import dev.evident.report.ProgressJson;
import dev.evident.report.ProgressText;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code evident progress}: where each category of tests that evident.yaml declares stands in a run
 * against its target, and in the runs before it.
 */
public final class ProgressService {

  private final ResultStore store;

  ProgressService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The categories of the project's configuration file.
   *
   * @param configOrNull a file the user named, or null for evident.yaml or .evident/config.yaml
   * @throws ConfigException when there is no file, it has errors, or it declares no categories
   */
  public static ProjectConfigs.Loaded categories(Path workDir, Path configOrNull) {
    ProjectConfigs.Loaded loaded =
        ProjectConfigs.load(workDir, configOrNull)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "no evident.yaml (or .evident/config.yaml) here: declare categories of"
                            + " tests with targets in it (see README: evident progress), or name"
                            + " the file with --config"));
    if (loaded.config().categories().isEmpty()) {
      throw new ConfigException(
          loaded.name()
              + " declares no categories: add a categories: section (see README: evident progress)");
    }
    return loaded;
  }

  /**
   * Measures a run.
   *
   * @param runs how many runs the figures over time cover, the run included
   */
  public ProgressReport measure(Run run, List<TestCategory> categories, int runs) {
    if (runs < 1) {
      throw new InputException("--runs must be at least 1; got " + runs);
    }
    return Progress.measure(
        store.runsUpTo(run.project(), run.id(), runs), categories, new ResultsFromStore(store));
  }

  /** The report as text; {@code config} names the file the categories come from. */
  public static String text(ProgressReport report, String config) {
    return ProgressText.render(report, config);
  }

  public static Map<String, Object> json(ProgressReport report, String config) {
    return ProgressJson.of(report, config);
  }
}
