package dev.evident.formats;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of test results per status as the format names it (Passed, Fail, NotExecuted, ...), so a
 * file's declared counts can be checked against its content in the format's own terms.
 */
final class Tally {

  private final Map<String, Long> counts = new HashMap<>();

  void add(String status) {
    counts.merge(status.toLowerCase(Locale.ROOT), 1L, Long::sum);
  }

  void addAll(Tally other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
  }

  /** How many results had any of these statuses (case-insensitive). */
  long get(String... statuses) {
    long n = 0;
    for (String s : statuses) {
      n += counts.getOrDefault(s.toLowerCase(Locale.ROOT), 0L);
    }
    return n;
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  void clear() {
    counts.clear();
  }
}
