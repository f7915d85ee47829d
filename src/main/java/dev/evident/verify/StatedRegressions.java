package dev.evident.verify;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "No regressions" the evidence contradicts while another line of the same report counts the
 * regressions the evidence has ("1 regression: `exports STL` passed in RC1, fails in RC2"): the
 * report disagrees with itself, and the claim is INCONSISTENT with that line. Like {@link
 * OtherLineHolds}, it only turns CONTRADICTED into INCONSISTENT, and only when the other line's
 * count is the evidence's.
 */
final class StatedRegressions {

  private static final Pattern COUNT =
      Pattern.compile(
          "(?i)(?<![\\w.])(\\d{1,4}|one|two|three|four|five)\\s+(?:new\\s+)?regression(?:s|\\b)");

  private StatedRegressions() {}

  /** Why a contradicted claim of no regressions is INCONSISTENT with another line, or null. */
  static String why(Claim c, Map<String, Object> actual, List<Claim> claims) {
    if (c.expectation() != Expectation.NO_REGRESSIONS
        || !(actual.get("regressions") instanceof Number n)
        || n.intValue() < 1) {
      return null;
    }
    for (Claim other : claims) {
      if (other.line() == c.line()) {
        continue;
      }
      Matcher m = COUNT.matcher(other.text());
      if (m.find() && CountPhrases.value(m.group(1)) == n.intValue()) {
        return "line %d states %s, which the evidence bears out; this says no regressions"
            .formatted(other.line(), m.group().strip());
      }
    }
    return null;
  }
}
