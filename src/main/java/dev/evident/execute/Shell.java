package dev.evident.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a shell script ({@code sh -c "cd app && pytest -q"}) into simple commands, enough to find
 * a test runner in it and add options after a word. Not a shell: expansions stay as written.
 */
final class Shell {

  /**
   * One word of a script.
   *
   * @param text the word with quotes removed
   * @param start where it starts in the script
   * @param end where it ends in the script (exclusive)
   */
  record Word(String text, int start, int end) {}

  /**
   * One simple command.
   *
   * @param words its words, redirections left out
   * @param pipedOut whether its output goes into a pipe ({@code go test ./... | tee log})
   */
  record Segment(List<Word> words, boolean pipedOut) {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  static List<Segment> segments(String script) {
    var segments = new ArrayList<Segment>();
    var words = new ArrayList<Word>();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '#' && atWordStart(script, i)) {
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
      } else if (redirectionAt(script, i) > 0) {
        i = skipRedirection(script, i);
      } else if (c == ';' || c == '\n' || c == '&' || c == '|' || c == '(' || c == ')') {
        boolean pipe = c == '|' && !(i + 1 < n && script.charAt(i + 1) == '|');
        i += (c == '&' || c == '|') && i + 1 < n && script.charAt(i + 1) == c ? 2 : 1;
        if (!words.isEmpty()) {
          segments.add(new Segment(List.copyOf(words), pipe));
          words.clear();
        }
      } else {
        int start = i;
        var text = new StringBuilder();
        i = readWord(script, i, text);
        words.add(new Word(text.toString(), start, i));
      }
    }
    if (!words.isEmpty()) {
      segments.add(new Segment(List.copyOf(words), false));
    }
    return segments;
  }

  /** The word quoted for a POSIX shell, unchanged when it needs no quotes. */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  private static boolean atWordStart(String s, int i) {
    return i == 0 || " \t\n;&|()".indexOf(s.charAt(i - 1)) >= 0;
  }

  /** Length of the redirection operator at {@code i} (digits included), or 0. */
  private static int redirectionAt(String s, int i) {
    int j = i;
    while (j < s.length() && Character.isDigit(s.charAt(j))) {
      j++;
    }
    if (j < s.length() && (s.charAt(j) == '>' || s.charAt(j) == '<')) {
      return j - i + 1;
    }
    if (j == i && s.startsWith("&>", i)) {
      return 2;
    }
    return 0;
  }

  private static int skipRedirection(String s, int i) {
    int j = i + redirectionAt(s, i);
    while (j < s.length() && (s.charAt(j) == '>' || s.charAt(j) == '<' || s.charAt(j) == '&')) {
      j++;
    }
    if (j < s.length()
        && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')
        && s.charAt(j - 1) == '&') {
      return j + 1;
    }
    while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    return readWord(s, j, new StringBuilder());
  }

  private static int readWord(String s, int i, StringBuilder text) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (" \t\n;&|()<>".indexOf(c) >= 0) {
        break;
      }
      if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        int end = close < 0 ? n : close;
        text.append(s, i + 1, end);
        i = Math.min(n, end + 1);
      } else if (c == '"') {
        i++;
        while (i < n && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < n && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
            i++;
          }
          text.append(s.charAt(i++));
        }
        i = Math.min(n, i + 1);
      } else if (c == '\\' && i + 1 < n) {
        text.append(s.charAt(i + 1));
        i += 2;
      } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
        int start = i;
        int depth = 0;
        i++;
        do {
          char d = s.charAt(i);
          depth += d == '(' ? 1 : d == ')' ? -1 : 0;
          i++;
        } while (i < n && depth > 0);
        text.append(s, start, i);
      } else {
        text.append(c);
        i++;
      }
    }
    return i;
  }
}
