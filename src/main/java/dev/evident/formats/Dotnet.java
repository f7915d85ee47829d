package dev.evident.formats;

import dev.evident.model.TestId;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naming and value conventions shared by the .NET readers (TRX, NUnit, xUnit), so that one test
 * gets one identity whichever of these formats reported it: suite = class, name = method or display
 * name without the class prefix, parameters = the trailing {@code (...)} group that xUnit theories
 * ({@code Is_Even(i: 2)}), NUnit test cases ({@code Add(1,2)}) and MSTest data rows ({@code Sum
 * (1,2)}) append.
 */
final class Dotnet {

  private static final Pattern TIME_SPAN =
      Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?");

  private Dotnet() {}

  /**
   * The identity of a test from its class and its display name: a leading {@code suite + "."} is
   * dropped, then a trailing argument list becomes the parameters.
   */
  static TestId testId(String suite, String displayName) {
    String name = displayName.strip();
    if (!suite.isEmpty()
        && name.length() > suite.length() + 1
        && name.charAt(suite.length()) == '.'
        && name.startsWith(suite)) {
      name = name.substring(suite.length() + 1);
    }
    int open = argumentsStart(name);
    if (open > 0) {
      String method = name.substring(0, open).strip();
      if (!method.isEmpty()) {
        return new TestId(suite, method, name.substring(open + 1, name.length() - 1).strip());
      }
    }
    return TestId.parse(suite, name);
  }

  /**
   * The index of the {@code (} that opens an argument list closing at the very end of {@code name},
   * or -1. Parentheses inside double-quoted strings do not count; unbalanced text gives -1, so an
   * odd name stays whole rather than being cut in the wrong place.
   */
  static int argumentsStart(String name) {
    int last = name.length() - 1;
    if (last < 1 || name.charAt(last) != ')') {
      return -1;
    }
    int depth = 0;
    int groupStart = -1;
    boolean quoted = false;
    for (int i = 0; i <= last; i++) {
      char c = name.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && depth > 0) {
        quoted = true;
      } else if (c == '(') {
        if (depth++ == 0) {
          groupStart = i;
        }
      } else if (c == ')') {
        if (--depth < 0) {
          return -1;
        }
      }
    }
    return depth == 0 && !quoted ? groupStart : -1;
  }

  /**
   * Splits a qualified test name {@code Ns.Class.Method(args)} into {@code Ns.Class} and {@code
   * Method(args)}: the last dot outside argument lists and generic brackets. No dot: the prefix is
   * empty.
   */
  static String[] splitQualified(String fullName) {
    int args = argumentsStart(fullName);
    int end = args > 0 ? args : fullName.length();
    int depth = 0;
    for (int i = end - 1; i > 0; i--) {
      char c = fullName.charAt(i);
      if (c == ')' || c == ']' || c == '>') {
        depth++;
      } else if (c == '(' || c == '[' || c == '<') {
        depth--;
      } else if (c == '.' && depth == 0) {
        return new String[] {fullName.substring(0, i), fullName.substring(i + 1)};
      }
    }
    return new String[] {"", fullName};
  }

  /** The file name of a path with either kind of separator: the assembly of a test. */
  static String fileName(String path) {
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(cut + 1);
  }

  /**
   * Parses a .NET TimeSpan as TRX writes durations: {@code hh:mm:ss.fffffff}, with an optional
   * {@code d.} day prefix. Null for blank, negative or malformed text; the caller reports those.
   */
  static Duration timeSpan(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = TIME_SPAN.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long seconds =
        days * 86_400
            + Long.parseLong(m.group(2)) * 3600
            + Long.parseLong(m.group(3)) * 60
            + Long.parseLong(m.group(4));
    long nanos = 0;
    if (m.group(5) != null) {
      String fraction = (m.group(5) + "000000000").substring(0, 9);
      nanos = Long.parseLong(fraction);
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  /**
   * Undoes the escaping xUnit.net v2 and v3 apply to names, messages, skip reasons and traits in
   * their XML ({@code \n}, {@code \"}, {@code \\}, {@code \x1b}, ...), so that a message keeps its
   * lines and a theory's display name matches the one a TRX file gives for the same test.
   */
  static String unescapeXunit(String s) {
    if (s == null || s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(i + 1);
      String simple =
          switch (next) {
            case '\\' -> "\\";
            case 'r' -> "\r";
            case 'n' -> "\n";
            case 't' -> "\t";
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case '"' -> "\"";
            default -> null;
          };
      if (simple != null) {
        out.append(simple);
        i++;
      } else if (next == 'x' && hexAt(s, i + 2, 4) >= 0xD800 && !isSmall(s, i)) {
        out.append((char) hexAt(s, i + 2, 4));
        i += 5;
      } else if (next == 'x' && isSmall(s, i)) {
        out.append((char) hexAt(s, i + 2, 2));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code \xHH} at {@code at} encodes a control character, as xUnit writes them. */
  private static boolean isSmall(String s, int at) {
    int value = hexAt(s, at + 2, 2);
    return value >= 0 && value < 32;
  }

  private static int hexAt(String s, int from, int digits) {
    if (from + digits > s.length()) {
      return -1;
    }
    try {
      return Integer.parseInt(s.substring(from, from + digits), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
