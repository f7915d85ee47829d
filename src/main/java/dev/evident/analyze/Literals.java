package dev.evident.analyze;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Derives a literal that every match of a pattern contains, for rules that name none: the longest
 * run of plain characters outside groups and classes, not made optional by a quantifier. Gives up
 * (empty) on anything it does not fully understand: alternation at the top level, case-insensitive
 * or comment mode, unusual escapes. Then the rule is tried on every line, which is correct, only
 * slower.
 */
final class Literals {

  private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-z]*[ixu][a-z-]*[:)]");
  private static final int MIN_LENGTH = 3;

  private Literals() {}

  static Optional<String> derive(Pattern pattern) {
    if ((pattern.flags() & (Pattern.CASE_INSENSITIVE | Pattern.COMMENTS)) != 0) {
      return Optional.empty();
    }
    String regex = pattern.pattern();
    if ((pattern.flags() & Pattern.LITERAL) != 0) {
      return regex.length() >= MIN_LENGTH ? Optional.of(regex) : Optional.empty();
    }
    if (INLINE_FLAGS.matcher(regex).find()) {
      return Optional.empty();
    }
    StringBuilder run = new StringBuilder();
    String best = "";
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (inClass) {
        if (c == '\\') {
          i++;
        } else if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= regex.length()) {
          return Optional.empty();
        }
        char next = regex.charAt(++i);
        if (Character.isLetterOrDigit(next)) {
          if ("xuc0pPNQEk".indexOf(next) >= 0) {
            return Optional.empty();
          }
          best = longer(best, run);
          continue;
        }
        if (depth == 0 && !optionalNext(regex, i + 1)) {
          run.append(next);
        } else {
          best = longer(best, run);
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          best = longer(best, run);
          inClass = true;
        }
        case '(' -> {
          best = longer(best, run);
          depth++;
        }
        case ')' -> {
          best = longer(best, run);
          depth--;
        }
        case '|' -> {
          if (depth == 0) {
            return Optional.empty();
          }
          best = longer(best, run);
        }
        case '.', '^', '$', '*', '+', '?', '{', '}' -> best = longer(best, run);
        default -> {
          if (depth == 0 && !optionalNext(regex, i + 1)) {
            run.append(c);
          } else {
            best = longer(best, run);
          }
        }
      }
    }
    best = longer(best, run);
    return best.length() >= MIN_LENGTH ? Optional.of(best) : Optional.empty();
  }

  /** Whether a quantifier that may match zero times (or an unknown count) follows. */
  private static boolean optionalNext(String regex, int i) {
    if (i >= regex.length()) {
      return false;
    }
    char q = regex.charAt(i);
    return q == '?' || q == '*' || q == '{';
  }

  private static String longer(String best, StringBuilder run) {
    String candidate = run.toString();
    run.setLength(0);
    return candidate.length() > best.length() ? candidate : best;
  }
}
