package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass rate stated beside the fraction it comes from, a few words apart: "58 passing tests out of
 * 60, a 98.3% pass rate" must be 58/60. The rate is not read over another denominator (58/59
 * executed) unless the sentence says so ("of the executed ones").
 */
final class StatedFraction {

  private static final Pattern PASSING_OUT_OF =
      Pattern.compile(
          "(?<![\\w.,/])(\\d+)\\s+(?:passing|passed|green)(?:\\s+tests?)?\\s+(?:out\\s+of|of)\\s+"
              + "(\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OTHER_BASE =
      Pattern.compile("\\b(?:executed|ran|run|collected)\\b", Pattern.CASE_INSENSITIVE);

  private StatedFraction() {}

  /**
   * Why the claim's pass rate is not the fraction stated with it, or the sentence's other
   * arithmetic is wrong (see {@link OwnArithmetic}), or null.
   */
  static String own(Claim c) {
    String arithmetic = OwnArithmetic.own(c);
    if (arithmetic != null) {
      return arithmetic;
    }
    Quantity rate = c.quantity(Measure.PASS_RATE);
    if (rate == null || rate.bound() != Bound.EXACT || OTHER_BASE.matcher(c.text()).find()) {
      return null;
    }
    Matcher m = PASSING_OUT_OF.matcher(c.text());
    if (!m.find()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    double d = Double.parseDouble(m.group(2));
    if (d == 0 || n > d) {
      return null;
    }
    double actual = 100 * n / d;
    double tolerance = rate.decimals() > 0 ? 0.1 : 1.0; // rounded or truncated
    if (Math.abs(actual - rate.value()) <= tolerance) {
      return null;
    }
    return "%s/%s is %.1f%%, not %s (the fraction stated with it)"
        .formatted(m.group(1), m.group(2), actual, rate.display());
  }
}
