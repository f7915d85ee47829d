package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words around a count that say whether, and how, it counts tests (see {@link CountParser}).
 */
final class CountWords {

  /** Words between a number and "tests" after which the number is not a count of tests. */
  private static final Set<String> BREAKERS =
      Set.of(
          "with", "in", "for", "on", "from", "to", "by", "about", "at", "per", "than", "and", "or",
          "but", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "been",
          "be", "not", "no", "issues", "bugs", "hours", "minutes", "seconds", "days", "weeks", "ms",
          "lines", "commits", "prs", "files", "modules", "points", "times", "runs", "of");

  private CountWords() {}

  static boolean saysCollected(String s) {
    return Pattern.compile(
            "\\b(collected|created|written|exist|exists|defined|discovered|in the suite|total)\\b",
            Pattern.CASE_INSENSITIVE)
        .matcher(s)
        .find();
  }

  static boolean qualifiersAllowed(String qualifiers) {
    for (String w : words(qualifiers)) {
      if (BREAKERS.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
