package dev.evident.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that a line after a rule's match must match, with {@code {name}} standing
 * for what the match's named group captured: the evidence of a rerun is two lines, "FooTest > bar()
 * FAILED" and later "FooTest > bar() PASSED", and only the same name makes them one test that both
 * failed and passed. The captured text is quoted, so a name with brackets or dots matches itself.
 * Immutable and thread safe.
 */
public final class LaterLine {

  private final String source;
  private final List<String> fragments; // regular expression text around the slots: slots + 1
  private final List<String> slots;
  private final String literal; // plain text every match contains, to reject a text quickly

  private LaterLine(String source, List<String> fragments, List<String> slots) {
    this.source = source;
    this.fragments = List.copyOf(fragments);
    this.slots = List.copyOf(slots);
    Pattern shape = Pattern.compile(String.join("(?:)", fragments), Pattern.MULTILINE);
    this.literal = Literals.derive(shape).orElse("");
  }

  /**
   * Parses a later-line expression. A slot is {@code {name}} (letters and digits, starting with a
   * letter); quantifiers such as {@code {2,3}} and escapes such as {@code \p{Alpha}} stay regular
   * expression text.
   *
   * @throws java.util.regex.PatternSyntaxException when the expression is not a regular expression
   */
  public static LaterLine parse(String source) {
    Objects.requireNonNull(source, "source");
    List<String> fragments = new ArrayList<>();
    List<String> slots = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        char next = source.charAt(i + 1);
        text.append(c).append(next);
        i++;
        if ("pPNx".indexOf(next) >= 0 && i + 1 < source.length() && source.charAt(i + 1) == '{') {
          int close = source.indexOf('}', i + 1);
          int end = close < 0 ? source.length() : close + 1;
          text.append(source, i + 1, end);
          i = end - 1;
        }
        continue;
      }
      int close = c == '{' ? slotEnd(source, i) : -1;
      if (close < 0) {
        text.append(c);
        continue;
      }
      fragments.add(text.toString());
      text.setLength(0);
      slots.add(source.substring(i + 1, close));
      i = close;
    }
    fragments.add(text.toString());
    // Reject a bad expression when the rule file is read, not at the first match.
    Pattern.compile(String.join("(?:x)", fragments), Pattern.MULTILINE);
    return new LaterLine(source, fragments, slots);
  }

  /** The index of the '}' closing a slot that starts at {@code open}, or -1 when it is not one. */
  private static int slotEnd(String s, int open) {
    int i = open + 1;
    if (i >= s.length() || !isAsciiLetter(s.charAt(i))) {
      return -1;
    }
    while (i < s.length()
        && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == '}' ? i : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The entity names the expression uses. */
  public Set<String> names() {
    return new LinkedHashSet<>(slots);
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /**
   * Whether a line after the one ending at {@code lineEnd} in {@code s} matches, with the slots
   * filled from {@code match}; false when the match did not capture a slot's group.
   */
  boolean foundAfter(String s, int lineEnd, Matcher match) {
    int next = s.indexOf('\n', lineEnd);
    if (next < 0) {
      return false;
    }
    next++;
    if (!literal.isEmpty() && s.indexOf(literal, next) < 0) {
      return false; // cheap: most texts never show the rerun, no need to build the expression
    }
    StringBuilder regex = new StringBuilder(fragments.get(0));
    for (int i = 0; i < slots.size(); i++) {
      String name = slots.get(i);
      String value = match.pattern().namedGroups().containsKey(name) ? match.group(name) : null;
      if (value == null || value.isEmpty() || s.indexOf(value, next) < 0) {
        return false; // the captured text itself must come again before the pattern is worth it
      }
      regex.append(Pattern.quote(value)).append(fragments.get(i + 1));
    }
    return Pattern.compile(regex.toString(), Pattern.MULTILINE)
        .matcher(s)
        .region(next, s.length())
        .find();
  }

  @Override
  public String toString() {
    return source;
  }
}
