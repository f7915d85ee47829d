package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "7 more tests pass (41 → 47)": a difference stated beside the two numbers it is between must be
 * their difference (47 - 41 = 6, not 7), whatever the evidence says.
 */
final class StatedDifference {

  private static final Pattern DIFFERENCE =
      Pattern.compile(
          "(?i)(?<![\\w.,/+-])(\\d+)\\s+(more|fewer|less)\\s+(?:tests?\\s+)?(?:[a-z]+\\s+){0,2}?"
              + "(?:tests?|pass(?:es|ing)?|passed|fail(?:s|ing)?|failed|failures)\\b[^()\\d]*"
              + "\\(\\s*(\\d+)\\s*(?:→|->|to)\\s*(\\d+)\\s*\\)"
              // "We added 7 tests in total (25 → 32)": the tests added, then the totals
              + "|(?i)\\b(?:add(?:s|ed)?|wrote|writes|introduced"
              + "|(?:grew|grown|grows)\\s+(?:(?:the|our|its)\\s+[\\w-]+\\s+)?by)\\s+(\\d+)\\s+(?:new\\s+)?"
              + "(?:[a-z-]+\\s+)?tests?\\b[^()\\d]*\\(\\s*(\\d+)\\s*(?:→|->|to)\\s*(\\d+)\\s*\\)");

  private StatedDifference() {}

  /** What is wrong with the difference a claim states, or null. */
  static String own(Claim c) {
    Matcher m = DIFFERENCE.matcher(c.text());
    if (!m.find()) {
      return null;
    }
    boolean added = m.group(1) == null;
    long stated = Long.parseLong(added ? m.group(5) : m.group(1));
    long from = Long.parseLong(added ? m.group(6) : m.group(3));
    long to = Long.parseLong(added ? m.group(7) : m.group(4));
    String word = added ? "more" : m.group(2).toLowerCase(java.util.Locale.ROOT);
    long actual = word.equals("more") ? to - from : from - to;
    if (actual == stated || actual < 0) {
      return null;
    }
    return "%d → %d is %d %s, not %d".formatted(from, to, actual, word, stated);
  }
}
