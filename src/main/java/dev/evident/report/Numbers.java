package dev.evident.report;

import java.time.Duration;
import java.util.Locale;

/** How numbers and durations are written in text output: grouped digits, short durations. */
final class Numbers {

  private Numbers() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "3 tests", "1 test". */
  static String count(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }

  /** A percentage with one decimal, never rounded to 100.0 or 0.0 unless exact. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "n/a";
    }
    double p = 100.0 * part / whole;
    if (part != whole && p > 99.95) {
      return "99.9%";
    }
    if (part != 0 && p < 0.05) {
      return "0.1%";
    }
    return String.format(Locale.ROOT, "%.1f%%", p);
  }

  static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
    long s = d.toSeconds();
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
