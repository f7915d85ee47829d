package dev.evident.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads the lines of a TAP stream in bounded memory: a line longer than {@link #MAX_LINE}
 * characters keeps its first {@code MAX_LINE} characters (the rest is skipped, not buffered).
 * Terminators {@code \n}, {@code \r\n} and {@code \r}; a leading byte order mark is dropped, and so
 * are ANSI escape sequences, which coloured runner output puts around TAP lines. Not thread safe.
 */
final class TapLines implements AutoCloseable {

  static final int MAX_LINE = 64 * 1024;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

  /** What counts as a TAP line when looking for the stream's base indentation. */
  private static final Pattern TAP_LINE =
      Pattern.compile(
          "^(?:(?:not\\s+)?ok(?:\\s.*)?|\\d+\\.\\.\\d+(?:\\s.*)?|TAP version.*|Bail out!.*"
              + "|#\\s*Subtest(?::.*)?)$",
          Pattern.CASE_INSENSITIVE);

  private final Reader in;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int limit;
  private long number;
  private boolean first = true;

  TapLines(InputStream in) {
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? finish() : null;
        }
      }
      char c = buffer[position++];
      any = true;
      if (c == '\n') {
        return finish();
      }
      if (c == '\r') {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            return finish();
          }
        }
        if (buffer[position] == '\n') {
          position++;
        }
        return finish();
      }
      if (line.length() < MAX_LINE) {
        line.append(c);
      }
    }
  }

  private String finish() {
    number++;
    if (first) {
      first = false;
      if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line.deleteCharAt(0);
      }
    }
    String text = line.toString();
    return text.indexOf('\u001B') >= 0 ? ANSI.matcher(text).replaceAll("") : text;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Columns of leading whitespace; a tab advances to the next multiple of four. */
  static int indent(String line) {
    int columns = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns = (columns / 4 + 1) * 4;
      } else {
        break;
      }
    }
    return columns;
  }

  static boolean isTapLine(String content) {
    return TAP_LINE.matcher(content).matches();
  }

  /**
   * The smallest indentation of the input's TAP lines, which is the indentation of its top-level
   * stream (some producers indent everything); -1 when the input has no TAP line at all. Stops at
   * the first unindented TAP line, so for most inputs this reads only the first few lines.
   */
  static int baseIndent(ResultInput input) throws IOException {
    int min = -1;
    try (TapLines lines = new TapLines(input.openOrFail())) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        String content = line.strip();
        if (content.isEmpty() || !isTapLine(content)) {
          continue;
        }
        int indent = indent(line);
        if (min < 0 || indent < min) {
          min = indent;
          if (min == 0) {
            break;
          }
        }
      }
    }
    return min;
  }
}
