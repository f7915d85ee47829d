package dev.evident.analyze;

import java.util.Locale;

/** Numbers in the words of flags: grouped digits, percentages with their counts, run ranges. */
final class Words {

  private Words() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "3 tests", "1 test". */
  static String count(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }

  /** "40 of 200 (20.0%)"; never a percentage of nothing. */
  static String share(long part, long whole) {
    if (whole == 0) {
      return count(part) + " of 0";
    }
    double p = 100.0 * part / whole;
    String percent =
        part != whole && p > 99.95
            ? "99.9"
            : part != 0 && p < 0.05 ? "0.1" : String.format(Locale.ROOT, "%.1f", p);
    return count(part) + " of " + count(whole) + " (" + percent + "%)";
  }

  /** "runs 803-812", or "run 812" for one. */
  static String runs(long first, long last) {
    return first == last ? "run " + first : "runs " + first + "-" + last;
  }
}
