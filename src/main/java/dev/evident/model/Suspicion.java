package dev.evident.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that looks tested but may not be: a flag with its reason and the numbers behind it.
 *
 * @param kind what was found
 * @param suite the suite concerned, or empty for the whole run
 * @param test the test concerned, or null for a suite or the whole run
 * @param reason why it is flagged, with its numbers and the runs they come from, in words
 * @param figures the same numbers by name, in a fixed order (for JSON): counts, run ids,
 *     microseconds
 */
public record Suspicion(
    Kind kind, String suite, TestId test, String reason, Map<String, Long> figures) {

  /** The kinds of flags, in the order reports list them: the run, suites, tests. */
  public enum Kind {
    /** The run skipped a much larger share of its tests than the runs before it. */
    SKIP_RATIO_JUMP("skip_ratio_jump"),
    /** A suite of which no test executed in the run. */
    SUITE_NOT_EXECUTED("suite_not_executed"),
    /** A test of an integration or end-to-end suite passed in about no time. */
    INSTANT_INTEGRATION_TEST("instant_integration_test"),
    /** A test skipped in every run of the history it appeared in. */
    ALWAYS_SKIPPED("always_skipped");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The kind as JSON and text name it. */
    public String id() {
      return id;
    }
  }

  public Suspicion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(reason, "reason");
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** What is flagged, as text shows it: the test, the suite, or "this run". */
  public String subject() {
    return test != null ? test.toString() : suite.isEmpty() ? "this run" : suite;
  }
}
