package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report that never says "test" and counts "checks" (a smoke run, a drill, an eval card: "40
 * checks in 5 TAP files, 33 passed", "~97% of the executed checks passed") calls its tests checks:
 * it is read with "tests" for "checks", so that its counts, rates and changes are claims like any
 * other. A report that also speaks of tests keeps its checks apart (lint checks, CI checks).
 */
final class CheckNouns {

  private static final Pattern TEST = Pattern.compile("(?i)\\btests?\\b");

  /** "40 checks", "executed checks", "checks passed": checks counted or given a status. */
  private static final Pattern COUNTED =
      Pattern.compile(
          "(?i)\\b(?:\\d+|all|executed|passing|failing|skipped)\\s+(?:[\\w-]+\\s+)?checks\\b"
              + "|\\bchecks\\s+(?:passed|failed|skipped|executed|ran|collected)\\b");

  /** A check, but not "checks ok", which is read as it is. */
  private static final Pattern CHECK = Pattern.compile("\\b([Cc])heck(s?)\\b(?!\\s+ok\\b)");

  private CheckNouns() {}

  /** A test that was a check before {@link #asTests}: the report itself never says "test". */
  private static final Pattern READ_AS_TEST = Pattern.compile("\\b([Tt])est(s?)\\b");

  /** Whether {@link #asTests} reads this report's checks as tests. */
  static boolean readsChecks(String markdown) {
    return !TEST.matcher(markdown).find() && COUNTED.matcher(markdown).find();
  }

  /**
   * A claim read from a report whose checks were read as tests, quoted in the report's own words
   * again (the report never says "test", so every "test" in it was a "check").
   */
  static Claim asWritten(Claim c) {
    Matcher m = READ_AS_TEST.matcher(c.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, (m.group(1).equals("T") ? "Check" : "check") + m.group(2));
    }
    m.appendTail(out);
    return c.withText(out.toString());
  }

  /** The report with its checks read as tests, or as it is when its checks are not its tests. */
  static String asTests(String markdown) {
    if (!readsChecks(markdown)) {
      return markdown;
    }
    Matcher m = CHECK.matcher(markdown);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String t = m.group(1).equals("C") ? "Test" : "test";
      m.appendReplacement(out, t + m.group(2));
    }
    m.appendTail(out);
    return out.toString();
  }
}
