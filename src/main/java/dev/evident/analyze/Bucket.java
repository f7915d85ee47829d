package dev.evident.analyze;

/**
 * What changed for a test from one run (the base) to another (the head). A test can be in more than
 * one bucket: a new test that fails is a new test and a new failure, a failure that became flaky is
 * fixed and flaky.
 */
public enum Bucket {
  /** Failed or errored in the head; passed, flaky, skipped or absent in the base. */
  NEW_FAILURE("new failures", "newFailures", "new failure"),
  /** Failed or errored in the base; passed or flaky in the head. */
  FIXED("fixed", "fixed"),
  /** Failed or errored in both. */
  STILL_FAILING("still failing", "stillFailing"),
  /** In the head, not in the base. */
  NEW_TEST("new tests", "newTests", "new test"),
  /** In the base, not in the head. */
  REMOVED("removed", "removed"),
  /** Skipped in the head, in the base with another outcome. */
  NEWLY_SKIPPED("newly skipped", "newlySkipped"),
  /** Skipped in the base, in the head with another outcome. */
  NO_LONGER_SKIPPED("no longer skipped", "noLongerSkipped"),
  /** Flaky in the head: failed, then passed on a rerun in the same run. */
  FLAKY("flaky", "flaky"),
  /** Passed in both, and slower in the head by the {@link DurationRule}. */
  SLOWER("slower", "slower"),
  /** Passed in both, and faster in the head by the {@link DurationRule}. */
  FASTER("faster", "faster");

  private final String title;
  private final String key;
  private final String singular;

  Bucket(String title, String key) {
    this(title, key, title);
  }

  Bucket(String title, String key, String singular) {
    this.title = title;
    this.key = key;
    this.singular = singular;
  }

  /** The title after a count: "1 new failure", "2 new failures". */
  public String title(long count) {
    return count == 1 ? singular : title;
  }

  /** How text output names the bucket: "new failures". */
  public String title() {
    return title;
  }

  /** Its key in JSON output: "newFailures". */
  public String key() {
    return key;
  }
}
