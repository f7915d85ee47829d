package dev.evident.formats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Lenient parsing of the numbers and times that result formats write, shared by the readers. */
final class Values {

  private Values() {}

  /**
   * Parses a duration in seconds as JUnit XML writes it: {@code 1.5}, {@code 1,234.5}, {@code 0,5},
   * {@code 12s}. Returns null for blank, negative or non-numeric text; the caller reports those.
   */
  static Duration seconds(String text) {
    if (text == null) {
      return null;
    }
    long nanos = plainSecondsToNanos(text);
    if (nanos >= 0) {
      return Duration.ofNanos(nanos);
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.endsWith("s") && !s.endsWith("ms")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.indexOf(',') >= 0) {
      s = s.indexOf('.') >= 0 ? s.replace(",", "") : s.replace(',', '.');
    }
    double value;
    try {
      value = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
    if (!(value >= 0) || Double.isInfinite(value) || value > 1e9) {
      return null;
    }
    return Duration.ofNanos(Math.round(value * 1e9));
  }

  /**
   * The common case, digits with an optional fraction ({@code 0.012}), without floating point: a
   * million durations parse in a few milliseconds instead of a few hundred. -1 for anything else.
   */
  private static long plainSecondsToNanos(String s) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return -1;
    }
    long whole = 0;
    int i = 0;
    for (; i < n && s.charAt(i) != '.'; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      whole = whole * 10 + (ch - '0');
    }
    if (i == 0) {
      return -1;
    }
    long fraction = 0;
    int digits = 0;
    if (i < n) {
      for (i++; i < n; i++, digits++) {
        char ch = s.charAt(i);
        if (ch < '0' || ch > '9' || digits == 9) {
          return -1;
        }
        fraction = fraction * 10 + (ch - '0');
      }
      if (digits == 0) {
        return -1;
      }
    }
    for (; digits < 9; digits++) {
      fraction *= 10;
    }
    return whole > 1_000_000_000L ? -1 : whole * 1_000_000_000L + fraction;
  }

  /** Parses a duration given in milliseconds, which may be fractional. Null when not a number. */
  static Duration millis(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal ms = new BigDecimal(text.strip());
      if (ms.signum() < 0) {
        return null;
      }
      return Duration.ofNanos(ms.movePointRight(6).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Parses an ISO-8601 timestamp with or without zone ({@code 2024-01-03T12:00:31}, {@code
   * 2024-01-03T12:00:31.210+01:00}, {@code 2024-01-03 12:00:31Z}). Times without a zone are taken
   * as UTC. Null when not a timestamp.
   */
  static Instant timestamp(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip().replace(' ', 'T');
    // The likely form first: each failed parse throws, and Surefire writes a timestamp without a
    // zone on every suite (two exceptions a suite, 20,000 on a run of 10,000 suites).
    if (!hasZone(s)) {
      Instant local = local(s);
      if (local != null) {
        return local;
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // fall through: no offset
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // fall through
    }
    return hasZone(s) ? local(s) : null;
  }

  private static Instant local(String s) {
    long seconds = plainLocalSeconds(s);
    if (seconds != NOT_PLAIN) {
      return Instant.ofEpochSecond(seconds, plainNanos(s));
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The epoch seconds (UTC) of the form Surefire writes on every suite, {@code 2026-01-03T12:00:31}
   * with an optional fraction of 1 to 9 digits, read by hand: 10,000 suites through {@link
   * LocalDateTime#parse} cost more than their parse, the JIT compiling the formatter. NOT_PLAIN for
   * any other form or an invalid date or time, which the formatter then reads (or rejects) as
   * before.
   */
  private static long plainLocalSeconds(String s) {
    int n = s.length();
    if (n < 19 || n == 20 || n > 29) {
      return NOT_PLAIN;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return NOT_PLAIN;
      }
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (month < 1
        || month > 12
        || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      return NOT_PLAIN;
    }
    return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400
        + hour * 3600L
        + minute * 60L
        + second;
  }

  /** The fraction of a plain timestamp ({@link #plainLocalSeconds}) in nanoseconds. */
  private static int plainNanos(String s) {
    int nanos = 0;
    for (int i = 20; i < 29; i++) {
      nanos = nanos * 10 + (i < s.length() ? s.charAt(i) - '0' : 0);
    }
    return nanos;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }

  /** Whether a timestamp ends with a zone: Z, or an offset after the time (+01:00, -0500). */
  private static boolean hasZone(String s) {
    int t = s.indexOf('T');
    if (t < 0) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    return last == 'Z' || last == 'z' || s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
  }

  /** Parses a non-negative integer count; -1 when absent or not a number. */
  static long count(String text) {
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      long value = Long.parseLong(text.strip());
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(text.strip());
        return d < 0 || d != Math.rint(d) ? -1 : (long) d;
      } catch (NumberFormatException e2) {
        return -1;
      }
    }
  }
}
