package dev.evident.analyze;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a failure text states its root cause, by the conventions of each ecosystem: Java's deepest
 * {@code Caused by:}, pytest's {@code E} line naming the exception, a Go panic or {@code
 * _test.go:N:} line, Rust's panic message and {@code error[E...]}, else the last exception line
 * (Python prints the exception under its traceback), else the first line that looks like an error.
 * Stack frames ({@code at ...}, {@code File "..."}) are never signal lines.
 */
final class RootLines {

  /** A line (stripped of leading blanks) that states an error rather than where it happened. */
  private static final Pattern SIGNAL =
      Pattern.compile(
          "(?:Caused by:|E\\s|panic:|fatal error:|thread '[^']*' panicked|error(?:\\[E\\d+])?:"
              + "|\\[ERROR]|--- FAIL|FAIL[: ]|expect\\(|Expected|Received|assert|Assertion"
              + "|[\\w$]+_test\\.go:\\d+:|[\\w/.-]+\\.\\w+[:(]\\d+[,:]\\d+\\)?:? -? ?error"
              + "|(?:[\\w$]+\\.)*[\\w$]*(?:Error|Exception|Failure|Exit|Interrupt|Fault|Failed"
              + "|Timeout|Mismatch)[\\w$]*(?::|$|\\s\\[|\\s\\())");

  private static final Pattern EXCEPTION =
      Pattern.compile(
          "(?:[\\w$]+\\.)*[\\w$]*(?:Error|Exception|Failure|Exit|Interrupt|Fault|Mismatch)[\\w$]*"
              + "(?::|$)");

  private RootLines() {}

  private static final String[] EXCEPTION_WORDS = {
    "Error", "Exception", "Failure", "Exit", "Interrupt", "Fault", "Mismatch"
  };

  /** Whether the line from {@code start} to {@code end} of {@code s} states an error. */
  static boolean isSignal(String s, int start, int end) {
    start = skipBlanks(s, start, end);
    return start < end && !isFrame(s, start) && SIGNAL.matcher(s).region(start, end).lookingAt();
  }

  /** A stack frame: most lines of a trace, never the cause. */
  private static boolean isFrame(String s, int text) {
    return s.startsWith("at ", text) || s.startsWith("File \"", text) || s.startsWith("...", text);
  }

  /**
   * Whether the line's first word (up to a colon or blank) names an exception: a cheap test before
   * the regular expression, since most lines of a trace are not exception lines.
   */
  private static boolean firstWordNamesException(String s, int text, int end) {
    int wordEnd = text;
    while (wordEnd < end) {
      char c = s.charAt(wordEnd);
      if (c == ':' || c == ' ' || c == '\t' || c == '(' || c == '\r') {
        break;
      }
      wordEnd++;
    }
    for (int i = text; i < wordEnd; i++) {
      char c = s.charAt(i);
      if (c == 'E' || c == 'F' || c == 'I' || c == 'M') {
        for (String word : EXCEPTION_WORDS) {
          if (i + word.length() <= wordEnd && s.startsWith(word, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The start offset of the root line of a text, or -1 when it has no non-blank line. */
  static int find(String s) {
    int causedBy = -1;
    int pytest = -1;
    int pytestException = -1;
    int specific = -1;
    int lastException = -1;
    int firstSignal = -1;
    int firstLine = -1;
    boolean panicked = false;
    boolean traceback = false;
    Matcher exception = EXCEPTION.matcher(s);
    for (int start = 0; start < s.length(); ) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      int text = skipBlanks(s, start, end);
      if (text < end) {
        if (firstLine < 0) {
          firstLine = text;
        }
        if (s.startsWith("Caused by:", text)) {
          causedBy = text;
        } else if (s.startsWith("E ", text) || s.startsWith("E\t", text)) {
          if (pytest < 0) {
            pytest = text;
          }
          int after = skipBlanks(s, text + 1, end);
          if (pytestException < 0
              && firstWordNamesException(s, after, end)
              && exception.region(after, end).lookingAt()) {
            pytestException = text;
          }
        } else if (specific < 0
            && (panicked
                || s.startsWith("panic:", text)
                || s.startsWith("fatal error:", text)
                || s.startsWith("error[", text)
                || isGoTestLine(s, text, end))) {
          specific = text;
        }
        int at = s.startsWith("thread '", text) ? s.indexOf("panicked at ", text) : -1;
        if (at >= 0 && at < end) {
          // Rust before 1.73 wrote the message on this line in quotes; since then on the next.
          boolean quoted = s.startsWith("'", at + 12);
          if (quoted && specific < 0) {
            specific = text;
          }
          panicked = !quoted;
        } else {
          panicked = false;
        }
        boolean frame = isFrame(s, text);
        if (!frame
            && firstWordNamesException(s, text, end)
            && exception.region(text, end).lookingAt()) {
          lastException = text;
        }
        // Python writes the exception unindented under the indented frames, whatever its name.
        if (s.startsWith("Traceback (most recent call last)", text)) {
          traceback = true;
        } else if (traceback && text == start) {
          lastException = text;
          traceback = false;
        }
        if (firstSignal < 0 && !frame && isSignal(s, text, end)) {
          firstSignal = text;
        }
      }
      start = end + 1;
    }
    for (int candidate :
        new int[] {causedBy, pytestException, pytest, specific, lastException, firstSignal}) {
      if (candidate >= 0) {
        return candidate;
      }
    }
    return firstLine;
  }

  /** The line starting at {@code start}, without leading and trailing blanks. */
  static String lineAt(String s, int start) {
    int end = s.indexOf('\n', start);
    return s.substring(start, end < 0 ? s.length() : end).strip();
  }

  private static boolean isGoTestLine(String s, int start, int end) {
    int colon = s.indexOf("_test.go:", start);
    return colon > start && colon < end && s.lastIndexOf(' ', colon) < start;
  }

  private static int skipBlanks(String s, int start, int end) {
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    return start;
  }
}
