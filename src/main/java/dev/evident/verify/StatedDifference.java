package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "7 more tests pass (41 → 47)": a difference stated beside the two numbers it is between must be
 * their difference (47 - 41 = 6, not 7), whatever the evidence says; so must one after them ("16
 * tests this sprint vs 14 last sprint — 3 more").
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

  /** "16 tests this sprint vs 14 last sprint — 3 more": now, before, then their difference. */
  private static final Pattern VERSUS =
      Pattern.compile(
          "(?i)(?<![\\w.,/+-])(\\d+)\\s+(?:[a-z-]+\\s+){0,2}?tests?\\b[^\\d()]{0,40}?"
              + "\\b(?:vs\\.?|versus|compared\\s+(?:to|with)|against)\\s+(\\d+)\\b[^\\d()]{0,40}?"
              + "[—–,;(-]\\s*(?:that's\\s+|so\\s+|i\\.e\\.\\s+)?(\\d+)\\s+(more|fewer|less)\\b");

  private StatedDifference() {}

  /** What is wrong with the difference a claim states, or null. */
  static String own(Claim c) {
    Matcher v = VERSUS.matcher(c.text());
    if (v.find()) {
      return wrong(
          Long.parseLong(v.group(2)),
          Long.parseLong(v.group(1)),
          Long.parseLong(v.group(3)),
          v.group(4).toLowerCase(java.util.Locale.ROOT));
    }
    Matcher m = DIFFERENCE.matcher(c.text());
    if (!m.find()) {
      return null;
    }
    boolean added = m.group(1) == null;
    long stated = Long.parseLong(added ? m.group(5) : m.group(1));
    long from = Long.parseLong(added ? m.group(6) : m.group(3));
    long to = Long.parseLong(added ? m.group(7) : m.group(4));
    String word = added ? "more" : m.group(2).toLowerCase(java.util.Locale.ROOT);
    return wrong(from, to, stated, word);
  }

  private static String wrong(long from, long to, long stated, String word) {
    long actual = word.equals("more") ? to - from : from - to;
    if (actual == stated || actual < 0) {
      return null;
    }
    return "%d → %d is %d %s, not %d".formatted(from, to, actual, word, stated);
  }
}
