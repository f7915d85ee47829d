package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * What a project's {@code evident.yaml} declares. One component per top-level section; sections a
 * file leaves out are empty (or their defaults).
 *
 * @param requires what a run needs before it starts (preflight)
 * @param flaky how flakiness is scored ({@code evident flaky})
 * @param categories categories of tests with targets, in the order of the file
 * @param gates the quality gates {@code evident gate} and {@code --gate} apply
 * @param suites the suites {@code evident serve} may run as tasks
 */
public record ProjectConfig(
    Requirements requires,
    FlakySettings flaky,
    List<TestCategory> categories,
    GateRules gates,
    List<TaskSuite> suites) {

  /** The configuration of a project without a file. */
  public static final ProjectConfig EMPTY =
      new ProjectConfig(Requirements.NONE, FlakySettings.DEFAULT, List.of(), GateRules.NONE);

  public ProjectConfig {
    Objects.requireNonNull(requires, "requires");
    Objects.requireNonNull(flaky, "flaky");
    categories = List.copyOf(categories);
    Objects.requireNonNull(gates, "gates");
    suites = List.copyOf(suites);
  }

  /** A configuration without task suites. */
  public ProjectConfig(
      Requirements requires, FlakySettings flaky, List<TestCategory> categories, GateRules gates) {
    this(requires, flaky, categories, gates, List.of());
  }

  /** A configuration without gates. */
  public ProjectConfig(Requirements requires, FlakySettings flaky, List<TestCategory> categories) {
    this(requires, flaky, categories, GateRules.NONE);
  }

  /** A configuration with only requirements; the other sections at their defaults. */
  public ProjectConfig(Requirements requires) {
    this(requires, FlakySettings.DEFAULT, List.of(), GateRules.NONE);
  }
}
