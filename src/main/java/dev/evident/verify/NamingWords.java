package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The words of a subject in plain words that name a part, among words that only say something about
 * it: "Token refresh race fix" names {@code TokenRefreshTests} by "Token refresh", "Pricing
 * failures" {@code PricingTests}, "the search tests mostly passed" {@code SearchTest}. A reader
 * resolves them so, but it is a guess: a claim checked against them is never CONTRADICTED.
 */
final class NamingWords {

  private NamingWords() {}

  /**
   * The one or two adjacent words of {@code subject} that {@code names} accepts, when the others
   * name nothing; null when no word, every word or words apart name something.
   *
   * @param subject a subject that names nothing as written
   * @param names whether one word names a part of the run
   */
  static String kept(String subject, Predicate<String> names) {
    String[] words = subject.trim().split("\\s+");
    if (words.length < 2 || words.length > 6) {
      return null;
    }
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i].replaceAll("^[^\\w]+|[^\\w]+$", "");
      if (candidate(w) && names.test(w)) {
        at.add(i);
      }
    }
    if (at.isEmpty() || at.size() > 2 || at.size() == words.length) {
      return null;
    }
    if (at.size() == 2 && at.get(1) != at.get(0) + 1) {
      return null; // two parts apart: which one is meant is a guess too many
    }
    List<String> kept = new ArrayList<>();
    for (int i : at) {
      kept.add(words[i].replaceAll("^[^\\w]+|[^\\w]+$", ""));
    }
    return String.join(" ", kept);
  }

  /** Why a claim was checked against the part its naming words resolve to, as a guess. */
  static String reason(String subject, String kept, Scope part) {
    return "'%s' names nothing as written; read as about '%s', %s"
        .formatted(subject, kept, part.description());
  }

  /** Whether a word may name a part: a word of letters, not a generic or function word. */
  private static boolean candidate(String word) {
    List<String> normal = Names.normalize(word);
    if (normal.size() != 1 || !word.matches("[A-Za-z][A-Za-z0-9_]*")) {
      return false;
    }
    String w = normal.get(0);
    return w.length() >= 3 && !Subjects.isGeneric(w) && !HeldNames.isStop(w);
  }
}
