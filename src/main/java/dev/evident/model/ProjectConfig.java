package dev.evident.model;

import java.util.Objects;

/**
 * What a project's {@code evident.yaml} declares. One component per top-level section; sections a
 * file leaves out are empty.
 *
 * @param requires what a run needs before it starts (preflight)
 */
public record ProjectConfig(Requirements requires) {

  /** The configuration of a project without a file. */
  public static final ProjectConfig EMPTY = new ProjectConfig(Requirements.NONE);

  public ProjectConfig {
    Objects.requireNonNull(requires, "requires");
  }
}
