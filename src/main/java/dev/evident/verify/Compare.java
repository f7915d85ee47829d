package dev.evident.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Whether an actual value agrees with a stated one, given how it was stated. */
final class Compare {

  private Compare() {}

  /**
   * Whether {@code actual} agrees with {@code stated}. Counts must be equal; a rate may differ by
   * the rounding of its decimals (5.6% for 5.56%, rounded or cut), but 100% and 0% must be exact;
   * "~" allows 5% of a count (at least 1) or 2.5 points of a rate; "nearly" allows as much below.
   */
  static boolean agrees(Quantity stated, double actual) {
    double v = stated.value();
    boolean rate = stated.measure().isRate();
    double slack = rate ? 2.5 : Math.max(1, 0.05 * v);
    return switch (stated.bound()) {
      case EXACT -> rate ? sameRate(v, actual, stated.decimals()) : actual == v;
      case APPROX -> Math.abs(actual - v) <= slack;
      case NEARLY -> actual <= v && actual >= v - 2 * slack;
      case AT_LEAST -> actual >= v;
      case MORE_THAN -> actual > v;
      case AT_MOST -> actual <= v;
      case LESS_THAN -> actual < v;
    };
  }

  static boolean sameRate(double stated, double actual, int decimals) {
    if (stated == 100 || stated == 0) {
      return actual == stated;
    }
    BigDecimal a = BigDecimal.valueOf(actual);
    BigDecimal s = BigDecimal.valueOf(stated).setScale(decimals, RoundingMode.HALF_UP);
    return a.setScale(decimals, RoundingMode.HALF_UP).compareTo(s) == 0
        || a.setScale(decimals, RoundingMode.DOWN).compareTo(s) == 0;
  }

  /** A percentage of two counts; the caller makes sure {@code of} is not 0. */
  static double percent(double part, double of) {
    return 100.0 * part / of;
  }

  /** A number as reports write it: "5.6", "18", "1,204". */
  static String format(double value) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    if (value == Math.rint(value)) {
      return String.format(java.util.Locale.ROOT, "%,d", (long) value);
    }
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * Whether an actual factor is the stated one, within 5% or 0.1; a reduction ("3.7x fewer", stated
   * as 1/3.7) is compared as its inverse, so that its tolerance is as tight, and so is a fall
   * written as a factor above 1 ("failures dropped from 3 to 1, a 3x improvement").
   */
  static boolean sameFactor(double actual, double stated) {
    if (stated > 0 && stated < 1) {
      return actual > 0 && within(1 / actual, 1 / stated); // "3.7x fewer", stated as 1/3.7
    }
    if (stated > 1 && actual > 0 && actual < 1) {
      return within(1 / actual, stated); // "failures dropped from 3 to 1, a 3x improvement"
    }
    return within(actual, stated);
  }

  private static boolean within(double actual, double stated) {
    return Math.abs(actual - stated) <= Math.max(0.1, 0.05 * stated);
  }
}
