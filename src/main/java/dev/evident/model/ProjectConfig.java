package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * What a project's {@code evident.yaml} declares. One component per top-level section; sections a
 * file leaves out are empty.
 *
 * @param requires what a run needs before it starts (preflight)
 * @param categories categories of tests with targets, in the order of the file
 */
public record ProjectConfig(Requirements requires, List<TestCategory> categories) {

  /** The configuration of a project without a file. */
  public static final ProjectConfig EMPTY = new ProjectConfig(Requirements.NONE, List.of());

  public ProjectConfig {
    Objects.requireNonNull(requires, "requires");
    categories = List.copyOf(categories);
  }

  public ProjectConfig(Requirements requires) {
    this(requires, List.of());
  }
}
