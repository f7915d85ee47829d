package dev.evident.model;

import java.util.Objects;

/**
 * What a project's {@code evident.yaml} declares. One component per top-level section; sections a
 * file leaves out are empty (or their defaults).
 *
 * @param requires what a run needs before it starts (preflight)
 * @param flaky how flakiness is scored ({@code evident flaky})
 */
public record ProjectConfig(Requirements requires, FlakySettings flaky) {

  /** The configuration of a project without a file. */
  public static final ProjectConfig EMPTY =
      new ProjectConfig(Requirements.NONE, FlakySettings.DEFAULT);

  public ProjectConfig {
    Objects.requireNonNull(requires, "requires");
    Objects.requireNonNull(flaky, "flaky");
  }

  /** A configuration with only requirements; the other sections at their defaults. */
  public ProjectConfig(Requirements requires) {
    this(requires, FlakySettings.DEFAULT);
  }
}
