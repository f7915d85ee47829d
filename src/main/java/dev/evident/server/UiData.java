package dev.evident.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON maps the service layer answers (the API's bodies) for the web UI, and words their
 * numbers as the CLI does: a count always with its denominator.
 */
final class UiData {

  private UiData() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object json, String key) {
    Object v = json instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object json, String key) {
    Object v = json instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof List<?> ? (List<Object>) v : List.of();
  }

  static String str(Object json, String key) {
    Object v = json instanceof Map<?, ?> m ? m.get(key) : null;
    return v == null ? "" : v.toString();
  }

  static long num(Object json, String key) {
    Object v = json instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Number n ? n.longValue() : 0;
  }

  static Double dbl(Object json, String key) {
    Object v = json instanceof Map<?, ?> m ? m.get(key) : null;
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /**
   * {@code "14 of 20 executed (70.0%)"}; {@code "0 of 0 executed"} with no rate when nothing
   * counts.
   */
  static String of(long part, long whole, String what) {
    if (whole == 0) {
      return String.format(Locale.ROOT, "%,d of 0 %s", part, what);
    }
    return String.format(
        Locale.ROOT, "%,d of %,d %s (%.1f%%)", part, whole, what, 100.0 * part / whole);
  }

  /**
   * A run's pass rate as the CLI words it: passed (flaky ones included) of executed, or why there
   * is none.
   */
  static String passRate(Map<String, Object> counts) {
    long executed = num(counts, "executed");
    if (executed == 0) {
      return "no test executed";
    }
    return of(num(counts, "passed") + num(counts, "flaky"), executed, "executed");
  }

  /** The CSS class of a status, for its colour. */
  static String statusClass(String status) {
    return "status " + status.toLowerCase(Locale.ROOT);
  }

  /** A stored time as {@code 2026-11-21 16:39:44 UTC}. */
  static String time(String instant) {
    if (instant == null || instant.length() < 19) {
      return instant == null ? "" : instant;
    }
    return instant.substring(0, 10) + " " + instant.substring(11, 19) + " UTC";
  }

  /** Microseconds as {@code 1.83 s} or {@code 120 ms}. */
  static String micros(long micros) {
    if (micros < 1_000_000) {
      return String.format(Locale.ROOT, "%,d ms", micros / 1000);
    }
    return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
  }
}
