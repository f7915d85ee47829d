package dev.evident.analyze;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two failures are: 0 when their types differ, else the Jaccard index of their token sets
 * (shared tokens over all tokens). Tokens are the lower-cased words of the normalised message and
 * cause, and each normalised frame as one token, read from {@link Fingerprint#text}. The grouper,
 * the history index and inherited labels all use this one measure and {@link #THRESHOLD}. Thread
 * safe (stateless).
 */
public final class Similarity {

  /**
   * Failures at least this similar are near duplicates: one cause. At 0.8, two texts of ten tokens
   * may differ in one (an unnormalised host or file name) but not in two; an assertion that fails
   * the same way in two tests differs in the test's frame and its values, and stays apart. See
   * SimilarityTests for the cases on both sides.
   */
  public static final double THRESHOLD = 0.8;

  private Similarity() {}

  /** The similarity of two {@link Fingerprint#text}s, in [0, 1]. */
  public static double of(String text, String other) {
    if (!type(text).equals(type(other))) {
      return 0;
    }
    Set<String> a = new HashSet<>(tokens(text));
    List<String> b = tokens(other);
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int shared = 0;
    for (String token : b) {
      if (a.contains(token)) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** Whether two texts are near duplicates: {@link #of} at least {@link #THRESHOLD}. */
  public static boolean similar(String text, String other) {
    return of(text, other) >= THRESHOLD - 1e-9;
  }

  /** The distinct tokens of a {@link Fingerprint#text}, in order; the type is not one of them. */
  public static List<String> tokens(String text) {
    Set<String> seen = new HashSet<>();
    List<String> tokens = new ArrayList<>();
    int line = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (line == 1 || line == 2) {
        words(text, start, end, seen, tokens);
      } else if (line > 2 && end > start) {
        add("@" + text.substring(start, end).toLowerCase(Locale.ROOT), seen, tokens);
      }
      line++;
      start = end + 1;
    }
    return tokens;
  }

  /** The failure type of a {@link Fingerprint#text}: its first line. Other types are 0 alike. */
  public static String type(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static void words(String text, int from, int to, Set<String> seen, List<String> out) {
    int i = from;
    while (i < to) {
      while (i < to && !wordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && wordChar(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (start < end && (text.charAt(start) == '.' || text.charAt(start) == '-')) {
        start++;
      }
      while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      if (end > start) {
        add(text.substring(start, end).toLowerCase(Locale.ROOT), seen, out);
      }
    }
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '-';
  }

  private static void add(String token, Set<String> seen, List<String> out) {
    if (seen.add(token)) {
      out.add(token);
    }
  }
}
