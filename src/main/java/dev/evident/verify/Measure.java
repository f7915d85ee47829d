package dev.evident.verify;

import java.util.Locale;

/**
 * What a stated number counts or measures. Each measure knows the words that name it; {@link
 * EvidenceCheck} knows which actual counts it may be compared with.
 */
public enum Measure {
  /** Executed and passed (flaky tests, which passed on a rerun, included). */
  PASSING("passing"),
  /** Failed or errored ("failing" in most reports covers both). */
  FAILING("failing"),
  ERRORED("errored"),
  SKIPPED("skipped"),
  FLAKY("flaky"),
  /** "N tests" alone: executed tests, unless the sentence says collected, created or written. */
  TESTS("tests"),
  COLLECTED("collected"),
  EXECUTED("executed"),
  /** "All but N tests pass": the tests that did not pass. */
  NOT_PASSING("not passing"),
  FILES("test files"),
  /** The denominator of "15/15 completed": a target, not a result. Never checked. */
  TARGET("target"),
  PASS_RATE("pass rate"),
  FAIL_RATE("fail rate"),
  COLLECTION_RATE("collection success"),
  COVERAGE("coverage"),
  /** A count of something that is not a test ("5/6 issues resolved"): checked for consistency. */
  OTHER("other");

  private final String key;

  Measure(String key) {
    this.key = key;
  }

  /** The key in JSON {@code stated}/{@code actual} objects. */
  public String key() {
    return key;
  }

  public boolean isRate() {
    return this == PASS_RATE || this == FAIL_RATE || this == COLLECTION_RATE || this == COVERAGE;
  }

  /** Parts of a total: passing, failing, errored, skipped, flaky. */
  boolean isPart() {
    return this == PASSING
        || this == FAILING
        || this == ERRORED
        || this == SKIPPED
        || this == FLAKY;
  }

  /** A total that parts add up to. */
  boolean isTotal() {
    return this == TESTS || this == COLLECTED || this == EXECUTED;
  }

  /** The measure a status word names, or null. */
  /** The measure of a label before a colon: "Tests run: 12", "Test count: 118", "Passed: 4". */
  static Measure ofLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    String last = l.substring(l.lastIndexOf(' ') + 1);
    if (last.startsWith("test") || last.equals("cases") || last.equals("count")) {
      return l.startsWith("total") ? COLLECTED : TESTS;
    }
    Measure m = ofWord(last.equals("run") ? "executed" : last);
    return m == null ? TESTS : m;
  }

  static Measure ofWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return switch (w) {
      case "passing",
          "passed",
          "pass",
          "passes",
          "succeeded",
          "succeeding",
          "successful",
          "green",
          "ok" ->
          PASSING;
      case "failing", "failed", "fail", "fails", "failure", "failures", "broken", "red" -> FAILING;
      case "error", "errors", "errored", "erroring" -> ERRORED;
      case "skipped",
          "skipping",
          "skip",
          "skips",
          "ignored",
          "disabled",
          "pending",
          "xfail",
          "xfailed" ->
          SKIPPED;
      case "flaky" -> FLAKY;
      case "collected",
          "created",
          "written",
          "added",
          "discovered",
          "defined",
          "implemented",
          "completed",
          "exist",
          "total" ->
          COLLECTED;
      case "executed", "ran", "run" -> EXECUTED;
      default -> null;
    };
  }
}
