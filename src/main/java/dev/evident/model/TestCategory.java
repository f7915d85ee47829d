package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * A category of tests with targets, as the {@code categories} section of {@code evident.yaml}
 * declares it: which tests belong (by suite, path, tag or property) and what they should reach.
 *
 * @param name the category's name, unique in its file
 * @param match which tests belong to it
 * @param target what the category should reach; {@link Target#NONE} when only tracked
 */
public record TestCategory(String name, Match match, Target target) {

  public TestCategory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(target, "target");
  }

  /**
   * Which tests belong to a category: a test belongs when every kind of pattern given matches it,
   * and a kind with several patterns matches when any of them does. Kinds left empty are not
   * checked; at least one is given.
   *
   * @param suites globs on the suite (class, describe block, file or package): {@code *} matches
   *     any characters, {@code ?} one
   * @param paths path globs on the test's source file, or on a suite that is a path or a dotted
   *     module name: {@code *} within a directory, {@code **} across directories
   * @param tags tags or markers, compared without case; {@code *} and {@code ?} as in suites
   * @param properties {@code NAME=VALUE} (VALUE a glob as in suites) or {@code NAME} alone (the
   *     test has the property)
   */
  public record Match(
      List<String> suites, List<String> paths, List<String> tags, List<String> properties) {

    public Match {
      suites = List.copyOf(suites);
      paths = List.copyOf(paths);
      tags = List.copyOf(tags);
      properties = List.copyOf(properties);
      if (suites.isEmpty() && paths.isEmpty() && tags.isEmpty() && properties.isEmpty()) {
        throw new IllegalArgumentException("a match needs at least one pattern");
      }
    }

    /** Whether matching needs what the results say of themselves (files, tags, properties). */
    public boolean needsFacts() {
      return !paths.isEmpty() || !tags.isEmpty() || !properties.isEmpty();
    }
  }

  /**
   * What a category should reach; each part is null when not set, and a category meets its target
   * when every part that is set is met.
   *
   * @param tests at least this many tests exist in the category (collected in the run)
   * @param passed at least this many of them passed (flaky tests, which passed on a retry,
   *     included)
   * @param passRate at least this share (0 to 1) of the tests that exist passed; a skipped test
   *     counts against it
   */
  public record Target(Integer tests, Integer passed, Double passRate) {

    /** No target: the category is only tracked. */
    public static final Target NONE = new Target(null, null, null);

    public Target {
      if (tests != null && tests < 0 || passed != null && passed < 0) {
        throw new IllegalArgumentException("negative target");
      }
      if (passRate != null && !(passRate >= 0 && passRate <= 1)) {
        throw new IllegalArgumentException("pass rate outside 0..1: " + passRate);
      }
    }

    public boolean isEmpty() {
      return tests == null && passed == null && passRate == null;
    }
  }
}
