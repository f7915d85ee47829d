package dev.evident.service;

import dev.evident.model.FlakySettings;
import dev.evident.model.GateRules;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import dev.evident.model.TestCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds and reads the project configuration file: {@code evident.yaml} in the work directory, else
 * {@code .evident/config.yaml}; a file named explicitly ({@code --config}) wins over both.
 *
 * <p>To add a section: add a component to {@link ProjectConfig}, its key to {@link #SECTIONS}, and
 * read it in {@link #parse}. Keys no section claims are errors, so a typo never passes unnoticed.
 */
public final class ProjectConfigs {

  /** Where the file is looked for in the work directory, in this order. */
  public static final List<String> DEFAULT_FILES = List.of("evident.yaml", ".evident/config.yaml");

  private static final List<String> SECTIONS =
      List.of(
          RequiresSection.NAME,
          FlakySection.NAME,
          CategoriesSection.NAME,
          GatesSection.NAME,
          SuitesSection.NAME,
          "prices");

  /**
   * A configuration and the file it came from.
   *
   * @param config what the file declares
   * @param file the file's path (relative when it was found in a relative work directory)
   * @param name the file as messages name it: relative to the work directory when inside it
   */
  public record Loaded(ProjectConfig config, Path file, String name) {
    public Loaded {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(name, "name");
    }
  }

  private ProjectConfigs() {}

  /**
   * Loads the configuration of the project in {@code workDir}.
   *
   * @param explicitFileOrNull a file the user named, or null to look for the default files
   * @return empty when no file was named and none of the default files exists
   * @throws ConfigException when the file cannot be read or has errors
   */
  public static Optional<Loaded> load(Path workDir, Path explicitFileOrNull) {
    if (explicitFileOrNull != null) {
      if (!Files.isRegularFile(explicitFileOrNull)) {
        throw new ConfigException("cannot read config " + explicitFileOrNull + ": no such file");
      }
      return Optional.of(read(explicitFileOrNull, name(workDir, explicitFileOrNull)));
    }
    for (String candidate : DEFAULT_FILES) {
      Path file = workDir.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return Optional.of(read(file, candidate));
      }
    }
    return Optional.empty();
  }

  private static Loaded read(Path file, String name) {
    return new Loaded(parse(TextFiles.readSmall(file, "config " + name), name), file, name);
  }

  /** Parses a configuration file's text; {@code name} is how error messages name the file. */
  static ProjectConfig parse(String text, String name) {
    ConfigNode root = ConfigNode.root(YamlTree.parse(text, name));
    Map<String, ConfigNode> sections = root.mapping(SECTIONS, "requires:");
    Requirements requires =
        sections.containsKey(RequiresSection.NAME)
            ? RequiresSection.parse(sections.get(RequiresSection.NAME))
            : Requirements.NONE;
    FlakySettings flaky =
        sections.containsKey(FlakySection.NAME)
            ? FlakySection.parse(sections.get(FlakySection.NAME))
            : FlakySettings.DEFAULT;
    List<TestCategory> categories =
        sections.containsKey(CategoriesSection.NAME)
            ? CategoriesSection.parse(sections.get(CategoriesSection.NAME))
            : List.of();
    GateRules gates =
        sections.containsKey(GatesSection.NAME)
            ? GatesSection.parse(sections.get(GatesSection.NAME))
            : GateRules.NONE;
    List<dev.evident.model.TaskSuite> suites =
        sections.containsKey(SuitesSection.NAME)
            ? SuitesSection.parse(sections.get(SuitesSection.NAME))
            : List.of();
    return new ProjectConfig(requires, flaky, categories, gates, suites);
  }

  private static String name(Path workDir, Path file) {
    Path absoluteDir = workDir.toAbsolutePath().normalize();
    Path absoluteFile = file.toAbsolutePath().normalize();
    return absoluteFile.startsWith(absoluteDir)
        ? absoluteDir.relativize(absoluteFile).toString()
        : file.toString();
  }
}
