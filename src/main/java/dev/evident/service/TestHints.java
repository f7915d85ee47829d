package dev.evident.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Close names for a test name nobody has: "; did you mean 'CartTest > totals'?". */
final class TestHints {

  private static final int MAX = 3;

  private TestHints() {}

  /** The hint for {@code wanted} among {@code known}, or empty when nothing is close. */
  static String hint(String wanted, List<String> known) {
    List<String> close = closest(wanted, known);
    if (close.isEmpty()) {
      return "";
    }
    return "; did you mean "
        + String.join(" or ", close.stream().map(t -> "'" + t + "'").toList())
        + "?";
  }

  /**
   * Up to three tests: those with the same name in another suite, then those whose name contains
   * what was typed (a name without its suite), then those a few typos away.
   */
  static List<String> closest(String wanted, List<String> known) {
    String lower = wanted.toLowerCase(Locale.ROOT);
    String name = lastPart(lower);
    Set<String> found = new LinkedHashSet<>();
    for (String k : known) {
      if (lastPart(k.toLowerCase(Locale.ROOT)).equals(name)) {
        add(found, k);
      }
    }
    for (String k : known) {
      if (k.toLowerCase(Locale.ROOT).contains(lower)) {
        add(found, k);
      }
    }
    if (found.size() < MAX) {
      int limit = Math.max(2, lower.length() / 4);
      List<String> typos = new ArrayList<>();
      for (String k : known) {
        if (Math.abs(k.length() - lower.length()) <= limit
            && ConfigNode.distance(lower, k.toLowerCase(Locale.ROOT)) <= limit) {
          typos.add(k);
        }
      }
      typos.sort(
          Comparator.comparingInt(
                  (String k) -> ConfigNode.distance(lower, k.toLowerCase(Locale.ROOT)))
              .thenComparing(k -> k));
      typos.forEach(k -> add(found, k));
    }
    return found.stream().limit(MAX).toList();
  }

  private static void add(Set<String> found, String test) {
    if (found.size() < MAX) {
      found.add(test);
    }
  }

  private static String lastPart(String test) {
    int i = test.lastIndexOf(" > ");
    return i < 0 ? test : test.substring(i + 3);
  }
}
